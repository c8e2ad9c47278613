import { EntityManager } from '@mikro-orm/postgresql';
import { AgencySector, AuditAction, BookingStatus, Role, SessionStatus, londonParts, londonToUtc } from '@lh/domain';
import { aCourse, anAgency, aPerson } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { correct, takeRegisters } from '../../test/registers';
import { Booking } from '../booking/booking.entity';
import { NonAttendanceCharge } from '../non-attendance/non-attendance-charge.entity';
import type { Agency } from '../people/agency.entity';
import type { Person } from '../people/person.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditLog } from './audit-log';

const ROLES = `mutation($personId: ID!, $roles: [Role!]!, $reason: String) { setPersonRoles(personId: $personId, roles: $roles, reason: $reason) { id roles } }`;
const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id agencyName } }`;
const WAIVE = `mutation($input: WaiveChargeInput!) { waiveCharge(input: $input) { id status } }`;
const SET_POLICY = `mutation($input: NonAttendancePolicyInput!) { setNonAttendancePolicy(input: $input) { agencyType } }`;
const MERGE = `mutation($keepId: ID!, $mergeId: ID!) { mergePeople(keepId: $keepId, mergeId: $mergeId) { id } }`;
const RECORD_CSV = `query($personId: ID!) { trainingRecordCsv(personId: $personId) { fileName } }`;
const RECORD_PDF = `query($personId: ID!) { trainingRecordPdf(personId: $personId) { fileName } }`;
const REGISTER_FILE = `query($sessionId: ID!) { registerFile(sessionId: $sessionId) { fileName } }`;
const SIGN_IN = `mutation($input: AgencySignInInput!) { setAgencySignIn(input: $input) { passwordSignIn } }`;
const AUDIT_LOG = `query($filter: AuditLogFilterInput) { auditLog(filter: $filter) { total page pageCount
  entries { id at action actionLabel actorId actorName subjectType subjectId subjectPersonId subjectPersonName reason requestId changes { field before after } } } }`;

type Page = {
  auditLog: {
    total: number;
    page: number;
    pageCount: number;
    entries: {
      id: string;
      action: string;
      actionLabel: string;
      actorName: string;
      subjectPersonName: string | null;
      reason: string | null;
      requestId: string | null;
      changes: { field: string; before: string | null; after: string | null }[];
    }[];
  };
};

const errorOf = (res: GqlResult) => ({ code: res.errors?.[0]?.extensions?.code, message: res.errors?.[0]?.message });
const londonDay = (days: number) => londonParts(new Date(Date.now() + days * 86_400_000)).date;

/** The audit log over the real API on a real PostgreSQL: each audited action writes one entry, in its own transaction. */
describe('audit log (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: Person & { password: string };
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR], name: 'Cora Auditor' });
    cookie = await signInAs(api.url, coordinator);
  });
  afterAll(() => api.close());

  const em = () => api.orm.em.fork();
  const about = (personId: string) => em().find(AuditEntry, { subjectPersonId: personId }, { orderBy: { at: 'asc', id: 'asc' } });
  const ok = <T>(res: GqlResult<T>) => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  it('keeps one entry for a change of roles, with actor, before and after, reason and the request id sent back', async () => {
    const person = await aPerson(em(), { name: 'Rhys Roles' });
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-request-id': 'req-roles-1' },
      body: JSON.stringify({
        query: ROLES,
        variables: { personId: person.id, roles: ['PRACTITIONER', 'TRAINER'], reason: 'Joins the pool' },
      }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-roles-1');
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    // the same roles again change nothing, so nothing more is logged
    ok(await gql(api.url, ROLES, { personId: person.id, roles: ['TRAINER', 'PRACTITIONER'] }, cookie));

    const entries = await about(person.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: AuditAction.ROLES_CHANGED,
      actorId: coordinator.id,
      actorName: 'Cora Auditor',
      subjectType: 'person',
      subjectId: person.id,
      subjectPersonName: 'Rhys Roles',
      before: { roles: ['PRACTITIONER'] },
      after: { roles: ['PRACTITIONER', 'TRAINER'] },
      reason: 'Joins the pool',
      requestId: 'req-roles-1',
    });
  });

  it('makes its own request id when the caller sends none (or one that is not a plain token)', async () => {
    const person = await aPerson(em());
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-request-id': '<script>' },
      body: JSON.stringify({ query: ROLES, variables: { personId: person.id, roles: ['REVIEWER'] } }),
    });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await about(person.id))[0]!.requestId).toBe(id);
  });

  it('writes nothing for a change that is refused, or that rolls back after recording', async () => {
    const person = await aPerson(em(), { name: 'Nia No-agency' });
    const refused = await gql(api.url, ROLES, { personId: person.id, roles: ['AGENCY_LEAD'] }, cookie);
    expect(errorOf(refused).code).toBe('BAD_USER_INPUT');
    await expect(
      api.app
        .get(EntityManager)
        .fork()
        .transactional(async (tx) => {
          AuditLog.record(
            tx,
            { id: coordinator.id, name: coordinator.name, email: coordinator.email, roles: [Role.COORDINATOR], agencyId: null },
            {
              action: AuditAction.ROLES_CHANGED,
              at: new Date(),
              subject: { type: 'person', id: person.id },
              subjectPerson: { id: person.id, name: person.name },
            },
          );
          await tx.flush();
          throw new Error('the change failed after the entry was written');
        }),
    ).rejects.toThrow('the change failed');
    expect(await about(person.id)).toEqual([]);
  });

  it('keeps one entry for a change of agency, by name', async () => {
    const e = em();
    const [from, to] = [await anAgency(e, { name: 'Northshire Police' }), await anAgency(e, { name: 'Northshire NHS Trust' })];
    const person = await aPerson(e, { name: 'Alex Agency', agency: from });
    const input = { personId: person.id, name: person.name, email: person.email, agencyId: to.id };
    ok(await gql(api.url, UPDATE, { input }, cookie));
    ok(await gql(api.url, UPDATE, { input: { ...input, name: 'Alex Agency-Jones' } }, cookie)); // not an agency change
    const entries = await about(person.id);
    expect(entries.map((x) => [x.action, x.before, x.after])).toEqual([
      [AuditAction.AGENCY_CHANGED, { agency: 'Northshire Police' }, { agency: 'Northshire NHS Trust' }],
    ]);
  });

  describe('after a register is signed off', () => {
    let agency: Agency;
    beforeAll(async () => {
      agency = await anAgency(em(), { name: 'Northshire Scouts', sector: AgencySector.SPORT });
    });

    async function signedOffWithOneAbsent(): Promise<{ session: Session; person: Person; booking: Booking }> {
      const e = em();
      const course = await aCourse(e);
      const date = londonDay(-5);
      const startsAt = londonToUtc(date, '09:30');
      const endsAt = londonToUtc(date, '16:30');
      const session = e.create(Session, {
        course,
        onlineUrl: 'https://meet.example.org/a',
        capacity: 10,
        status: SessionStatus.SCHEDULED,
        startsAt,
        endsAt,
      });
      e.create(SessionPart, { session, startsAt, endsAt });
      const person = await aPerson(e, { name: 'Dee Absent', agency });
      const booking = e.create(Booking, { session, person, agency, status: BookingStatus.CONFIRMED });
      await e.flush();
      await takeRegisters(api, cookie, session.id, {});
      return { session, person, booking };
    }

    it('keeps the setting of charges, a waived charge and a correction, each once with before and after', async () => {
      const before = await em().count(AuditEntry, { action: AuditAction.SETTINGS_CHANGED, subjectId: 'SPORT' });
      ok(
        await gql(
          api.url,
          SET_POLICY,
          { input: { rates: [{ agencyType: 'SPORT', nonAttendancePence: 4000, lateCancellationPence: 2000 }] } },
          cookie,
        ),
      );
      const settings = await em().find(
        AuditEntry,
        { action: AuditAction.SETTINGS_CHANGED, subjectId: 'SPORT' },
        { orderBy: { at: 'desc' } },
      );
      expect(settings).toHaveLength(before + 1);
      expect(settings[0]!.after).toMatchObject({ nonAttendanceCharge: '£40.00 a day', lateCancellationCharge: '£20.00 a day' });

      const { session, person, booking } = await signedOffWithOneAbsent();
      const charge = await em().findOneOrFail(NonAttendanceCharge, { booking: booking.id });
      ok(await gql(api.url, WAIVE, { input: { chargeId: charge.id, reason: 'Snowed in' } }, cookie));
      await correct(api, cookie, session.id, booking.id, 'PRESENT', 'Signed the paper sheet');

      const entries = await about(person.id);
      expect(entries.map((x) => [x.action, x.actorId, x.before, x.after, x.reason])).toEqual([
        [AuditAction.CHARGE_WAIVED, coordinator.id, { status: 'CHARGED', amountPence: 4000 }, { status: 'WAIVED' }, 'Snowed in'],
        [
          AuditAction.REGISTER_CORRECTED,
          coordinator.id,
          { mark: 'DID_NOT_ATTEND', minutes: null, note: null },
          { mark: 'PRESENT', minutes: null, note: null },
          'Signed the paper sheet',
        ],
      ]);
    });

    it('keeps an export of a register, but not the marks taken before sign-off', async () => {
      const { session, person } = await signedOffWithOneAbsent();
      expect(await about(person.id)).toEqual([]);
      ok(await gql(api.url, REGISTER_FILE, { sessionId: session.id }, cookie));
      const exports = await em().find(AuditEntry, { subjectType: 'session', subjectId: session.id });
      expect(exports.map((x) => [x.action, x.actorId, x.after?.format, x.after?.people])).toEqual([
        [AuditAction.PERSONAL_DATA_EXPORTED, coordinator.id, 'CSV', 1],
      ]);
    });
  });

  it('keeps one entry for a merge, about the person kept', async () => {
    const keep = await aPerson(em(), { name: 'Sam Keep', email: 'sam.keep@example.org' });
    const away = await aPerson(em(), { name: 'Sam Away', email: 'sam.away@example.org', roles: [Role.TRAINER] });
    ok(await gql(api.url, MERGE, { keepId: keep.id, mergeId: away.id }, cookie));
    const entries = await about(keep.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: AuditAction.PEOPLE_MERGED,
      actorId: coordinator.id,
      before: { kept: 'Sam Keep (sam.keep@example.org)', merged: 'Sam Away (sam.away@example.org)', roles: ['PRACTITIONER'] },
      after: { kept: 'Sam Keep (sam.keep@example.org)', roles: expect.arrayContaining(['PRACTITIONER', 'TRAINER']) },
    });
  });

  it("keeps each download of someone else's training record, and not a person's own", async () => {
    const person = await aPerson(em(), { name: 'Pat Record' });
    const own = await signInAs(api.url, person);
    ok(await gql(api.url, RECORD_CSV, { personId: person.id }, own));
    ok(await gql(api.url, RECORD_PDF, { personId: person.id }, own));
    expect(await about(person.id)).toEqual([]);
    ok(await gql(api.url, RECORD_CSV, { personId: person.id }, cookie));
    ok(await gql(api.url, RECORD_PDF, { personId: person.id }, cookie));
    expect((await about(person.id)).map((x) => [x.action, x.actorId, x.after])).toEqual([
      [AuditAction.PERSONAL_DATA_EXPORTED, coordinator.id, { file: 'Training record', format: 'CSV' }],
      [AuditAction.PERSONAL_DATA_EXPORTED, coordinator.id, { file: 'Training record', format: 'PDF' }],
    ]);
  });

  it("keeps a change of an agency's sign-in settings", async () => {
    const agency = await anAgency(em(), { name: 'Northshire Academy Trust' });
    const tenant = '7a1d2a8e-3b4c-4d5e-8f90-1a2b3c4d5e6f';
    ok(await gql(api.url, SIGN_IN, { input: { agencyId: agency.id, ssoTenantIds: [tenant], passwordSignIn: false } }, cookie));
    const [entry, ...more] = await em().find(AuditEntry, { subjectType: 'agency', subjectId: agency.id });
    expect(more).toEqual([]);
    expect([entry!.action, entry!.before, entry!.after]).toEqual([
      AuditAction.SETTINGS_CHANGED,
      { singleSignOnTenants: [], passwordSignIn: true },
      { singleSignOnTenants: [tenant], passwordSignIn: false, setting: 'Sign-in at Northshire Academy Trust' },
    ]);
  });

  it("keeps every other change of an agency's settings, with before and after, and nothing when nothing changed", async () => {
    const agency = await anAgency(em(), { name: 'Northshire Youth Trust' });
    const id = agency.id;
    const run = async (query: string, variables: Record<string, unknown>) => ok(await gql(api.url, query, variables, cookie));
    await run(`mutation($id: ID!) { setAgencyApprovalExempt(agencyId: $id, exempt: true) { id } }`, { id });
    await run(`mutation($id: ID!) { setAgencyApprovalExempt(agencyId: $id, exempt: true) { id } }`, { id });
    await run(`mutation($id: ID!) { setAgencyManagerCopy(agencyId: $id, copy: true) { id } }`, { id });
    await run(`mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { id } }`, {
      input: {
        agencyId: id,
        name: 'Northshire Youth Trust',
        sector: 'VOLUNTARY_AND_COMMUNITY',
        statutoryPartner: false,
        emailDomains: ['nyt.org.uk'],
        managerEmailOnDomains: false,
      },
    });
    await run(`mutation($id: ID!) { retireAgency(agencyId: $id) { id } }`, { id });
    await run(`mutation($id: ID!) { bringBackAgency(agencyId: $id) { id } }`, { id });
    const entries = await em().find(AuditEntry, { subjectType: 'agency', subjectId: id }, { orderBy: { at: 'asc', id: 'asc' } });
    expect(entries.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      [
        AuditAction.SETTINGS_CHANGED,
        coordinator.id,
        { bookWithoutApproval: false },
        { bookWithoutApproval: true, setting: 'Line manager approval at Northshire Youth Trust' },
      ],
      [
        AuditAction.SETTINGS_CHANGED,
        coordinator.id,
        { copyToLineManager: false },
        { copyToLineManager: true, setting: 'Non-attendance mail at Northshire Youth Trust' },
      ],
      [
        AuditAction.SETTINGS_CHANGED,
        coordinator.id,
        { name: 'Northshire Youth Trust', sector: 'HEALTH', statutoryPartner: false, emailDomains: [], managerEmailOnDomains: false },
        {
          name: 'Northshire Youth Trust',
          sector: 'VOLUNTARY_AND_COMMUNITY',
          statutoryPartner: false,
          emailDomains: ['nyt.org.uk'],
          managerEmailOnDomains: false,
          setting: 'Details at Northshire Youth Trust',
        },
      ],
      [AuditAction.SETTINGS_CHANGED, coordinator.id, { retired: false }, { retired: true, setting: 'Offered at Northshire Youth Trust' }],
      [AuditAction.SETTINGS_CHANGED, coordinator.id, { retired: true }, { retired: false, setting: 'Offered at Northshire Youth Trust' }],
    ]);
  });

  it('cannot be changed or removed through the application’s own database connection', async () => {
    const person = await aPerson(em());
    ok(await gql(api.url, ROLES, { personId: person.id, roles: ['REVIEWER'] }, cookie));
    const conn = api.app.get(EntityManager).fork();
    await expect(conn.execute(`update audit_entry set reason = 'rewritten' where subject_person_id = ?`, [person.id])).rejects.toThrow(
      /audit entries cannot be changed or removed \(UPDATE on audit_entry\)/,
    );
    await expect(conn.execute(`delete from audit_entry where subject_person_id = ?`, [person.id])).rejects.toThrow(
      /audit entries cannot be changed or removed \(DELETE on audit_entry\)/,
    );
    await expect(conn.execute(`truncate audit_entry`)).rejects.toThrow(/\(TRUNCATE on audit_entry\)/);
    const entry = await conn.findOneOrFail(AuditEntry, { subjectPersonId: person.id });
    entry.reason = 'rewritten';
    await expect(conn.flush()).rejects.toThrow(/cannot be changed or removed/);
    const again = em();
    await expect(again.remove(await again.findOneOrFail(AuditEntry, { subjectPersonId: person.id })).flush()).rejects.toThrow(
      /cannot be changed or removed/,
    );
    expect((await about(person.id)).map((x) => x.reason)).toEqual([null]);
  });

  describe('the auditLog query', () => {
    it('is for coordinators only', async () => {
      const e = em();
      for (const roles of [[Role.PRACTITIONER], [Role.TRAINER], [Role.REVIEWER], [Role.AGENCY_LEAD]]) {
        const someone = await aPerson(e, { roles, agency: roles.includes(Role.AGENCY_LEAD) ? await anAgency(e) : undefined });
        expect(errorOf(await gql(api.url, AUDIT_LOG, {}, await signInAs(api.url, someone)))).toEqual({
          code: 'NOT_ALLOWED',
          message: 'You do not have access to this.',
        });
      }
      expect(errorOf(await gql(api.url, AUDIT_LOG, {})).code).toBe('UNAUTHENTICATED');
    });

    it('finds entries by action, person, words and London dates, newest first, 25 a page, in words', async () => {
      const person = await aPerson(em(), { name: 'Quinn Queryable' });
      const roles = [['TRAINER'], ['REVIEWER'], ['PRACTITIONER', 'COORDINATOR']];
      for (const r of roles) {
        ok(await gql(api.url, ROLES, { personId: person.id, roles: r, reason: `Needs ${r.join(' and ')}` }, cookie));
      }
      const page = (filter: Record<string, unknown>) => gql<Page>(api.url, AUDIT_LOG, { filter }, cookie);
      const mine = ok(await page({ subjectPersonId: person.id, action: 'ROLES_CHANGED' })).auditLog;
      expect(mine.total).toBe(3);
      expect(mine.entries.map((x) => x.changes)).toEqual([
        [{ field: 'Roles', before: 'Reviewer', after: 'Practitioner, Coordinator' }],
        [{ field: 'Roles', before: 'Trainer', after: 'Reviewer' }],
        [{ field: 'Roles', before: 'Practitioner', after: 'Trainer' }],
      ]);
      expect(mine.entries[0]).toMatchObject({
        actionLabel: 'Roles changed',
        actorName: 'Cora Auditor',
        subjectPersonName: 'Quinn Queryable',
      });

      expect(ok(await page({ text: 'queryable' })).auditLog.total).toBe(3);
      expect(ok(await page({ text: 'Needs REVIEWER' })).auditLog.entries.map((x) => x.reason)).toEqual(['Needs REVIEWER']);
      expect(ok(await page({ subjectPersonId: person.id, action: 'CHARGE_WAIVED' })).auditLog.total).toBe(0);
      const today = londonDay(0);
      expect(ok(await page({ subjectPersonId: person.id, from: today, to: today })).auditLog.total).toBe(3);
      expect(ok(await page({ subjectPersonId: person.id, to: londonDay(-1) })).auditLog.total).toBe(0);

      // pages of 25, newest first
      const many = await aPerson(em(), { name: 'Many Entries' });
      await api.app
        .get(EntityManager)
        .fork()
        .transactional(async (tx) => {
          for (let i = 0; i < 30; i++) {
            AuditLog.record(tx, null, {
              action: AuditAction.PERSONAL_DATA_EXPORTED,
              at: new Date(Date.now() - (30 - i) * 60_000),
              subject: { type: 'training_record', id: many.id },
              subjectPerson: { id: many.id, name: many.name },
              after: { file: `File ${i}` },
            });
          }
        });
      const first = ok(await page({ subjectPersonId: many.id })).auditLog;
      expect([first.total, first.page, first.pageCount, first.entries.length]).toEqual([30, 1, 2, 25]);
      expect(first.entries[0]).toMatchObject({ actorName: 'The system', changes: [{ field: 'File', before: null, after: 'File 29' }] });
      const second = ok(await page({ subjectPersonId: many.id, page: 2 })).auditLog;
      expect(second.entries.map((x) => x.changes[0]!.after)).toEqual(['File 4', 'File 3', 'File 2', 'File 1', 'File 0']);

      expect(errorOf(await page({ from: '2026-02-30' }))).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'The from date must be a real date, like 2026-12-01.',
      });
      expect(errorOf(await page({ from: today, to: londonDay(-3) })).message).toBe(
        'The to date must be the same as or after the from date.',
      );
    });
  });
});
