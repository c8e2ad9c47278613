import { ApiRequestError, CheckInDocument } from '@lh/graphql-client';
import { normaliseCheckInCode } from '@lh/domain';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { checkInClientId } from '$lib/check-in-pages';
import type { PageServerLoad } from './$types';

/**
 * What the QR code on the check-in screen opens: signed in (or after signing in, which comes back here),
 * it checks the person in and says what happened. Opening it again with the same code counts once.
 */
export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event);
  const code = normaliseCheckInCode(event.params.code);
  try {
    const { checkIn } = await api(event, CheckInDocument, { input: { code, clientId: await checkInClientId(code, me.id) } });
    return { result: checkIn, refusal: null };
  } catch (e) {
    if (e instanceof ApiRequestError && e.status >= 400 && e.status < 500 && e.code !== 'UNAUTHENTICATED') {
      return { result: null, refusal: { code: e.code, message: e.message } };
    }
    failLoad(e, event);
  }
};
