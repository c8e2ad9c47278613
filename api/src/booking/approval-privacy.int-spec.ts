import { MailKind, Role } from '@lh/domain';
import { aCourse, anAgency, aPerson, aSession, bookings } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Agency } from '../people/agency.entity';
import { Course } from '../catalogue/course.entity';
import { Session } from '../scheduling/session.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Booking } from './booking.entity';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status session { joiningInstructions } } }`;
const BOOKING = `query($id: ID!) { booking(id: $id) { status session { joiningInstructions } history { action actorName actorEmail } } }`;
const REQUEST = `query($t: String!) { approvalRequest(token: $t) { status practitionerName practitionerJobTitle practitionerAgency managerEmail expiresAt } }`;
const DECIDE = `mutation($t: String!, $a: Boolean!) { decideApproval(token: $t, approve: $a) { status practitionerName managerEmail } }`;
const PROFILE = `{ myProfile { email lineManagerEmail agencyName } }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { lineManagerEmail } }`;
const EMAIL_RULES = `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { emailDomains managerEmailOnDomains } }`;

const details = (a: Agency) => ({ agencyId: a.id, name: a.name, sector: a.sector, statutoryPartner: a.statutoryPartner });

describe('line-manager approval and who sees what (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinatorCookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    coordinatorCookie = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());

  async function approvalCourseSession(opts: { joiningInstructions?: string; capacity?: number } = {}) {
    const em = api.orm.em.fork();
    const course = await aCourse(em);
    await em.nativeUpdate(Course, { id: course.id }, { requiresApproval: true });
    const session = await aSession(em, course, { capacity: opts.capacity ?? 5 });
    if (opts.joiningInstructions) {
      await em.nativeUpdate(Session, { id: session.id }, { joiningInstructions: opts.joiningInstructions });
    }
    return session;
  }

  async function practitioner(agency?: Agency) {
    const person = await aPerson(api.orm.em.fork(), { agency });
    return { person, cookie: await signInAs(api.url, person) };
  }

  /** The token in the approval link mailed to the manager. */
  async function approvalToken(bookingId: string): Promise<string> {
    const mail = await api.orm.em.fork().findOneOrFail(OutboxMessage, { bookingId, kind: MailKind.APPROVAL_REQUESTED });
    return /\/approvals\/([^?\s"]+)/.exec(mail.text)![1]!;
  }

  it("refuses the booker's own address as their line manager's, and books nothing", async () => {
    const session = await approvalCourseSession();
    const { person, cookie } = await practitioner();
    const res = await gql(api.url, BOOK, { input: { sessionId: session.id, managerEmail: person.email.toUpperCase() } }, cookie);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.fields).toEqual([{ field: 'input.managerEmail', message: expect.stringMatching(/not your own/) }]);
    expect(await api.orm.em.fork().count(Booking, { session: session.id })).toBe(0);
  });

  it("keeps the line manager on the person's profile, changeable, never their own address", async () => {
    const session = await approvalCourseSession();
    const { cookie } = await practitioner();
    expect(
      (await gql<{ myProfile: { lineManagerEmail: string | null } }>(api.url, PROFILE, {}, cookie)).data!.myProfile.lineManagerEmail,
    ).toBeNull();
    await gql(api.url, BOOK, { input: { sessionId: session.id, managerEmail: 'Sam.Manager@Example.org' } }, cookie);
    const profile = await gql<{ myProfile: { email: string; lineManagerEmail: string } }>(api.url, PROFILE, {}, cookie);
    expect(profile.data!.myProfile.lineManagerEmail).toBe('sam.manager@example.org');

    const changed = await gql(api.url, UPDATE_PROFILE, { input: { lineManagerEmail: 'new.boss@example.org' } }, cookie);
    expect(changed.data).toEqual({ updateMyProfile: { lineManagerEmail: 'new.boss@example.org' } });
    const own = await gql(api.url, UPDATE_PROFILE, { input: { lineManagerEmail: profile.data!.myProfile.email } }, cookie);
    expect(own.errors?.[0]?.extensions?.fields?.[0]).toMatchObject({ field: 'input.lineManagerEmail' });
    const cleared = await gql(api.url, UPDATE_PROFILE, { input: { lineManagerEmail: '' } }, cookie);
    expect(cleared.data).toEqual({ updateMyProfile: { lineManagerEmail: null } });
  });

  it("lets an agency require managers' addresses on its email domains", async () => {
    const agency = await anAgency(api.orm.em.fork());
    const missing = await gql(
      api.url,
      EMAIL_RULES,
      { input: { ...details(agency), emailDomains: [], managerEmailOnDomains: true } },
      coordinatorCookie,
    );
    expect(missing.errors?.[0]?.extensions?.fields?.[0]).toMatchObject({ field: 'input.emailDomains' });
    const set = await gql(
      api.url,
      EMAIL_RULES,
      { input: { ...details(agency), emailDomains: ['@Northshire.gov.uk'], managerEmailOnDomains: true } },
      coordinatorCookie,
    );
    expect(set.data).toEqual({ updateAgency: { emailDomains: ['northshire.gov.uk'], managerEmailOnDomains: true } });

    const session = await approvalCourseSession();
    const { cookie } = await practitioner(agency);
    const personal = await gql(api.url, BOOK, { input: { sessionId: session.id, managerEmail: 'sam@gmail.com' } }, cookie);
    expect(personal.errors?.[0]?.message).toMatch(/ending @northshire\.gov\.uk/);
    const work = await gql<{ bookSession: { status: string } }>(
      api.url,
      BOOK,
      { input: { sessionId: session.id, managerEmail: 'sam@northshire.gov.uk' } },
      cookie,
    );
    expect(work.data?.bookSession.status).toBe('PENDING_APPROVAL');
  });

  it('records which address approved, and a used link shows only the outcome', async () => {
    const session = await approvalCourseSession({ joiningInstructions: 'Bring your ID badge' });
    const { cookie } = await practitioner();
    const booked = await gql<{ bookSession: { id: string; session: { joiningInstructions: string | null } } }>(
      api.url,
      BOOK,
      { input: { sessionId: session.id, managerEmail: 'sam.manager@example.org' } },
      cookie,
    );
    const bookingId = booked.data!.bookSession.id;
    // joining instructions are for confirmed places only
    expect(booked.data!.bookSession.session.joiningInstructions).toBeNull();
    const token = await approvalToken(bookingId);
    const open = await gql<{ approvalRequest: Record<string, unknown> }>(api.url, REQUEST, { t: token });
    expect(open.data!.approvalRequest).toMatchObject({ status: 'PENDING_APPROVAL', managerEmail: 'sam.manager@example.org' });
    expect(open.data!.approvalRequest.practitionerName).toEqual(expect.any(String));

    const decided = await gql<{ decideApproval: Record<string, unknown> }>(api.url, DECIDE, { t: token, a: true });
    expect(decided.data!.decideApproval).toEqual({ status: 'CONFIRMED', practitionerName: null, managerEmail: null });
    const after = await gql<{ approvalRequest: Record<string, unknown> }>(api.url, REQUEST, { t: token });
    expect(after.data!.approvalRequest).toEqual({
      status: 'CONFIRMED',
      practitionerName: null,
      practitionerJobTitle: null,
      practitionerAgency: null,
      managerEmail: null,
      expiresAt: null,
    });

    const seen = await gql<{
      booking: { session: { joiningInstructions: string }; history: { action: string; actorEmail: string | null }[] };
    }>(api.url, BOOKING, { id: bookingId }, coordinatorCookie);
    expect(seen.data!.booking.history.find((h) => h.action === 'approved')?.actorEmail).toBe('sam.manager@example.org');
    expect(seen.data!.booking.session.joiningInstructions).toBe('Bring your ID badge');
  });

  it('never gives joining instructions to someone on the waiting list', async () => {
    const session = await approvalCourseSession({ joiningInstructions: 'Room code 4321', capacity: 1 });
    await bookings(api.orm.em.fork(), session, 1);
    const { cookie } = await practitioner();
    const waiting = await gql<{ bookSession: { status: string; session: { joiningInstructions: string | null } } }>(
      api.url,
      BOOK,
      { input: { sessionId: session.id, managerEmail: 'sam.manager@example.org' } },
      cookie,
    );
    expect(waiting.data!.bookSession).toMatchObject({ status: 'WAITLISTED', session: { joiningInstructions: null } });
  });
});
