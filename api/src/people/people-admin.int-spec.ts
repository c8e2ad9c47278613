import { BookingStatus, type DomainError, MailKind, PersonStatus, Role } from '@lh/domain';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { AccountToken, AccountTokenPurpose } from '../auth/account-token.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { toViewer } from '../auth/auth.service';
import { Booking } from '../booking/booking.entity';
import { MailDeliveryService } from '../notifications/mail-delivery.service';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Agency } from './agency.entity';
import { Person } from './person.entity';
import { PeopleAdminService } from './people-admin.service';

const PEOPLE = `query($filter: PeopleFilterInput) { people(filter: $filter) { total page pageCount people { id name email status roles agencyName } } }`;
const PERSON = `query($id: ID!) { personAdmin(id: $id) { id name status roles hasPassword bookings { id status courseTitle upcoming agencyName } history { action courseTitle actorName reason } } }`;
const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id name email status roles agencyName hasPassword } }`;
const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id name email jobTitle team agencyName lineManagerEmail } }`;
const ROLES = `mutation($personId: ID!, $roles: [Role!]!) { setPersonRoles(personId: $personId, roles: $roles) { id roles } }`;
const DEACTIVATE = `mutation($personId: ID!, $reason: String) { deactivatePerson(personId: $personId, reason: $reason) { id status bookings { status upcoming } } }`;
const REACTIVATE = `mutation($personId: ID!) { reactivatePerson(personId: $personId) { id status } }`;
const ME = `{ me { id } }`;

