import {
  AgencySector,
  AuditAction,
  BookingStatus,
  CERTIFICATE_REMOVED,
  ERASED_PERSON_NAME,
  PersonStatus,
  Role,
  londonParts,
} from '@lh/domain';
import { aCourse, anAgency, aPerson, aSession } from '../../test/builders';
import { takeRegisters } from '../../test/registers';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { Booking } from '../booking/booking.entity';
import { Certificate } from '../certificates/certificate.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import type { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';

const ERASE = `mutation($personId: ID!, $reason: String!) { erasePerson(personId: $personId, reason: $reason) }`;
const DEACTIVATE = `mutation($personId: ID!) { deactivatePerson(personId: $personId) { id } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { problem certificate { holderName } } }`;
const FIGURES = `query($filter: NonAttendanceFilterInput!) { nonAttendances(filter: $filter) {
  entries { bookingId outcome agencyName } totals { agencyName nonAttendances lateCancellations chargedPence } } }`;
const SET_POLICY = `mutation($input: NonAttendancePolicyInput!) { setNonAttendancePolicy(input: $input) { agencyType } }`;

/** Erasure over the real API on a real PostgreSQL: identity gone, every figure unchanged. */
describe('erasing a person (UK GDPR)', () => {
  let api: TestApi;
  let coordinator: Person & { password: string };
  let cookie: string;
  let agency: Agency;

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.orm.em.fork();
    coordinator = await aPerson(em, { roles: [Role.COORDINATOR], name: 'Cora Ordinator' });
    cookie = await signInAs(api.url, coordinator);
    agency = await anAgency(em, { name: `Northshire Police ${Date.now()}`, sector: AgencySector.POLICE });
    const policy = await gql(
      api.url,
      SET_POLICY,
      { input: { rates: [{ agencyType: 'POLICE', nonAttendancePence: 5000, lateCancellationPence: 2500 }] } },
      cookie,
    );
    expect(policy.errors).toBeUndefined();
  });
  afterAll(() => api.close());

  /** Someone who attended one course (a certificate) and did not attend another (a charge), with needs, mail and a sign-in. */
  async function leaverWithHistory() {
    const em = api.orm.em.fork();
    const person = await aPerson(em, { name: `Lee Leaver ${Date.now()}`, agency });
    const attended = await aSession(em, await aCourse(em, { title: 'Neglect: recognising it early' }), { inDays: -2 });
    const missed = await aSession(em, await aCourse(em, { title: 'Working Together 2023' }), { inDays: -1 });
    const a = em.create(Booking, {
      session: attended,
      person: person.id,
      agency: agency.id,
      status: BookingStatus.CONFIRMED,
      accessNeeds: 'Hearing loop',
    });
    const m = em.create(Booking, {
      session: missed,
      person: person.id,
      agency: agency.id,
      status: BookingStatus.CONFIRMED,
      dietaryNeeds: 'Vegan',
    });
    await em.flush();
    await takeRegisters(api, cookie, attended.id, { [a.id]: 'PRESENT' });
    await takeRegisters(api, cookie, missed.id, { [m.id]: 'DID_NOT_ATTEND' });
    await signInAs(api.url, person);
    return person;
  }

  const figures = async () => {
    const today = londonParts(new Date()).date;
    const res = await gql<{ nonAttendances: { entries: unknown[]; totals: unknown[] } }>(
      api.url,
      FIGURES,
      { filter: { from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today, agencyId: agency.id } },
      cookie,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.nonAttendances;
  };

  it('removes their identity and keeps every booking, mark and charge, so the figures are the same', async () => {
    const person = await leaverWithHistory();
    const em = api.orm.em.fork();
    const certificate = await em.findOneOrFail(Certificate, { person: person.id });
    expect(await em.count(OutboxMessage, { toEmail: person.email })).toBeGreaterThan(0);
    const before = await figures();
    expect(before.totals).toEqual([expect.objectContaining({ nonAttendances: 1, chargedPence: 5000 })]);

    expect((await gql(api.url, DEACTIVATE, { personId: person.id }, cookie)).errors).toBeUndefined();
    const res = await gql(api.url, ERASE, { personId: person.id, reason: 'Their request of 1 December 2026' }, cookie);
    expect(res.errors).toBeUndefined();

    const after = await api.orm.em.fork().findOneOrFail(Person, person.id);
    expect(after).toMatchObject({ name: ERASED_PERSON_NAME, email: `erased-${person.id}@erased.invalid`, status: PersonStatus.ERASED });
    expect([after.jobTitle, after.team, after.lineManagerEmail, after.accessNeeds, after.dietaryNeeds, after.ssoSubject]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const bookings = await api.orm.em.fork().find(Booking, { person: person.id });
    expect(bookings.map((b) => [b.status, b.accessNeeds ?? null, b.dietaryNeeds ?? null])).toEqual([
      [BookingStatus.CONFIRMED, null, null],
      [BookingStatus.CONFIRMED, null, null],
    ]);
    // the same figures, the person now shown as erased
    const erased = await figures();
    expect(erased.totals).toEqual(before.totals);
    expect(erased.entries.length).toBe(before.entries.length);
    // no mail to their address is left, bodies removed
    const mail = await api.orm.em.fork().find(OutboxMessage, { personId: person.id });
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.every((m) => m.toEmail === after.email && !m.text.includes('Lee Leaver') && !m.html.includes('Lee Leaver'))).toBe(true);
    expect(await api.orm.em.fork().count(OutboxMessage, { toEmail: person.email })).toBe(0);
    // no sign-in, and verification says the certificate was removed
    expect(await api.orm.em.fork().count(AuthSession, { person: person.id })).toBe(0);
    const signIn = await gql(api.url, SIGN_IN, { input: { email: person.email, password: person.password } });
    expect(signIn.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    const verify = await gql<{ verifyCertificate: { problem: string | null; certificate: unknown } }>(api.url, VERIFY, {
      code: certificate.code,
    });
    expect(verify.data!.verifyCertificate).toEqual({ problem: CERTIFICATE_REMOVED, certificate: null });
    // the audit entry does not repeat the name
    const entry = await api.orm.em.fork().findOneOrFail(AuditEntry, { action: AuditAction.PERSON_ERASED, subjectPersonId: person.id });
    expect(entry).toMatchObject({
      actorName: 'Cora Ordinator',
      subjectPersonName: ERASED_PERSON_NAME,
      reason: 'Their request of 1 December 2026',
    });
  });

  it('refuses an active account, a missing reason, erasing twice, and anyone but a coordinator', async () => {
    const em = api.orm.em.fork();
    const active = await aPerson(em, { name: 'Ava Active' });
    const refused = await gql(api.url, ERASE, { personId: active.id, reason: 'Asked' }, cookie);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Deactivate Ava Active’s account first: that cancels their places on sessions to come and signs them out. Then erase it.',
      extensions: { code: 'INVALID_TRANSITION' },
    });
    expect((await api.orm.em.fork().findOneOrFail(Person, active.id)).name).toBe('Ava Active');

    expect((await gql(api.url, DEACTIVATE, { personId: active.id }, cookie)).errors).toBeUndefined();
    const noReason = await gql(api.url, ERASE, { personId: active.id, reason: '  ' }, cookie);
    expect(noReason.errors?.[0]?.message).toBe('Enter why their data is being erased (for example, the date of their request)');

    const practitioner = await aPerson(em);
    const notAllowed = await gql(api.url, ERASE, { personId: active.id, reason: 'Asked' }, await signInAs(api.url, practitioner));
    expect(notAllowed.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');

    expect((await gql(api.url, ERASE, { personId: active.id, reason: 'Asked' }, cookie)).errors).toBeUndefined();
    const twice = await gql(api.url, ERASE, { personId: active.id, reason: 'Asked' }, cookie);
    expect(twice.errors?.[0]).toMatchObject({
      message: 'This person’s data has already been erased.',
      extensions: { code: 'INVALID_TRANSITION' },
    });
  });
});
