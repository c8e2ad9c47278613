import { CertificatePdfDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { download } from '$lib/server/download';
import type { RequestHandler } from './$types';

/** A certificate as an A4 PDF, for its holder, coordinators and the holder's agency lead (the API decides). */
export const GET: RequestHandler = async (event) => {
  requireViewer(event);
  try {
    const { certificatePdf } = await api(event, CertificatePdfDocument, { certificateId: event.params.id });
    return download(Buffer.from(certificatePdf.base64, 'base64'), 'application/pdf', certificatePdf.fileName, 'certificate.pdf');
  } catch (e) {
    failLoad(e, event);
  }
};
