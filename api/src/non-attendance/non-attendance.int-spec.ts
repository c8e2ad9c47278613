import { AgencySector, AuditAction, BookingStatus, MailKind, Role, SessionStatus, londonParts, londonToUtc } from '@lh/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { aCourse, aPerson, anAgency } from '../../test/builders';
import { correct, takeRegisters } from '../../test/registers';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Booking } from '../booking/booking.entity';
import type { Course } from '../catalogue/course.entity';
import { MailDeliveryService } from '../notifications/mail-delivery.service';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { SURVEY_MAIL_KINDS } from '../surveys/survey-mail';
import type { Agency } from '../people/agency.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';
import { NonAttendanceCharge } from './non-attendance-charge.entity';

const SET_POLICY = `mutation($input: NonAttendancePolicyInput!) { setNonAttendancePolicy(input: $input) { agencyType nonAttendancePence lateCancellationPence updatedByName } }`;
const POLICY = `{ nonAttendancePolicy { agencyType label nonAttendancePence lateCancellationPence agencyNames } }`;
const COPY = `mutation($agencyId: ID!, $copy: Boolean!) { setAgencyManagerCopy(agencyId: $agencyId, copy: $copy) { copyManagersOnNonAttendance } }`;
const LIST = `query($filter: NonAttendanceFilterInput!) { nonAttendances(filter: $filter) {
  from to
  entries { bookingId outcome personName agencyName courseTitle sessionStartsAt
    charge { id status days perDayPence amountPence rule statusReason statusChangedByName } }
  totals { agencyName nonAttendances lateCancellations chargedPence waivedPence }
} }`;
const CSV = `query($filter: NonAttendanceFilterInput!) { nonAttendanceCsv(filter: $filter) { fileName content } }`;
const WAIVE = `mutation($input: WaiveChargeInput!) { waiveCharge(input: $input) { id status statusReason statusChangedByName } }`;

interface Entry {
  bookingId: string;
  outcome: string;
  personName: string;
  agencyName: string | null;
  courseTitle: string;
  sessionStartsAt: string;
  charge: {
    id: string;
    status: string;
    days: number;
    perDayPence: number;
    amountPence: number;
    rule: string;
    statusReason: string | null;
    statusChangedByName: string | null;
  } | null;
}
interface Report {
  from: string;
  to: string;
  entries: Entry[];
  totals: { agencyName: string; nonAttendances: number; lateCancellations: number; chargedPence: number; waivedPence: number }[];
}

const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];
const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;

/** A London date `days` from today ("YYYY-MM-DD"). */
const londonDay = (days: number) => londonParts(new Date(Date.now() + days * 86_400_000)).date;

/** A session whose parts run 09:30 to 16:30 London time on each of these dates (so its days never depend on when the test runs). */
async function sessionOn(em: EntityManager, course: Course, dates: string[]): Promise<Session> {
  const parts = dates.map((d) => ({ startsAt: londonToUtc(d, '09:30'), endsAt: londonToUtc(d, '16:30') }));
  const session = em.create(Session, {
    course,
    onlineUrl: 'https://meet.example.org/test',
    capacity: 20,
    status: SessionStatus.SCHEDULED,
    startsAt: parts[0]!.startsAt,
    endsAt: parts[parts.length - 1]!.endsAt,
  });
  for (const p of parts) {
    em.create(SessionPart, { session, ...p });
  }
  await em.flush();
  return session;
}

