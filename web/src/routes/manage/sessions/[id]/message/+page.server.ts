import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { MessageSessionDocument, SessionMessageRecipientsDocument, SessionRosterDocument, type RosterAudience } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { failFromApi, type FormProblem } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const AUDIENCES: readonly RosterAudience[] = ['CONFIRMED', 'WAITING_LIST', 'PENDING_APPROVAL', 'OFFERED', 'ATTENDED'];

/**
 * Email everyone on the session in one status. The page shows how many each choice reaches before sending;
 * the form carries a key made when the page loads, so a double click (or a resent form) sends once.
 */
export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const [{ sessionRoster }, ...counts] = await Promise.all([
      api(event, SessionRosterDocument, { sessionId: event.params.id }),
      ...AUDIENCES.map((audience) =>
        api(event, SessionMessageRecipientsDocument, { sessionId: event.params.id, audience }).then((r) => r.sessionMessageRecipients),
      ),
    ]);
    return {
      session: sessionRoster.session,
      audiences: AUDIENCES.map((audience, i) => ({ audience, count: counts[i] ?? 0 })),
      idempotencyKey: randomUUID(),
      sent: event.url.searchParams.get('sent'),
      repeated: event.url.searchParams.get('repeated') === '1',
    };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = {
      audience: String(form.get('audience') ?? ''),
      subject: String(form.get('subject') ?? '').trim(),
      message: String(form.get('message') ?? '').trim(),
      idempotencyKey: String(form.get('idempotencyKey') ?? ''),
    };
    // an audience the API's enum would refuse unread: check the form's own questions first, all at once
    if (!AUDIENCES.includes(values.audience as RosterAudience)) {
      const errors: FormProblem[] = [{ field: 'audience', message: 'Choose who to email' }];
      if (!values.subject) {
        errors.push({ field: 'subject', message: 'Enter a subject' });
      }
      if (!values.message) {
        errors.push({ field: 'message', message: 'Enter a message' });
      }
      return fail(400, { errors, values, code: 'BAD_USER_INPUT' });
    }
    let sent;
    try {
      ({ messageSession: sent } = await api(event, MessageSessionDocument, {
        input: { sessionId: event.params.id, ...values, audience: values.audience as RosterAudience },
      }));
    } catch (e) {
      return failFromApi(e, ['audience', 'subject', 'message'], values);
    }
    redirect(303, `/manage/sessions/${event.params.id}/message?sent=${sent.recipients}${sent.repeated ? '&repeated=1' : ''}`);
  },
};