describe('coordinators managing people (real PostgreSQL)', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let agency: Agency;
  let coordinator: Person & { password: string };
  let cookie: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url, webOrigin: 'https://learninghub.example.org' });
    agency = await anAgency(api.orm.em.fork(), { name: 'Northshire Children’s Services' });
    coordinator = await aPerson(api.orm.em.fork(), { name: 'Cora Ordinator', roles: [Role.COORDINATOR], agency });
    cookie = await signInAs(api.url, coordinator);
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  const em = () => api.orm.em.fork();
  const errorOf = (r: { errors?: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[] }) =>
    r.errors?.[0];

  it('refuses everyone but coordinators', async () => {
    const practitioner = await aPerson(em());
    const theirs = await signInAs(api.url, practitioner);
    expect(errorOf(await gql(api.url, PEOPLE, {}, theirs))?.extensions?.code).toBe('NOT_ALLOWED');
    expect(errorOf(await gql(api.url, PERSON, { id: practitioner.id }, theirs))?.extensions?.code).toBe('NOT_ALLOWED');
  });

  it('finds people by name or email, role, status and agency, 25 a page', async () => {
    const other = await anAgency(em(), { name: 'Northshire Police' });
    const stamp = 'zebedee';
    for (let i = 0; i < 27; i++) {
      await aPerson(em(), { name: `${stamp} ${String(i).padStart(2, '0')}`, agency: other });
    }
    await aPerson(em(), { name: 'Tess Trainer', email: `tess.${stamp}@example.org`, roles: [Role.TRAINER], agency });
    await aPerson(em(), { name: 'Left Already', email: `left.${stamp}@example.org`, status: PersonStatus.DEACTIVATED, agency });

    const first = await gql<{ people: { total: number; page: number; pageCount: number; people: { name: string }[] } }>(
      api.url,
      PEOPLE,
      { filter: { text: stamp } },
      cookie,
    );
    expect(first.data!.people).toMatchObject({ total: 29, page: 1, pageCount: 2 });
    expect(first.data!.people.people).toHaveLength(25);
    const second = await gql<{ people: { page: number; people: { name: string }[] } }>(
      api.url,
      PEOPLE,
      { filter: { text: stamp, page: 2 } },
      cookie,
    );
    expect(second.data!.people.page).toBe(2);
    const seen = new Set([...first.data!.people.people, ...second.data!.people.people].map((p) => p.name));
    expect(seen.size).toBe(29);
    expect(second.data!.people.people).toHaveLength(4);

    const byEmail = await gql<{ people: { people: { name: string }[] } }>(api.url, PEOPLE, { filter: { text: 'TESS.ZEB' } }, cookie);
    expect(byEmail.data!.people.people.map((p) => p.name)).toEqual(['Tess Trainer']);
    const byRole = await gql<{ people: { people: { name: string }[] } }>(
      api.url,
      PEOPLE,
      { filter: { text: stamp, role: 'TRAINER' } },
      cookie,
    );
    expect(byRole.data!.people.people.map((p) => p.name)).toEqual(['Tess Trainer']);
    const byStatus = await gql<{ people: { people: { name: string }[] } }>(api.url, PEOPLE, { filter: { status: 'DEACTIVATED' } }, cookie);
    expect(byStatus.data!.people.people.map((p) => p.name)).toEqual(['Left Already']);
    const byAgency = await gql<{ people: { total: number } }>(api.url, PEOPLE, { filter: { agencyId: other.id } }, cookie);
    expect(byAgency.data!.people.total).toBe(27);
    const past = await gql<{ people: { page: number } }>(api.url, PEOPLE, { filter: { text: stamp, page: 9 } }, cookie);
    expect(past.data!.people.page).toBe(2);
  });

  it('adds a person with an invitation to set a password, mailed through the outbox', async () => {
    const created = await gql<{ createPerson: { id: string; status: string; roles: string[]; agencyName: string; hasPassword: boolean } }>(
      api.url,
      CREATE,
      {
        input: {
          name: 'Nina Newstarter',
          email: 'Nina.Newstarter@Northshire.gov.uk',
          agencyId: agency.id,
          jobTitle: 'Social worker',
          team: 'Duty and assessment',
          roles: ['PRACTITIONER'],
          sendInvitation: true,
        },
      },
      cookie,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createPerson).toMatchObject({
      status: 'ACTIVE',
      roles: ['PRACTITIONER'],
      agencyName: agency.name,
      hasPassword: false,
    });
    const id = created.data!.createPerson.id;
    const queued = await em().find(OutboxMessage, { personId: id });
    expect(queued.map((m) => m.kind)).toEqual([MailKind.ACCOUNT_INVITED]);
    expect(await em().count(AccountToken, { person: id, purpose: AccountTokenPurpose.INVITE, usedAt: null })).toBe(1);

    await api.app.get(MailDeliveryService).deliverDue();
    await smtp.waitFor(1);
    const mail = smtp.received.find((m) => m.envelopeTo.includes('nina.newstarter@northshire.gov.uk'))!;
    expect(mail.parsed.subject).toMatch(/You have an account/);
    expect(mail.parsed.text).toMatch(/https:\/\/learninghub\.example\.org\/account\/set-password\/[A-Za-z0-9_-]{20,}/);
    expect(mail.parsed.html).toMatch(/href="https:\/\/learninghub\.example\.org\/account\/set-password\/[A-Za-z0-9_-]{20,}"/);
    expect(mail.parsed.text).toContain('Cora Ordinator');
  });

  it('adds a person without an invitation, and refuses an address already in use, naming the account', async () => {
    const quiet = await gql<{ createPerson: { id: string } }>(
      api.url,
      CREATE,
      {
        input: {
          name: 'Quiet Start',
          email: 'quiet@example.org',
          agencyId: agency.id,
          roles: ['PRACTITIONER', 'TRAINER'],
          sendInvitation: false,
        },
      },
      cookie,
    );
    expect(quiet.errors).toBeUndefined();
    expect(await em().count(OutboxMessage, { personId: quiet.data!.createPerson.id })).toBe(0);

    const again = await gql(
      api.url,
      CREATE,
      { input: { name: 'Someone Else', email: 'QUIET@example.org', agencyId: agency.id, roles: ['PRACTITIONER'], sendInvitation: true } },
      cookie,
    );
    const err = errorOf(again)!;
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.fields).toEqual([
      { field: 'input.email', message: expect.stringContaining("already used by Quiet Start's account") },
    ]);
    expect(await em().count(Person, { name: 'Someone Else' })).toBe(0);

    const noRoles = await gql(
      api.url,
      CREATE,
      { input: { name: 'No Roles', email: 'noroles@example.org', agencyId: agency.id, roles: [], sendInvitation: false } },
      cookie,
    );
    expect(errorOf(noRoles)?.extensions?.fields).toEqual([{ field: 'input.roles', message: 'Choose at least one role' }]);
  });

  it('changes details, keeping email addresses unique and the line manager rule', async () => {
    const person = await aPerson(em(), { name: 'Dee Tails', agency });
    const taken = await aPerson(em(), { name: 'Taken Address' });
    const input = {
      personId: person.id,
      name: 'Dee Tails-Smith',
      email: 'dee.new@example.org',
      agencyId: agency.id,
      jobTitle: 'Health visitor',
      team: 'North',
      lineManagerEmail: 'boss@example.org',
    };
    const ok = await gql<{ updatePerson: Record<string, string> }>(api.url, UPDATE, { input }, cookie);
    expect(ok.data!.updatePerson).toMatchObject({
      name: 'Dee Tails-Smith',
      email: 'dee.new@example.org',
      jobTitle: 'Health visitor',
      team: 'North',
      lineManagerEmail: 'boss@example.org',
    });
    expect((await em().findOneOrFail(Person, person.id)).emailVerifiedAt).toBeNull();

    const clash = await gql(api.url, UPDATE, { input: { ...input, email: taken.email } }, cookie);
    expect(errorOf(clash)?.extensions?.fields?.[0]?.field).toBe('input.email');
    const self = await gql(api.url, UPDATE, { input: { ...input, lineManagerEmail: 'dee.new@example.org' } }, cookie);
    expect(errorOf(self)?.extensions?.fields?.[0]?.field).toBe('input.lineManagerEmail');
    expect((await em().findOneOrFail(Person, person.id)).email).toBe('dee.new@example.org');
  });

  it('grants and removes roles', async () => {
    const person = await aPerson(em(), { agency });
    const granted = await gql<{ setPersonRoles: { roles: string[] } }>(
      api.url,
      ROLES,
      { personId: person.id, roles: ['PRACTITIONER', 'TRAINER'] },
      cookie,
    );
    expect(granted.data!.setPersonRoles.roles).toEqual(['PRACTITIONER', 'TRAINER']);
    const removed = await gql<{ setPersonRoles: { roles: string[] } }>(api.url, ROLES, { personId: person.id, roles: ['TRAINER'] }, cookie);
    expect(removed.data!.setPersonRoles.roles).toEqual(['TRAINER']);
    const none = await gql(api.url, ROLES, { personId: person.id, roles: [] }, cookie);
    expect(errorOf(none)?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('never leaving the partnership without an active coordinator (real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());
  const em = () => api.orm.em.fork();

  it('refuses removing the coordinator role from the last active coordinator, and deactivating them', async () => {
    const only = await aPerson(em(), { name: 'Only Coordinator', roles: [Role.COORDINATOR] });
    const cookie = await signInAs(api.url, only);
    // a deactivated coordinator does not count
    await aPerson(em(), { roles: [Role.COORDINATOR], status: PersonStatus.DEACTIVATED });

    const removeOwn = await gql(api.url, ROLES, { personId: only.id, roles: ['PRACTITIONER'] }, cookie);
    expect(removeOwn.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/only active coordinator/),
      extensions: { code: 'LAST_COORDINATOR' },
    });
    const deactivateOwn = await gql(api.url, DEACTIVATE, { personId: only.id }, cookie);
    expect(deactivateOwn.errors?.[0]).toMatchObject({
      message:
        'You are the only active coordinator, so you cannot deactivate your own account. Give someone else the coordinator role first.',
      extensions: { code: 'LAST_COORDINATOR' },
    });
    expect(await em().findOneOrFail(Person, only.id)).toMatchObject({ status: PersonStatus.ACTIVE, roles: [Role.COORDINATOR] });

    // with a second coordinator, either may step down
    const second = await aPerson(em(), { roles: [Role.COORDINATOR, Role.PRACTITIONER] });
    const ok = await gql<{ setPersonRoles: { roles: string[] } }>(api.url, ROLES, { personId: second.id, roles: ['PRACTITIONER'] }, cookie);
    expect(ok.data!.setPersonRoles.roles).toEqual(['PRACTITIONER']);
    const refused = await gql(api.url, DEACTIVATE, { personId: only.id }, cookie);
    expect(refused.errors?.[0]?.extensions?.code).toBe('LAST_COORDINATOR');
  });

  it('two coordinators removing each other at the same moment: one succeeds, the other is refused', async () => {
    for (let round = 0; round < 5; round++) {
      // start each round with exactly two active coordinators
      await em().nativeUpdate(Person, { roles: { $contains: [Role.COORDINATOR] } }, { status: PersonStatus.DEACTIVATED });
      const a = await aPerson(em(), { roles: [Role.COORDINATOR] });
      const b = await aPerson(em(), { roles: [Role.COORDINATOR] });
      const [ca, cb] = [await signInAs(api.url, a), await signInAs(api.url, b)];
      const results = await Promise.all([
        gql(api.url, ROLES, { personId: b.id, roles: ['PRACTITIONER'] }, ca),
        gql(api.url, ROLES, { personId: a.id, roles: ['PRACTITIONER'] }, cb),
      ]);
      // the loser is refused as the last coordinator, or (if the winner had already committed when it
      // signed in) as no longer a coordinator at all
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect([
        ['LAST_COORDINATOR', 'OK'],
        ['NOT_ALLOWED', 'OK'],
      ]).toContainEqual(codes);
      const left = await em().count(Person, { status: PersonStatus.ACTIVE, roles: { $contains: [Role.COORDINATOR] } });
      expect(left).toBe(1);
    }
  });

  it('two coordinators past the access check at the same moment: the lock makes the second see the first', async () => {
    const service = api.app.get(PeopleAdminService);
    for (let round = 0; round < 5; round++) {
      await em().nativeUpdate(Person, { roles: { $contains: [Role.COORDINATOR] } }, { status: PersonStatus.DEACTIVATED });
      const a = await aPerson(em(), { roles: [Role.COORDINATOR] });
      const b = await aPerson(em(), { roles: [Role.COORDINATOR] });
      const results = await Promise.allSettled([
        service.setRoles(toViewer(a), b.id, [Role.PRACTITIONER]),
        service.setRoles(toViewer(b), a.id, [Role.PRACTITIONER]),
      ]);
      const outcomes = results.map((r) => (r.status === 'fulfilled' ? 'OK' : (r.reason as DomainError).code)).sort();
      expect(outcomes).toEqual(['LAST_COORDINATOR', 'OK']);
      expect(await em().count(Person, { status: PersonStatus.ACTIVE, roles: { $contains: [Role.COORDINATOR] } })).toBe(1);
    }
  });

  it('deactivating and removing at the same moment cannot leave none either', async () => {
    await em().nativeUpdate(Person, { roles: { $contains: [Role.COORDINATOR] } }, { status: PersonStatus.DEACTIVATED });
    const a = await aPerson(em(), { roles: [Role.COORDINATOR] });
    const b = await aPerson(em(), { roles: [Role.COORDINATOR] });
    const [ca, cb] = [await signInAs(api.url, a), await signInAs(api.url, b)];
    const results = await Promise.all([
      gql(api.url, DEACTIVATE, { personId: b.id }, ca),
      gql(api.url, ROLES, { personId: a.id, roles: ['PRACTITIONER'] }, cb),
    ]);
    expect([
      ['LAST_COORDINATOR', 'OK'],
      ['NOT_ALLOWED', 'OK'],
      ['OK', 'UNAUTHENTICATED'],
    ]).toContainEqual(results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort());
    expect(await em().count(Person, { status: PersonStatus.ACTIVE, roles: { $contains: [Role.COORDINATOR] } })).toBe(1);
  });
});

