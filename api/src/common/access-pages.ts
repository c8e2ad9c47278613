import { rowCells, type Persona } from './access-matrix';

/**
 * Who may open every web page: the page half of the access table (access-matrix.ts has the API half, and
 * the personas). `e2e/src/access-matrix.e2e-spec.ts` opens every page route of the web app (found from
 * `web/src/routes/**\/+page.svelte`, with the ids of A's data and A's session filled in) as each persona over
 * plain HTTP, and fails when a cell changes, when a page has no row, or when a row names a page that is gone.
 *
 * Outcomes:
 *   shown    200: the page is shown
 *   sign-in  303 to /sign-in (signed out, on a page that needs a sign-in)
 *   moved    another redirect (e.g. signed in, on the sign-in page)
 *   refused  403: signed in without the role the page needs
 *   hidden   404: there is nothing there for this caller (an id that names nothing, or not theirs)
 *   invalid  another 4xx: a link whose token is not valid (nothing is shown)
 *
 * A page the persona may open but whose data they may not see answers as the API does (hidden), and the
 * API's own cells (QUERY_ACCESS, MUTATION_ACCESS) are checked again behind every page.
 */
export const PAGE_OUTCOMES = ['shown', 'sign-in', 'moved', 'refused', 'hidden', 'invalid'] as const;
export type PageOutcome = (typeof PAGE_OUTCOMES)[number];

/** The outcomes of one page row, by persona. */
export const pageCellsOf = (row: string): Record<Persona, PageOutcome> => rowCells(row, PAGE_OUTCOMES, 'A page row');

// The rules rows share. Cells in the order of PERSONAS: out A B T U L M R C.
/** Anyone, signed in or not. */
const OPEN = 'shown   shown   shown   shown   shown   shown   shown   shown   shown';
/** For the signed out; anyone signed in is sent on. */
const SIGNED_OUT = 'shown   moved   moved   moved   moved   moved   moved   moved   moved';
/** Anyone signed in, about themselves. */
const SIGNED_IN = 'sign-in shown   shown   shown   shown   shown   shown   shown   shown';
/** Coordinators only. */
const COORDINATOR = 'sign-in refused refused refused refused refused refused refused shown';
/** Coordinators only; the id names nothing in the test world. */
const COORDINATOR_NO_SUCH = 'sign-in refused refused refused refused refused refused refused hidden';
/** Reviewers and coordinators: figures, no person. */
const FIGURES = 'sign-in refused refused refused refused refused refused shown   shown';
/** The trainers of the session and coordinators. */
const SESSION_TRAINER = 'sign-in refused refused shown   refused refused refused refused shown';

