import { redirect } from '@sveltejs/kit';
import { CERTIFICATE_CODE_EXAMPLE, formatCertificateCode, normaliseCertificateCode } from '@lh/domain';
import { failField } from '$lib/server/forms';
import type { Actions } from './$types';

const MALFORMED = `Enter the code as it is printed on the certificate, for example ${CERTIFICATE_CODE_EXAMPLE}`;

export const actions: Actions = {
  /** Goes to the code's page (the one the QR code opens), which says what the certificate is. */
  default: async ({ request }) => {
    const typed = String((await request.formData()).get('code') ?? '');
    const code = normaliseCertificateCode(typed);
    if (!code) {
      return failField('code', MALFORMED, { code: typed });
    }
    redirect(303, `/verify/${formatCertificateCode(code)}`);
  },
};