describe('deactivating a leaver (real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());
  const em = () => api.orm.em.fork();

  it('stops sign-in and ends sessions, cancels places on sessions not started (offering them on), keeps history; reactivates', async () => {
    const agency = await anAgency(em(), { name: 'Northshire Youth Justice' });
    const coordinator = await aPerson(em(), { name: 'Cora', roles: [Role.COORDINATOR] });
    const cookie = await signInAs(api.url, coordinator);
    const leaver = await aPerson(em(), { name: 'Lee Ver', agency });
    const leaverCookie = await signInAs(api.url, leaver);
    expect((await gql<{ me: { id: string } | null }>(api.url, ME, {}, leaverCookie)).data!.me).not.toBeNull();

    const course = await aCourse(em(), { title: 'Contextual safeguarding' });
    const coming = await aSession(em(), course, { inDays: 14, capacity: 1 });
    const past = await aSession(em(), await aCourse(em(), { title: 'DASH checklist' }), { inDays: -30 });
    const e = em();
    const place = e.create(Booking, { session: coming.id, person: leaver.id, agency: agency.id, status: BookingStatus.CONFIRMED });
    const attended = e.create(Booking, { session: past.id, person: leaver.id, agency: agency.id, status: BookingStatus.CONFIRMED });
    const waiting = await aPerson(e, { name: 'Next In Line' });
    const queued = e.create(Booking, {
      session: coming.id,
      person: waiting.id,
      status: BookingStatus.WAITLISTED,
      waitlistedAt: new Date(),
    });
    await e.flush();

    const res = await gql<{ deactivatePerson: { status: string } }>(
      api.url,
      DEACTIVATE,
      { personId: leaver.id, reason: 'Left Northshire in March' },
      cookie,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.deactivatePerson.status).toBe('DEACTIVATED');

    expect((await gql<{ me: unknown }>(api.url, ME, {}, leaverCookie)).data!.me).toBeNull();
    expect(await em().count(AuthSession, { person: leaver.id })).toBe(0);
    const signIn = await gql(api.url, `mutation($input: SignInInput!) { signIn(input: $input) { id } }`, {
      input: { email: leaver.email, password: leaver.password },
    });
    expect(signIn.errors?.[0]?.extensions?.code).toBe('ACCOUNT_NOT_ACTIVE');

    expect((await em().findOneOrFail(Booking, place.id)).status).toBe(BookingStatus.CANCELLED);
    expect((await em().findOneOrFail(Booking, attended.id)).status).toBe(BookingStatus.CONFIRMED);
    const page = await gql<{
      personAdmin: { history: { action: string; reason: string | null; actorName: string | null }[]; bookings: { agencyName: string }[] };
    }>(api.url, PERSON, { id: leaver.id }, cookie);
    expect(page.data!.personAdmin.history[0]).toMatchObject({ action: 'cancelled', reason: 'Left Northshire in March', actorName: 'Cora' });
    expect(page.data!.personAdmin.bookings.map((b) => b.agencyName)).toEqual([agency.name, agency.name]);
    // the freed place is offered to the first person waiting
    expect((await em().findOneOrFail(Booking, queued.id)).status).toBe(BookingStatus.OFFERED);

    const again = await gql(api.url, DEACTIVATE, { personId: leaver.id }, cookie);
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const back = await gql<{ reactivatePerson: { status: string } }>(api.url, REACTIVATE, { personId: leaver.id }, cookie);
    expect(back.data!.reactivatePerson.status).toBe('ACTIVE');
    expect(await signInAs(api.url, leaver)).toMatch(/^lh_session=/);
    const twice = await gql(api.url, REACTIVATE, { personId: leaver.id }, cookie);
    expect(twice.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });
});