/** PAGE_ACCESS rows, by route (as in web/src/routes). */
export const PAGE_ACCESS: Record<string, string> = {
  '/': OPEN,
  '/accessibility': OPEN,
  '/account': SIGNED_IN,
  '/account/set-password/[token]': OPEN,
  '/account/your-data': SIGNED_IN,
  '/approvals/[token]': 'invalid invalid invalid invalid invalid invalid invalid invalid invalid',
  '/bookings': SIGNED_IN,
  '/bookings/[id]': 'sign-in shown   hidden  hidden  hidden  hidden  hidden  hidden  shown',
  '/certificates': SIGNED_IN,
  '/check-in': OPEN,
  '/check-in/[code]': SIGNED_IN,
  '/courses': OPEN,
  '/courses/[id]': OPEN,
  '/dev/mail': COORDINATOR,
  '/dev/mail/[id]': COORDINATOR_NO_SUCH,
  '/help': OPEN,
  '/help/coordinator': OPEN,
  '/help/practitioner': OPEN,
  '/help/reviewer': OPEN,
  '/help/trainer': OPEN,
  '/manage': COORDINATOR,
  '/manage/agencies': COORDINATOR,
  '/manage/agencies/[id]': COORDINATOR,
  '/manage/agencies/[id]/approval': COORDINATOR,
  '/manage/agencies/[id]/edit': COORDINATOR,
  '/manage/agencies/[id]/non-attendance': COORDINATOR,
  '/manage/agencies/[id]/retire': COORDINATOR,
  '/manage/agencies/[id]/sign-in': COORDINATOR,
  '/manage/agencies/merge': COORDINATOR,
  '/manage/agencies/new': COORDINATOR,
  '/manage/audit': COORDINATOR,
  '/manage/bookings/[id]/move': COORDINATOR,
  '/manage/compliance': FIGURES,
  '/manage/courses': COORDINATOR,
  '/manage/courses/[id]/edit': COORDINATOR,
  '/manage/courses/[id]/surveys': COORDINATOR,
  '/manage/courses/new': COORDINATOR,
  '/manage/e-learning': COORDINATOR,
  '/manage/external-learning': COORDINATOR,
  '/manage/external-learning/[id]/reject': COORDINATOR_NO_SUCH,
  '/manage/mail': COORDINATOR,
  '/manage/mandatory-training': COORDINATOR,
  '/manage/mandatory-training/[id]': COORDINATOR_NO_SUCH,
  '/manage/mandatory-training/new': COORDINATOR,
  '/manage/non-attendance': COORDINATOR,
  '/manage/non-attendance/policy': COORDINATOR,
  '/manage/people': COORDINATOR,
  '/manage/people/[id]': COORDINATOR,
  '/manage/people/[id]/deactivate': COORDINATOR,
  '/manage/people/[id]/edit': COORDINATOR,
  '/manage/people/[id]/erase': COORDINATOR,
  '/manage/people/[id]/merge': COORDINATOR,
  '/manage/people/[id]/roles': COORDINATOR,
  '/manage/people/import': COORDINATOR,
  '/manage/people/new': COORDINATOR,
  '/manage/queue': COORDINATOR,
  '/manage/reports': FIGURES,
  '/manage/reports/evaluation': FIGURES,
  '/manage/reports/charges': FIGURES,
  '/manage/reports/compliance': FIGURES,
  '/manage/reports/dashboard': FIGURES,
  '/manage/reports/drill-down': COORDINATOR_NO_SUCH, // opened without a figure: nothing there
  '/manage/reports/glossary': FIGURES,
  '/manage/reports/trainers': FIGURES,
  '/manage/requests': COORDINATOR,
  '/manage/retention': COORDINATOR,
  '/manage/sessions': COORDINATOR,
  '/manage/sessions/[id]': COORDINATOR,
  '/manage/sessions/[id]/add': COORDINATOR,
  '/manage/sessions/[id]/cancel': COORDINATOR,
  '/manage/sessions/[id]/copy': COORDINATOR,
  '/manage/sessions/[id]/edit': COORDINATOR,
  '/manage/sessions/[id]/message': COORDINATOR,
  '/manage/sessions/[id]/move-people': COORDINATOR,
  '/manage/sessions/[id]/notes/[bookingId]': COORDINATOR,
  '/manage/sessions/[id]/repeat': COORDINATOR,
  '/manage/sessions/calendar': COORDINATOR,
  '/manage/sessions/new': COORDINATOR,
  '/manage/surveys': COORDINATOR,
  '/manage/surveys/[id]': COORDINATOR_NO_SUCH,
  '/manage/surveys/new': COORDINATOR,
  '/manage/surveys/results': FIGURES,
  '/manage/venues': COORDINATOR,
  '/manage/venues/[id]/edit': COORDINATOR,
  '/manage/venues/new': COORDINATOR,
  '/mandatory-training': SIGNED_IN,
  '/privacy': OPEN,
  '/records/[personId]': 'sign-in shown   hidden  hidden  hidden  shown   hidden  hidden  shown',
  '/register': SIGNED_OUT,
  '/register/check-email': OPEN,
  '/register/confirm/[token]': OPEN,
  '/register/resend': OPEN,
  '/sessions/[id]/book': SIGNED_IN,
  '/sign-in': SIGNED_OUT,
  '/sign-in/forgot-password': OPEN,
  '/sign-in/link': SIGNED_OUT,
  '/sign-in/link/[token]': OPEN,
  '/sign-in/sso/callback': OPEN,
  '/surveys': SIGNED_IN,
  '/surveys/[token]': 'invalid invalid invalid invalid invalid invalid invalid invalid invalid',
  '/surveys/for/[sessionId]': 'sign-in shown   hidden  hidden  hidden  hidden  hidden  hidden  hidden',
  '/surveys/opt-out/[token]': OPEN,
  '/verify': OPEN,
  '/verify/[code]': OPEN,
  '/your-agency': 'sign-in refused refused refused refused shown   shown   refused refused',
  '/your-agency/reports': 'sign-in refused refused refused refused shown   shown   refused refused',
  '/your-record': SIGNED_IN,
  '/your-record/external/new': SIGNED_IN,
  '/your-sessions': 'sign-in refused refused shown   shown   refused refused refused shown',
  '/your-sessions/[id]': 'sign-in refused refused shown   hidden  refused refused refused shown',
  '/your-sessions/[id]/register/[partId]': SESSION_TRAINER,
  '/your-sessions/[id]/register/[partId]/check-in': SESSION_TRAINER,
  '/your-sessions/[id]/register/[partId]/walk-in': SESSION_TRAINER,
  '/your-sessions/[id]/register/upload': SESSION_TRAINER,
};
