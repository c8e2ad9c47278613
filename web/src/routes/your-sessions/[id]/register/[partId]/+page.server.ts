import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  MarkAllPresentDocument,
  MarkAttendanceDocument,
  PartRegisterDocument,
  SignOffRegisterDocument,
  type AttendanceMark,
} from '@lh/graphql-client';
import { requireViewer } from '$lib/server/access';
import { qrSvg } from '$lib/server/qr';
import { api, failLoad } from '$lib/server/api';
import { failFromApi, submitForm, UNREADABLE_NUMBER, type FormProblem } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * One part's register, for the session's trainers and the training team: one query for everyone on it.
 * Search, filters and the confirmation steps live in the address (?q=, ?show=, ?confirm=) and are read by the
 * page itself, so this load does not run again when they change.
 */
export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event, 'TRAINER', 'COORDINATOR');
  let register;
  try {
    register = (await api(event, PartRegisterDocument, { partId: event.params.partId })).register;
  } catch (e) {
    failLoad(e, event);
  }
  if (register.sessionId !== event.params.id) {
    error(404, { message: 'There is nothing at this address: check the link you followed.', code: 'NOT_FOUND' });
  }
  // the end-of-course evaluation, offered on the day: attendees open it signed in (by this link or its QR code)
  const evaluationLink = `${event.url.origin}/surveys/for/${register.sessionId}`;
  return {
    register,
    coordinator: me.roles.includes('COORDINATOR'),
    evaluation: { link: evaluationLink, qr: await qrSvg(evaluationLink, 'QR code for the evaluation') },
  };
};

const MARKS = new Set<string>(['PRESENT', 'LATE', 'LEFT_EARLY', 'ABSENT_WITH_APOLOGY', 'DID_NOT_ATTEND']);
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The page's own script sends marks as SvelteKit's `enhance` does: it wants the answer, not a new page. */
const fromScript = (event: RequestEvent) => event.request.headers.get('x-sveltekit-action') === 'true';

/** Back to the register as it was shown (search and filter kept), at the person just marked. */
function backTo(event: RequestEvent, params: Record<string, string>, hash = ''): never {
  const query = new URLSearchParams();
  for (const name of ['q', 'show']) {
    const value = event.url.searchParams.get(name);
    if (value) {
      query.set(name, value);
    }
  }
  for (const [name, value] of Object.entries(params)) {
    query.set(name, value);
  }
  redirect(303, `${event.url.pathname}?${query}${hash}`);
}

/** The mark a form asks for: a mark button, "take back", or "save note" (which keeps the current mark). */
function chosenMark(form: FormData): { mark: AttendanceMark | null; keepsMinutes: boolean } {
  const chosen = text(form, 'mark');
  if (chosen === 'NOTE') {
    const current = text(form, 'currentMark');
    return { mark: MARKS.has(current) ? (current as AttendanceMark) : null, keepsMinutes: true };
  }
  return { mark: MARKS.has(chosen) ? (chosen as AttendanceMark) : null, keepsMinutes: false };
}

export const actions: Actions = {
  /** One person's mark (or a coordinator's correction, with its reason). */
  mark: async (event) => {
    requireViewer(event, 'TRAINER', 'COORDINATOR');
    const form = await event.request.formData();
    const bookingId = text(form, 'bookingId');
    const { mark, keepsMinutes } = chosenMark(form);
    const minutesText = keepsMinutes ? text(form, 'currentMinutes') : text(form, 'minutes');
    const values = { bookingId, mark: mark ?? 'NONE', minutes: minutesText, note: text(form, 'note'), reason: text(form, 'reason') };
    const problems: FormProblem[] = [];
    let minutes: number | null = null;
    if (minutesText) {
      minutes = /^\d+$/.test(minutesText) ? Number(minutesText) : UNREADABLE_NUMBER;
      if (minutes === UNREADABLE_NUMBER) {
        problems.push({ field: `minutes-${bookingId}`, message: 'Enter the minutes as a whole number, like 10' });
      }
    }
    // each problem at the person's own field; one about the whole mark (closed, signed off, not on the register) at the person
    const rowFields = ['minutes', 'note', 'reason'];
    const sent = await submitForm({
      problems,
      fields: rowFields.map((f) => `${f}-${bookingId}`),
      values,
      call: () =>
        api(event, MarkAttendanceDocument, {
          input: {
            clientId: text(form, 'clientId'),
            partId: event.params.partId,
            bookingId,
            mark,
            minutes,
            note: values.note || null,
            basedOnEventId: text(form, 'basedOnEventId') || null,
            reason: values.reason || null,
          },
        }),
      failure: (e) => {
        const refused = failFromApi(e, rowFields, values);
        const errors = refused.data.errors.map((p) => ({ ...p, field: p.field ? `${p.field}-${bookingId}` : `p-${bookingId}` }));
        return fail(refused.status, { ...refused.data, errors });
      },
    });
    if (!sent.ok) {
      return sent.failure;
    }
    const result = sent.result.markAttendance;
    if (fromScript(event)) {
      return { result };
    }
    if (!result.applied) {
      // someone else marked this person first: show theirs and offer to apply this one on top of it
      return { conflict: { bookingId, sentence: result.conflict ?? '', yours: values } };
    }
    backTo(event, { marked: bookingId }, `#p-${bookingId}`);
  },

  /** "Mark everyone not yet marked as present". */
  markAll: async (event) => {
    requireViewer(event, 'TRAINER', 'COORDINATOR');
    const form = await event.request.formData();
    let register;
    try {
      register = (await api(event, MarkAllPresentDocument, { input: { clientId: text(form, 'clientId'), partId: event.params.partId } }))
        .markAllPresent;
    } catch (e) {
      return failFromApi(e, []);
    }
    if (fromScript(event)) {
      return { register };
    }
    backTo(event, { done: 'all' });
  },

  signOff: async (event) => {
    requireViewer(event, 'TRAINER', 'COORDINATOR');
    try {
      await api(event, SignOffRegisterDocument, { partId: event.params.partId });
    } catch (e) {
      return failFromApi(e, []);
    }
    backTo(event, { done: 'signed-off' });
  },
};
