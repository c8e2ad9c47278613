import { error } from '@sveltejs/kit';
import { ApiRequestError, VerifyCertificateDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/**
 * What a certificate's QR code opens (and where the form goes): the certificate as printed and its
 * status, or why there is none to show. Anyone may look; the API counts the checks from each address.
 */
export const load: PageServerLoad = async (event) => {
  try {
    const { verifyCertificate } = await api(event, VerifyCertificateDocument, { code: event.params.code.slice(0, 100) });
    return { typed: event.params.code, verification: verifyCertificate };
  } catch (e) {
    if (e instanceof ApiRequestError && e.code === 'TOO_MANY_ATTEMPTS') {
      error(429, { message: `${e.message} Too many certificates were checked from your network.`, code: e.code });
    }
    if (e instanceof ApiRequestError && e.status >= 400 && e.status < 500) {
      error(400, { message: e.message, code: e.code });
    }
    error(503, { message: 'Certificates cannot be checked just now. Try again in a few minutes.', code: 'UNAVAILABLE' });
  }
};