describe('non-attendance: charges, mail and the coordinators’ list (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let coordinator: string;
  let charity: Agency;
  let council: Agency;
  let school: Agency;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url, webOrigin: 'https://learninghub.example.org' });
    const em = api.orm.em.fork();
    coordinator = await signInAs(api.url, await aPerson(em, { roles: [Role.COORDINATOR], name: 'Claire Morgan' }));
    charity = await anAgency(em, { name: 'Northshire Young Carers', sector: AgencySector.VOLUNTARY_AND_COMMUNITY });
    council = await anAgency(em, { name: 'Northshire Council Housing', sector: AgencySector.HOUSING });
    council.statutoryPartner = true;
    school = await anAgency(em, { name: 'Northshire Academy', sector: AgencySector.EDUCATION });
    await em.flush();
    // statutory partners are never charged; voluntary agencies and schools are, per day
    const set = await gql(
      api.url,
      SET_POLICY,
      {
        input: {
          rates: [
            { agencyType: 'STATUTORY_PARTNER', nonAttendancePence: 0, lateCancellationPence: 0 },
            { agencyType: 'VOLUNTARY_AND_COMMUNITY', nonAttendancePence: 4000, lateCancellationPence: 2500 },
            { agencyType: 'HOUSING', nonAttendancePence: 9900, lateCancellationPence: 9900 },
            { agencyType: 'EDUCATION', nonAttendancePence: 5000, lateCancellationPence: 3000 },
          ],
        },
      },
      coordinator,
    );
    expect(set.errors).toBeUndefined();
    expect(code(await gql(api.url, COPY, { agencyId: charity.id, copy: true }, coordinator))).toBeUndefined();
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  const em = () => api.orm.em.fork();
  const list = async (filter: Record<string, unknown>) => {
    const res = await gql<{ nonAttendances: Report }>(api.url, LIST, { filter }, coordinator);
    expect(res.errors).toBeUndefined();
    return res.data!.nonAttendances;
  };
  /** The mail about a place, leaving out survey mail (an attended place is sent its evaluation: survey-delivery.int-spec). */
  const mailTo = (bookingId: string) =>
    em().find(OutboxMessage, { bookingId, kind: { $nin: SURVEY_MAIL_KINDS } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  async function placeOn(
    session: Session,
    agency: Agency,
    over: Partial<Pick<Booking, 'status' | 'lateCancellation' | 'managerEmail'>> = {},
  ) {
    const e = em();
    const person = await aPerson(e, { agency });
    const booking = e.create(Booking, { session: session.id, person, agency, status: BookingStatus.CONFIRMED, ...over });
    await e.flush();
    return { person, booking };
  }

  it('charges a non-attendance per day of a two-day course, mails the person and, as their agency asks, their line manager', async () => {
    const course = await aCourse(em(), { title: 'Graded Care Profile 2' });
    const session = await sessionOn(em(), course, [londonDay(-10), londonDay(-9)]);
    const absent = await placeOn(session, charity, { managerEmail: 'manager@youngcarers.example.org' });
    const there = await placeOn(session, charity, { managerEmail: 'manager2@youngcarers.example.org' });

    await takeRegisters(api, coordinator, session.id, { [there.booking.id]: 'PRESENT' });

    const charges = await em().find(NonAttendanceCharge, { session: session.id });
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({
      outcome: 'DID_NOT_ATTEND',
      status: 'CHARGED',
      agencyType: 'VOLUNTARY_AND_COMMUNITY',
      days: 2,
      perDayPence: 4000,
      amountPence: 8000,
      rule: 'Voluntary and community: £40.00 a day for a non-attendance',
    });
    expect(charges[0]!.booking.id).toBe(absent.booking.id);

    const mail = await mailTo(absent.booking.id);
    expect(mail.map((m) => [m.kind, m.toEmail])).toEqual([
      [MailKind.NON_ATTENDANCE, absent.person.email],
      [MailKind.NON_ATTENDANCE_MANAGER_COPY, 'manager@youngcarers.example.org'],
    ]);
    expect(mail[0]!.subject).toBe('You did not attend: Graded Care Profile 2');
    expect(mail[0]!.text).toContain('your agency, Northshire Young Carers, may be charged £80.00 for the place (£40.00 a day for 2 days).');
    expect(mail[0]!.text).toContain('training@learning-hub.example.org');
    expect(mail[0]!.text).toContain(`https://learninghub.example.org/courses/${course.id}`);
    expect(mail[1]!.text).toContain(`${absent.person.name} did not attend the session`);
    expect(await mailTo(there.booking.id)).toEqual([]);

    // through the real SMTP path
    await api.app.get(MailDeliveryService).deliverDue();
    // the two did-not-attend mails, and the attender's certificate and evaluation
    await smtp.waitFor(4);
    const ids = new Set(mail.map((m) => m.messageId));
    expect(
      smtp.received
        .filter((m) => ids.has(m.parsed.messageId ?? ''))
        .map((m) => m.envelopeTo[0])
        .sort(),
    ).toEqual([absent.person.email, 'manager@youngcarers.example.org'].sort());
    expect(smtp.received.filter((m) => m.envelopeTo[0] === there.person.email)).toHaveLength(2);
  });

  it('never charges a statutory partner, copies no manager for an agency that does not ask, and says nothing of a charge', async () => {
    const session = await sessionOn(em(), await aCourse(em(), { title: 'Neglect: the basics' }), [londonDay(-8)]);
    const officer = await placeOn(session, council, { managerEmail: 'boss@council.example.org' });
    await takeRegisters(api, coordinator, session.id, {});

    expect(await em().count(NonAttendanceCharge, { session: session.id })).toBe(0);
    const mail = await mailTo(officer.booking.id);
    expect(mail.map((m) => m.kind)).toEqual([MailKind.NON_ATTENDANCE]);
    expect(mail[0]!.text).not.toContain('charged');
    const report = await list({ from: londonDay(-8), to: londonDay(-8) });
    expect(report.entries).toEqual([expect.objectContaining({ bookingId: officer.booking.id, outcome: 'DID_NOT_ATTEND', charge: null })]);
  });

  it('charges a late cancellation at its own rate, sends it no did-not-attend mail, and leaves apologies uncharged', async () => {
    const session = await sessionOn(em(), await aCourse(em(), { title: 'Safer sleep' }), [londonDay(-7)]);
    const late = await placeOn(session, school, { status: BookingStatus.CANCELLED, lateCancellation: true });
    const sorry = await placeOn(session, school);
    await takeRegisters(api, coordinator, session.id, { [sorry.booking.id]: 'ABSENT_WITH_APOLOGY' });

    const charges = await em().find(NonAttendanceCharge, { session: session.id });
    expect(charges.map((c) => [c.booking.id, c.outcome, c.amountPence, c.rule])).toEqual([
      [late.booking.id, 'LATE_CANCELLATION', 3000, 'Education: £30.00 a day for a late cancellation'],
    ]);
    expect(await mailTo(late.booking.id)).toEqual([]);
    expect(await mailTo(sorry.booking.id)).toEqual([]);
  });

  it('voids the charge when a coordinator corrects a non-attendance to present, mails no one twice, and charges again if corrected back', async () => {
    const session = await sessionOn(em(), await aCourse(em(), { title: 'Contextual safeguarding' }), [londonDay(-6)]);
    const p = await placeOn(session, charity, { managerEmail: 'lead@youngcarers.example.org' });
    await takeRegisters(api, coordinator, session.id, {});
    const day = londonDay(-6);
    expect((await list({ from: day, to: day })).entries[0]!.charge).toMatchObject({ status: 'CHARGED', amountPence: 4000 });

    await correct(api, coordinator, session.id, p.booking.id, 'PRESENT', 'Signed the paper sheet');
    const after = await list({ from: day, to: day });
    expect(after.entries).toEqual([
      expect.objectContaining({
        bookingId: p.booking.id,
        outcome: 'ATTENDED',
        charge: expect.objectContaining({
          status: 'VOID',
          statusReason: 'The outcome was corrected to "Attended": Signed the paper sheet',
          statusChangedByName: 'Claire Morgan',
        }),
      }),
    ]);
    expect(after.totals).toEqual([
      { agencyName: 'Northshire Young Carers', nonAttendances: 0, lateCancellations: 0, chargedPence: 0, waivedPence: 0 },
    ]);

    await correct(api, coordinator, session.id, p.booking.id, 'DID_NOT_ATTEND', 'The sheet was someone else’s');
    const again = await list({ from: day, to: day });
    expect(again.entries[0]).toMatchObject({ outcome: 'DID_NOT_ATTEND', charge: { status: 'CHARGED', amountPence: 4000 } });
    const all = await em().find(NonAttendanceCharge, { booking: p.booking.id }, { orderBy: { chargedAt: 'asc' } });
    expect(all.map((c) => c.status)).toEqual(['VOID', 'CHARGED']);
    // the person and their manager heard once, when it was first decided
    expect((await mailTo(p.booking.id)).map((m) => m.kind)).toEqual([MailKind.NON_ATTENDANCE, MailKind.NON_ATTENDANCE_MANAGER_COPY]);
  });

  it('waives a charge only with a reason, once, and never a void one', async () => {
    const session = await sessionOn(em(), await aCourse(em(), { title: 'Online safety' }), [londonDay(-5)]);
    const a = await placeOn(session, school);
    const b = await placeOn(session, school);
    await takeRegisters(api, coordinator, session.id, {});
    const day = londonDay(-5);
    const charges = (await list({ from: day, to: day })).entries.map((e) => e.charge!);
    const chargeOf = async (bookingId: string) => (await em().findOneOrFail(NonAttendanceCharge, { booking: bookingId })).id;

    const blank = await gql(api.url, WAIVE, { input: { chargeId: charges[0]!.id, reason: '   ' } }, coordinator);
    expect(fields(blank)).toEqual([{ field: 'input.reason', message: 'Enter why the charge is waived' }]);
    expect((await em().findOneOrFail(NonAttendanceCharge, charges[0]!.id)).status).toBe('CHARGED');

    const id = await chargeOf(a.booking.id);
    const waived = await gql<{ waiveCharge: { status: string; statusReason: string; statusChangedByName: string } }>(
      api.url,
      WAIVE,
      { input: { chargeId: id, reason: 'Snow closed the roads' } },
      coordinator,
    );
    expect(waived.data!.waiveCharge).toMatchObject({
      status: 'WAIVED',
      statusReason: 'Snow closed the roads',
      statusChangedByName: 'Claire Morgan',
    });
    const twice = await gql(api.url, WAIVE, { input: { chargeId: id, reason: 'Again' } }, coordinator);
    expect(code(twice)).toBe('INVALID_TRANSITION');
    expect(twice.errors![0]!.message).toMatch(/^Claire Morgan already waived this charge on .+: "Snow closed the roads"\.$/);

    await correct(api, coordinator, session.id, b.booking.id, 'PRESENT', 'Was there');
    const voided = await gql(api.url, WAIVE, { input: { chargeId: await chargeOf(b.booking.id), reason: 'x' } }, coordinator);
    expect(code(voided)).toBe('INVALID_TRANSITION');
    expect(voided.errors![0]!.message).toBe(
      'This charge is void (The outcome was corrected to "Attended": Was there), so there is nothing to waive.',
    );

    const totals = (await list({ from: day, to: day })).totals;
    expect(totals).toEqual([
      { agencyName: 'Northshire Academy', nonAttendances: 1, lateCancellations: 0, chargedPence: 0, waivedPence: 5000 },
    ]);
    const practitioner = await signInAs(api.url, a.person);
    expect(code(await gql(api.url, WAIVE, { input: { chargeId: id, reason: 'Mine' } }, practitioner))).toBe('NOT_ALLOWED');
  });

  it('lists a period by the session’s London date, filters by agency and charge, and gives the same list as CSV', async () => {
    const course = await aCourse(em(), { title: 'Domestic abuse, level 2' });
    const inside = await sessionOn(em(), course, [londonDay(-40)]);
    const outside = await sessionOn(em(), course, [londonDay(-41)]);
    const c = await placeOn(inside, charity);
    const s = await placeOn(inside, school);
    const o = await placeOn(outside, charity);
    for (const session of [inside, outside]) {
      await takeRegisters(api, coordinator, session.id, {});
    }
    const day = londonDay(-40);
    const report = await list({ from: day, to: day });
    expect(report).toMatchObject({ from: day, to: day });
    expect(report.entries.map((e) => e.bookingId).sort()).toEqual([c.booking.id, s.booking.id].sort());
    expect(report.entries.map((e) => e.bookingId)).not.toContain(o.booking.id);
    expect((await list({ from: day, to: day, agencyId: school.id })).entries.map((e) => e.bookingId)).toEqual([s.booking.id]);
    await gql(
      api.url,
      WAIVE,
      {
        input: {
          chargeId: (await em().findOneOrFail(NonAttendanceCharge, { booking: s.booking.id })).id,
          reason: 'Head teacher, "unwell"',
        },
      },
      coordinator,
    );
    expect((await list({ from: day, to: day, charge: 'WAIVED' })).entries.map((e) => e.bookingId)).toEqual([s.booking.id]);
    expect((await list({ from: day, to: day, charge: 'CHARGED' })).entries.map((e) => e.bookingId)).toEqual([c.booking.id]);
    expect((await list({ from: londonDay(-8), to: londonDay(-8), charge: 'NOT_CHARGED' })).entries).toHaveLength(1);

    const csv = await gql<{ nonAttendanceCsv: { fileName: string; content: string } }>(
      api.url,
      CSV,
      { filter: { from: day, to: day } },
      coordinator,
    );
    expect(csv.data!.nonAttendanceCsv.fileName).toBe(`non-attendance-${day}-to-${day}.csv`);
    const rows = parse(csv.data!.nonAttendanceCsv.content) as string[][];
    // the file names people: its export is audited
    const audited = await api.orm.em
      .fork()
      .find(AuditEntry, { action: AuditAction.PERSONAL_DATA_EXPORTED, subjectType: 'non_attendance', subjectId: `${day}/${day}` });
    expect(audited.map((e) => e.after)).toEqual([{ file: `Non-attendance ${day} to ${day}`, format: 'CSV', people: rows.length - 1 }]);
    expect(rows[0]).toEqual([
      'Agency',
      'Person',
      'Email',
      'Course',
      'Session date',
      'Outcome',
      'Days',
      'Amount (£)',
      'Status',
      'Waived or void reason',
    ]);
    expect(rows.slice(1).sort((x, y) => x[0]!.localeCompare(y[0]!))).toEqual([
      [
        'Northshire Academy',
        s.person.name,
        s.person.email,
        'Domestic abuse, level 2',
        day,
        'Did not attend',
        '1',
        '50.00',
        'Waived',
        'Head teacher, "unwell"',
      ],
      [
        'Northshire Young Carers',
        c.person.name,
        c.person.email,
        'Domestic abuse, level 2',
        day,
        'Did not attend',
        '1',
        '40.00',
        'Charged',
        '',
      ],
    ]);
  });

  it('refuses a period that is not real dates, naming the date at fault, and everything to non-coordinators', async () => {
    const bad = await gql(api.url, LIST, { filter: { from: '2026-02-30', to: '2026-01-01' } }, coordinator);
    expect(fields(bad)).toEqual([{ field: 'filter.from', message: 'The start of the period must be a real date' }]);
    const backwards = await gql(api.url, CSV, { filter: { from: '2026-05-01', to: '2026-04-01' } }, coordinator);
    expect(fields(backwards)).toEqual([{ field: 'filter.to', message: 'The end of the period must be the same as or after its start' }]);
    const practitioner = await signInAs(api.url, await aPerson(em()));
    for (const [query, variables] of [
      [LIST, { filter: { from: '2026-04-01', to: '2026-05-01' } }],
      [CSV, { filter: { from: '2026-04-01', to: '2026-05-01' } }],
      [POLICY, {}],
      [SET_POLICY, { input: { rates: [] } }],
    ] as const) {
      expect(code(await gql(api.url, query, variables, practitioner))).toBe('NOT_ALLOWED');
    }
  });

  it('keeps outcomes and charges with the agency when it is merged into another', async () => {
    const from = await anAgency(em(), { name: 'Young Carers (duplicate)', sector: AgencySector.VOLUNTARY_AND_COMMUNITY });
    const into = await anAgency(em(), { name: 'Young Carers Northshire', sector: AgencySector.VOLUNTARY_AND_COMMUNITY });
    const session = await sessionOn(em(), await aCourse(em()), [londonDay(-30)]);
    const p = await placeOn(session, from);
    await takeRegisters(api, coordinator, session.id, {});
    const merged = await gql(
      api.url,
      `mutation($f: ID!, $i: ID!) { mergeAgencies(fromAgencyId: $f, intoAgencyId: $i) { people } }`,
      { f: from.id, i: into.id },
      coordinator,
    );
    expect(merged.errors).toBeUndefined();
    const charge = await em().findOneOrFail(NonAttendanceCharge, { booking: p.booking.id });
    expect(charge.agency?.id).toBe(into.id);
    const day = londonDay(-30);
    expect((await list({ from: day, to: day })).entries).toEqual([
      expect.objectContaining({ agencyName: 'Young Carers Northshire', charge: expect.objectContaining({ status: 'CHARGED' }) }),
    ]);
  });

  it('keeps the outcome and charge of a person whose account is merged into another (nothing cascades away)', async () => {
    const session = await sessionOn(em(), await aCourse(em()), [londonDay(-31)]);
    const p = await placeOn(session, charity);
    await takeRegisters(api, coordinator, session.id, {});
    const keep = await aPerson(em(), { agency: charity, name: 'Jordan Ellis' });
    const merged = await gql(
      api.url,
      `mutation($k: ID!, $m: ID!) { mergePeople(keepId: $k, mergeId: $m) { id } }`,
      { k: keep.id, m: p.person.id },
      coordinator,
    );
    expect(merged.errors).toBeUndefined();
    const charge = await em().findOneOrFail(NonAttendanceCharge, { booking: p.booking.id });
    expect(charge.person.id).toBe(keep.id);
    const day = londonDay(-31);
    expect((await list({ from: day, to: day })).entries).toEqual([
      expect.objectContaining({
        personName: 'Jordan Ellis',
        outcome: 'DID_NOT_ATTEND',
        charge: expect.objectContaining({ status: 'CHARGED' }),
      }),
    ]);
  });

  it('keeps the policy per agency type, refusing amounts out of range by their box and changing nothing', async () => {
    const res = await gql(
      api.url,
      SET_POLICY,
      {
        input: {
          rates: [
            { agencyType: 'SPORT', nonAttendancePence: -100, lateCancellationPence: 100_001 },
            { agencyType: 'FAITH', nonAttendancePence: 1000, lateCancellationPence: 0 },
          ],
        },
      },
      coordinator,
    );
    expect(fields(res)).toEqual([
      { field: 'input.rates.0.nonAttendancePence', message: 'Enter the charge for a non-attendance (Sport) from £0 to £1,000.00' },
      { field: 'input.rates.0.lateCancellationPence', message: 'Enter the charge for a late cancellation (Sport) from £0 to £1,000.00' },
    ]);
    const policy = await gql<{
      nonAttendancePolicy: { agencyType: string; label: string; nonAttendancePence: number; agencyNames: string[] }[];
    }>(api.url, POLICY, {}, coordinator);
    const byType = new Map(policy.data!.nonAttendancePolicy.map((r) => [r.agencyType, r]));
    expect(byType.get('FAITH')!.nonAttendancePence).toBe(0);
    expect(byType.get('VOLUNTARY_AND_COMMUNITY')).toMatchObject({ label: 'Voluntary and community', nonAttendancePence: 4000 });
    expect(byType.get('VOLUNTARY_AND_COMMUNITY')!.agencyNames).toContain('Northshire Young Carers');
    // a statutory partner is listed as one, not under its sector
    expect(byType.get('STATUTORY_PARTNER')!.agencyNames).toContain('Northshire Council Housing');
    expect(byType.get('HOUSING')!.agencyNames).not.toContain('Northshire Council Housing');
  });
});
