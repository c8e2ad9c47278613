import { AgencyRequestStatus, AgencySector, MailKind, PersonStatus, Role } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Agency } from '../people/agency.entity';
import { AgencyRequest } from '../people/agency-request.entity';
import { Person } from '../people/person.entity';
import { CONFIRM, PASSWORD, agencyWith, lastConfirmToken, mailTo, register, registration } from './registration-test-support';

const QUEUE = `{ registrationQueue { registrations { personId name email agencyName requestedAgencyName jobTitle }
  agencyRequests { id kind personName personPending requestedName requestedAgencyName fromAgencyName } } registrationQueueCount }`;
const APPROVE = `mutation($id: ID!) { approveRegistration(personId: $id) { personId } }`;
const REFUSE = `mutation($id: ID!, $reason: String) { refuseRegistration(personId: $id, reason: $reason) { personId } }`;
const CREATE = `mutation($input: CreateAgencyFromRequestInput!) { createAgencyFromRequest(input: $input) { id resultAgencyName } }`;
const MAP = `mutation($id: ID!, $agencyId: ID!) { mapAgencyRequest(requestId: $id, agencyId: $agencyId) { id resultAgencyName } }`;
const REFUSE_REQUEST = `mutation($id: ID!, $reason: String) { refuseAgencyRequest(requestId: $id, reason: $reason) { id } }`;
const MOVE = `mutation($input: RequestAgencyMoveInput!) { requestAgencyMove(input: $input) { agencyName requestedAgencyName } }`;
const PROFILE = `{ myProfile { name jobTitle team agencyName requestedAgencyName } }`;
const UPDATE = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { name jobTitle team lineManagerEmail } }`;

interface Queue {
  registrationQueue: {
    registrations: { personId: string; name: string; email: string; agencyName: string | null; requestedAgencyName: string | null }[];
    agencyRequests: {
      id: string;
      kind: string;
      personName: string;
      personPending: boolean;
      requestedName: string | null;
      requestedAgencyName: string | null;
      fromAgencyName: string | null;
    }[];
  };
  registrationQueueCount: number;
}

/** The coordinators' queue of registrations and agency requests, and a person asking to move agency. */
describe('registration queue (real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  let otherCoordinator: string;
  beforeAll(async () => {
    api = await startTestApi({ webOrigin: 'https://learninghub.example.org' });
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
    otherCoordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());

  /**
   * Holds a row's lock in another transaction while two decisions start, then lets go: both decisions
   * have read the row by then, so only one that locks it before deciding can see the other's result.
   */
  async function race<T>(table: 'person' | 'agency_request', id: string, decisions: (() => Promise<T>)[]): Promise<T[]> {
    const holder = api.orm.em.fork();
    await holder.begin();
    await holder.getConnection().execute(`select id from "${table}" where id = ? for update`, [id], 'all', holder.getTransactionContext());
    const running = Promise.all(decisions.map((d) => d()));
    await new Promise((r) => setTimeout(r, 300));
    await holder.commit();
    return running;
  }

  const queue = async (cookie = coordinator) => (await gql<Queue>(api.url, QUEUE, {}, cookie)).data!;
  const person = (email: string) => api.orm.em.fork().findOneOrFail(Person, { email }, { populate: ['agency'] });

  /** Registers and confirms an address that waits for approval; returns the person. */
  async function waiting(email: string, over: Record<string, unknown> = {}): Promise<Person> {
    const agency = over.agencyName ? null : await agencyWith(api);
    await register(
      api,
      registration({ email, name: `Waiting ${email.split('@')[0]}`, ...(agency ? { agencyId: agency.id } : {}), ...over }),
    );
    await gql(api.url, CONFIRM, { token: await lastConfirmToken(api, email) });
    return person(email);
  }

  it('shows only confirmed registrations that wait, and only to coordinators', async () => {
    const confirmed = await waiting('queue.one@gmail.example.com');
    await register(api, registration({ email: 'not.confirmed@gmail.example.com', agencyName: 'Unconfirmed Club' }));
    const q = await queue();
    expect(q.registrationQueue.registrations.map((r) => r.email)).toContain(confirmed.email);
    expect(q.registrationQueue.registrations.map((r) => r.email)).not.toContain('not.confirmed@gmail.example.com');
    expect(q.registrationQueue.agencyRequests.map((r) => r.requestedName)).not.toContain('Unconfirmed Club');
    expect(q.registrationQueueCount).toBe(q.registrationQueue.registrations.length + q.registrationQueue.agencyRequests.length);

    const practitioner = await signInAs(api.url, await aPerson(api.orm.em.fork()));
    expect((await gql(api.url, QUEUE, {}, practitioner)).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect((await gql(api.url, APPROVE, { id: confirmed.id }, practitioner)).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect((await gql(api.url, APPROVE, { id: confirmed.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('approving lets the person sign in and mails them; deciding again says it was decided', async () => {
    const p = await waiting('approve.me@gmail.example.com');
    expect((await gql(api.url, APPROVE, { id: p.id }, coordinator)).data).toEqual({ approveRegistration: { personId: p.id } });
    expect((await person(p.email)).status).toBe(PersonStatus.ACTIVE);
    const [mail] = await mailTo(api, p.email, MailKind.REGISTRATION_APPROVED);
    expect(mail!.subject).toBe('Your Learning Hub account is ready');
    expect(mail!.text).toContain('https://learninghub.example.org/sign-in');
    await signInAs(api.url, { email: p.email, password: PASSWORD });

    const again = await gql(api.url, REFUSE, { id: p.id, reason: 'Late' }, otherCoordinator);
    expect(again.errors?.[0]).toMatchObject({
      extensions: { code: 'ALREADY_DECIDED' },
      message: expect.stringMatching(/already been decided, probably by another coordinator just now. Their account is: Active/),
    });
    expect((await queue()).registrationQueue.registrations.map((r) => r.personId)).not.toContain(p.id);
  });

  it('refusing tells the person why, refuses the agency request that came with it, and sign-in says so', async () => {
    const p = await waiting('refuse.me@gmail.example.com', { agencyName: 'Made Up Ltd' });
    expect((await queue()).registrationQueue.registrations.find((r) => r.personId === p.id)?.requestedAgencyName).toBe('Made Up Ltd');
    await gql(api.url, REFUSE, { id: p.id, reason: 'Not part of the partnership workforce' }, coordinator);
    expect((await person(p.email)).status).toBe(PersonStatus.REFUSED);
    const [mail] = await mailTo(api, p.email, MailKind.REGISTRATION_REFUSED);
    expect(mail!.text).toContain('Their reason: Not part of the partnership workforce');
    const requests = await api.orm.em.fork().find(AgencyRequest, { person: p.id });
    expect(requests.map((r) => r.status)).toEqual([AgencyRequestStatus.REFUSED]);
    const signIn = await gql(api.url, `mutation($input: SignInInput!) { signIn(input: $input) { id } }`, {
      input: { email: p.email, password: PASSWORD },
    });
    expect(signIn.errors?.[0]?.message).toMatch(/was not approved/);
  });

  it('two coordinators deciding the same registration at once: one wins, the other is told', async () => {
    const p = await waiting('race.me@gmail.example.com');
    const answers = await race('person', p.id, [
      () => gql(api.url, APPROVE, { id: p.id }, coordinator),
      () => gql(api.url, REFUSE, { id: p.id, reason: 'Duplicate' }, otherCoordinator),
    ]);
    const won = answers.filter((a) => a.data);
    const lost = answers.filter((a) => a.errors);
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(lost[0]!.errors![0]!.extensions?.code).toBe('ALREADY_DECIDED');
    const mails = [
      ...(await mailTo(api, p.email, MailKind.REGISTRATION_APPROVED)),
      ...(await mailTo(api, p.email, MailKind.REGISTRATION_REFUSED)),
    ];
    expect(mails).toHaveLength(1);
  });

  it('creates the agency a person asked for (refusing a name already taken) and puts them in it', async () => {
    const p = await waiting('cadets@gmail.example.com', { agencyName: 'Northshire Sea Cadets' });
    const request = (await queue()).registrationQueue.agencyRequests.find((r) => r.personName === p.name)!;
    expect(request).toMatchObject({ kind: 'JOIN', requestedName: 'Northshire Sea Cadets', personPending: true });

    await agencyWith(api, { name: 'Northshire Scouts' });
    const clash = await gql(api.url, CREATE, { input: { requestId: request.id, name: 'northshire scouts', sector: 'SPORT' } }, coordinator);
    expect(clash.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.name', message: 'There is already an agency called northshire scouts: map the request to it instead' },
    ]);

    const made = await gql(
      api.url,
      CREATE,
      { input: { requestId: request.id, name: ' Northshire  Sea Cadets ', sector: 'VOLUNTARY_AND_COMMUNITY' } },
      coordinator,
    );
    expect(made.data).toEqual({ createAgencyFromRequest: { id: request.id, resultAgencyName: 'Northshire Sea Cadets' } });
    const agency = await api.orm.em.fork().findOneOrFail(Agency, { name: 'Northshire Sea Cadets' });
    expect(agency.sector).toBe(AgencySector.VOLUNTARY_AND_COMMUNITY);
    expect((await person(p.email)).agency?.id).toBe(agency.id);
    const [mail] = await mailTo(api, p.email, MailKind.AGENCY_REQUEST_DECIDED);
    expect(mail!.text).toContain("added Northshire Sea Cadets to the partnership's agencies");
    expect(mail!.text).toContain('still waiting for the training team to approve it');
    const again = await gql(api.url, REFUSE_REQUEST, { id: request.id }, otherCoordinator);
    expect(again.errors?.[0]).toMatchObject({
      extensions: { code: 'ALREADY_DECIDED' },
      message: expect.stringMatching(/the agency was created/),
    });
  });

  it('maps a request to an agency that exists (not a retired one), or refuses it with a reason', async () => {
    const nhs = await agencyWith(api, { name: 'Northshire Community NHS Trust' });
    const retired = await agencyWith(api, { name: 'Old PCT', retiredAt: new Date('2024-01-01T00:00:00Z') });
    const p = await waiting('nurse@gmail.example.com', { agencyName: 'The NHS' });
    const q = await waiting('other@gmail.example.com', { agencyName: 'Acme Widgets' });
    const requests = (await queue()).registrationQueue.agencyRequests;
    const forP = requests.find((r) => r.personName === p.name)!;
    const forQ = requests.find((r) => r.personName === q.name)!;

    expect((await gql(api.url, MAP, { id: forP.id, agencyId: retired.id }, coordinator)).errors?.[0]?.extensions?.fields).toEqual([
      { field: 'agencyId', message: 'Old PCT is retired: choose an agency that is still a partner' },
    ]);
    expect((await gql(api.url, MAP, { id: forP.id, agencyId: nhs.id }, coordinator)).data).toEqual({
      mapAgencyRequest: { id: forP.id, resultAgencyName: 'Northshire Community NHS Trust' },
    });
    expect((await person(p.email)).agency?.id).toBe(nhs.id);
    expect((await mailTo(api, p.email, MailKind.AGENCY_REQUEST_DECIDED))[0]!.text).toContain(
      'Northshire Community NHS Trust (you asked for "The NHS"',
    );

    await gql(api.url, REFUSE_REQUEST, { id: forQ.id, reason: 'Not a partner agency' }, coordinator);
    expect((await person(q.email)).agency).toBeFalsy();
    expect((await mailTo(api, q.email, MailKind.AGENCY_REQUEST_DECIDED))[0]!.text).toContain('Their reason: Not a partner agency');
  });

  it('two coordinators deciding one agency request at once: one wins, the other is told', async () => {
    const agency = await agencyWith(api);
    const p = await waiting('race.agency@gmail.example.com', { agencyName: 'Race Club' });
    const request = (await queue()).registrationQueue.agencyRequests.find((r) => r.personName === p.name)!;
    const answers = await race('agency_request', request.id, [
      () => gql(api.url, MAP, { id: request.id, agencyId: agency.id }, coordinator),
      () => gql(api.url, CREATE, { input: { requestId: request.id, name: 'Race Club', sector: 'SPORT' } }, otherCoordinator),
    ]);
    expect(answers.filter((a) => a.data).length).toBe(1);
    expect(answers.find((a) => a.errors)!.errors![0]!.extensions?.code).toBe('ALREADY_DECIDED');
    expect(await mailTo(api, p.email, MailKind.AGENCY_REQUEST_DECIDED)).toHaveLength(1);
  });

  it('a person edits their name, job title and team, asks to move agency, and keeps their old bookings’ agency', async () => {
    const from = await agencyWith(api, { name: 'Northshire Early Help' });
    const to = await agencyWith(api, { name: 'Northshire Youth Justice' });
    const me = await aPerson(api.orm.em.fork(), { agency: from });
    // added by the training team before addresses were confirmed (as the demo people are): still an account in use
    await api.orm.em.fork().nativeUpdate(Person, { id: me.id }, { emailVerifiedAt: null });
    const cookie = await signInAs(api.url, me);
    const em = api.orm.em.fork();
    const booking = em.create(Booking, {
      session: await aSession(em, await aCourse(em)),
      person: em.getReference(Person, me.id),
      agency: em.getReference(Agency, from.id),
      status: 'CONFIRMED' as Booking['status'],
    });
    await em.flush();

    const updated = await gql(api.url, UPDATE, { input: { name: ' Jo Bloggs ', jobTitle: 'Case worker', team: ' ' } }, cookie);
    expect(updated.data).toEqual({ updateMyProfile: { name: 'Jo Bloggs', jobTitle: 'Case worker', team: null, lineManagerEmail: null } });
    expect((await gql(api.url, UPDATE, { input: { name: '' } }, cookie)).errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.name', message: 'Enter your full name' },
    ]);

    expect((await gql(api.url, MOVE, { input: { agencyId: from.id } }, cookie)).errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.agencyId', message: 'You are already in Northshire Early Help' },
    ]);
    expect((await gql(api.url, MOVE, { input: { agencyId: to.id } }, cookie)).data).toEqual({
      requestAgencyMove: { agencyName: 'Northshire Early Help', requestedAgencyName: 'Northshire Youth Justice' },
    });
    expect((await gql(api.url, PROFILE, {}, cookie)).data).toEqual({
      myProfile: {
        name: 'Jo Bloggs',
        jobTitle: 'Case worker',
        team: null,
        agencyName: 'Northshire Early Help',
        requestedAgencyName: 'Northshire Youth Justice',
      },
    });
    const request = (await queue()).registrationQueue.agencyRequests.find((r) => r.personName === 'Jo Bloggs')!;
    expect(request).toMatchObject({
      kind: 'MOVE',
      fromAgencyName: 'Northshire Early Help',
      requestedAgencyName: 'Northshire Youth Justice',
      personPending: false,
    });
    await gql(api.url, MAP, { id: request.id, agencyId: to.id }, coordinator);

    expect((await person(me.email)).agency?.id).toBe(to.id);
    const kept = await api.orm.em.fork().findOneOrFail(Booking, booking.id);
    expect(kept.agency?.id).toBe(from.id);
    expect((await gql(api.url, PROFILE, {}, cookie)).data).toMatchObject({
      myProfile: { agencyName: 'Northshire Youth Justice', requestedAgencyName: null },
    });
    expect((await mailTo(api, me.email, MailKind.AGENCY_REQUEST_DECIDED))[0]!.text).toContain(
      'Bookings you made before keep the agency you had then',
    );
  });
});
