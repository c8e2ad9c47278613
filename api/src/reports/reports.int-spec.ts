import { AgencySector, AttendanceRule, BookingStatus, Role, SessionStatus, type BookingAction, type ReportPeriodKind } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { aCourse, aPerson, aPriorityArea, anAgency } from '../../test/builders';
import { sessionAt } from '../../test/report-fixtures';
import { correct, markPart, partIdsOf, signOffPart, takeRegisters } from '../../test/registers';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { BookingEvent } from '../booking/booking-event.entity';
import type { Course } from '../catalogue/course.entity';
import { Clock } from '../common/clock';
import type { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';

/**
 * Reports 1-3 over hand-counted fixtures, through the real API on a real PostgreSQL. The fixture (financial
 * year 2025-26 unless said) and its counts are written out beside each figure below.
 */

const FIGURES = `coursesDelivered sessionsDelivered sessionsCancelled trainingDays placesOffered booked fillRate attended attendedFully
  attendedPartly attendedBooked attendanceRate attendedOfPlaces absentWithApology didNotAttend didNotAttendRate lateCancellations
  lateCancellationRate awaitingRegister walkIns moved waitingListDemand averageAttendance chargesPence`;
const SUMMARY = `query($filter: ReportFilterInput!) { programmeSummary(filter: $filter) { period { kind from to label } filters { label value } figures { ${FIGURES} } } }`;
const ANNUAL = `query($filter: ReportFilterInput!) { annualReportTable(filter: $filter) { period { label }
  areas { name courses { courseId label delivered attendance } subtotal { label delivered attendance } } total { label delivered attendance } } }`;
const AGENCY_FIGS = `booked attended attendedBooked attendanceRate didNotAttend lateCancellations chargesPence`;
const AGENCY = `query($filter: ReportFilterInput!, $input: AgencyReportInput!) { agencyReport(filter: $filter, input: $input) {
  period { label } previousPeriod { label from to } trendPeriods { label } sort descending bySector
  rows { key name current { ${AGENCY_FIGS} } previous { ${AGENCY_FIGS} } attendanceRateChange didNotAttendChange trend { attendanceRate booked } }
  total { name current { ${AGENCY_FIGS} } previous { ${AGENCY_FIGS} } } } }`;
const SET_POLICY = `mutation($input: NonAttendancePolicyInput!) { setNonAttendancePolicy(input: $input) { agencyType } }`;

type Figures = Record<string, number | null>;
const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];
const FY = { periodKind: 'FINANCIAL_YEAR' as ReportPeriodKind, from: '2025-06-01' };

describe('reports: programme summary, annual-report table, by agency and sector (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  let reviewer: string;
  let practitioner: string;
  let police: Agency;
  let health: Agency;
  let charity: Agency;
  let school: Agency;
  let trainer: Person;
  let dash: Course;
  let gcp: Course;
  const names: string[] = [];

  const em = () => api.orm.em.fork();
  async function place(
    session: Session,
    agency: Agency,
    over: Partial<Pick<Booking, 'status' | 'lateCancellation' | 'walkIn' | 'waitlistedAt'>> = {},
    person?: Person,
  ) {
    const e = em();
    const who = person ?? (await aPerson(e, { agency, name: `Fixture person ${names.length + 1}` }));
    names.push(who.name);
    const booking = e.create(Booking, { session: session.id, person: who.id, agency, status: BookingStatus.CONFIRMED, ...over });
    await e.flush();
    return { person: who, booking };
  }
  async function event(booking: Booking, action: BookingAction, toStatus: BookingStatus) {
    const e = em();
    e.create(BookingEvent, { booking: booking.id, action, toStatus, at: new Date('2025-09-01T10:00:00Z') });
    await e.flush();
  }

  beforeAll(async () => {
    api = await startTestApi();
    api.app.get(Clock).fixAt(new Date('2026-04-10T12:00:00Z'));
    const e = em();
    coordinator = await signInAs(api.url, await aPerson(e, { roles: [Role.COORDINATOR] }));
    reviewer = await signInAs(api.url, await aPerson(e, { roles: [Role.REVIEWER] }));
    practitioner = await signInAs(api.url, await aPerson(e, { roles: [Role.PRACTITIONER] }));
    trainer = await aPerson(e, { roles: [Role.TRAINER], name: 'Tamsin Trainer' });
    police = await anAgency(e, { name: 'Northshire Police', sector: AgencySector.POLICE });
    health = await anAgency(e, { name: 'Northshire NHS Trust', sector: AgencySector.HEALTH });
    charity = await anAgency(e, { name: 'Northshire Young Carers', sector: AgencySector.VOLUNTARY_AND_COMMUNITY });
    school = await anAgency(e, { name: 'Northshire Academy', sector: AgencySector.EDUCATION });
    const set = await gql(
      api.url,
      SET_POLICY,
      {
        input: {
          rates: [
            { agencyType: 'VOLUNTARY_AND_COMMUNITY', nonAttendancePence: 4000, lateCancellationPence: 2500 },
            { agencyType: 'EDUCATION', nonAttendancePence: 5000, lateCancellationPence: 3000 },
          ],
        },
      },
      coordinator,
    );
    expect(set.errors).toBeUndefined();

    const da = await aPriorityArea(e, 'Domestic Abuse');
    const neglect = await aPriorityArea(e, 'Neglect');
    dash = await aCourse(e, { title: 'DASH checklist', priorityArea: da });
    const teen = await aCourse(e, { title: 'Domestic Abuse and Teen Dating', priorityArea: da });
    teen.partlyAttendedCompletes = true;
    gcp = await aCourse(e, { title: 'Graded Care Profile 2', priorityArea: neglect });
    gcp.attendanceRule = AttendanceRule.ALL_PARTS;
    await e.flush();

    // S1: DASH on the day the clocks go back, at the second 01:30 (GMT)
    const s1 = await sessionAt(e, dash, [['2025-10-26', '01:30', '04:30', 'SECOND']]);
    const p1 = await place(s1, police);
    const p2 = await place(s1, police); // moves to the NHS trust after booking
    await place(s1, charity); // p3: not marked, did not attend (charged £40)
    const p4 = await place(s1, school); // late 20 minutes: attended (every part, late counts)
    const w1 = await place(s1, health, { walkIn: true });
    await place(s1, school, { status: BookingStatus.CANCELLED, lateCancellation: true }); // charged £30
    await place(s1, health, { status: BookingStatus.CANCELLED }); // cancelled in time: not booked
    const m1 = await place(s1, police, { status: BookingStatus.CANCELLED }); // moved out to S2
    await event(m1.booking, 'moved-out', BookingStatus.CANCELLED);
    const [s1part] = await partIdsOf(api, s1.id);
    await markPart(api, coordinator, s1part!, {
      [p1.booking.id]: 'PRESENT',
      [p2.booking.id]: 'PRESENT',
      [p4.booking.id]: { mark: 'LATE', minutes: 20 },
      [w1.booking.id]: 'PRESENT',
    });
    await signOffPart(api, coordinator, s1part!);
    const moved = await e.findOneOrFail(Booking, p2.booking.id, { populate: ['person'] });
    moved.person.agency = health;
    await e.flush();

    // S2: DASH on the day the clocks go forward, 00:30 GMT to 03:30 BST
    const s2 = await sessionAt(e, dash, [['2026-03-29', '00:30', '03:30']]);
    const m1in = await place(s2, police, {}, m1.person);
    const p5 = await place(s2, health);
    const p6 = await place(s2, health); // corrected after sign-off to did not attend
    const q = await place(s2, police, { status: BookingStatus.WAITLISTED, waitlistedAt: new Date('2026-03-01T10:00:00Z') });
    await event(q.booking, 'booked', BookingStatus.WAITLISTED);
    const r = await place(s2, police, { status: BookingStatus.WAITLISTED, waitlistedAt: new Date('2026-03-01T10:00:00Z') }, p1.person);
    await event(r.booking, 'booked', BookingStatus.WAITLISTED); // waited, but has a place on S1: no demand
    await takeRegisters(api, coordinator, s2.id, {
      [m1in.booking.id]: 'PRESENT',
      [p5.booking.id]: 'ABSENT_WITH_APOLOGY',
      [p6.booking.id]: 'PRESENT',
    });
    await correct(api, coordinator, s2.id, p6.booking.id, 'DID_NOT_ATTEND', 'Signed in by a colleague by mistake');

    // S3: Teen Dating (partly attended completes), two days in June, delivered by Tamsin
    const s3 = await sessionAt(
      e,
      teen,
      [
        ['2025-06-10', '09:30', '16:30'],
        ['2025-06-11', '09:30', '16:30'],
      ],
      { capacity: 8 },
    );
    const withTrainer = em();
    const s3e = await withTrainer.findOneOrFail(Session, s3.id, { populate: ['trainers'] });
    s3e.trainers.add(withTrainer.getReference(Person, trainer.id));
    await withTrainer.flush();
    const p7 = await place(s3, charity);
    const p8 = await place(s3, charity);
    const [s3a, s3b] = await partIdsOf(api, s3.id);
    await markPart(api, coordinator, s3a!, { [p7.booking.id]: 'PRESENT', [p8.booking.id]: 'PRESENT' });
    await signOffPart(api, coordinator, s3a!);
    await markPart(api, coordinator, s3b!, { [p8.booking.id]: 'PRESENT' });
    await signOffPart(api, coordinator, s3b!);

    // S4: Graded Care Profile 2 across the year's end: 31 March and 1 April 2026 (in 2025-26 by its first part)
    const s4 = await sessionAt(
      e,
      gcp,
      [
        ['2026-03-31', '09:30', '16:30'],
        ['2026-04-01', '09:30', '16:30'],
      ],
      { capacity: 12 },
    );
    const p9 = await place(s4, school);
    await place(s4, school); // p10: did not attend, 2 days at £50 = £100
    const p14 = await place(s4, police); // first day only: partly attended, which does not complete this course
    const [s4a, s4b] = await partIdsOf(api, s4.id);
    await markPart(api, coordinator, s4a!, { [p9.booking.id]: 'PRESENT', [p14.booking.id]: 'PRESENT' });
    await signOffPart(api, coordinator, s4a!);
    await markPart(api, coordinator, s4b!, { [p9.booking.id]: 'PRESENT' });
    await signOffPart(api, coordinator, s4b!);

    // S5: Graded Care Profile 2, called off
    const s5 = await sessionAt(e, gcp, [['2025-11-05', '09:30', '16:30']], { capacity: 12, status: SessionStatus.CANCELLED });
    await place(s5, police, { status: BookingStatus.CANCELLED });

    // S6: DASH at 00:15 on 1 April 2025 (23:15 on 31 March in UTC): in 2025-26, nobody booked
    await sessionAt(e, dash, [['2025-04-01', '00:15', '03:15']], { capacity: 5 });

    // S7: DASH at 23:45 on 31 March 2025 (BST): the year before
    const s7 = await sessionAt(e, dash, [['2025-03-31', '21:00', '23:45']]);
    const p11 = await place(s7, police);
    await place(s7, police); // p12: did not attend
    await takeRegisters(api, coordinator, s7.id, { [p11.booking.id]: 'PRESENT' });

    // S8: DASH at 00:30 on 1 April 2026 (23:30 on 31 March in UTC): 2026-27. S9: 20 April 2026, not started yet.
    const s8 = await sessionAt(e, dash, [['2026-04-01', '00:30', '03:30']]);
    const p13 = await place(s8, police);
    await takeRegisters(api, coordinator, s8.id, { [p13.booking.id]: 'PRESENT' });
    const s9 = await sessionAt(e, dash, [['2026-04-20', '09:30', '12:30']]);
    await place(s9, police);
  });
  afterAll(async () => {
    await api.close();
  });

  const summary = async (filter: Record<string, unknown>, cookie = coordinator) => {
    const res = await gql<{
      programmeSummary: { period: { label: string }; filters: { label: string; value: string }[]; figures: Figures };
    }>(api.url, SUMMARY, { filter }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.programmeSummary;
  };

  it('counts every figure of the programme summary for the financial year, by the hand count', async () => {
    const r = await summary(FY);
    expect(r.period.label).toBe('Financial year 2025-26');
    expect(r.figures).toEqual({
      coursesDelivered: 3, // DASH, Teen Dating, GCP2
      sessionsDelivered: 5, // S1, S2, S3, S4, S6 (S5 cancelled; S7 the year before; S8, S9 the year after)
      sessionsCancelled: 1, // S5
      trainingDays: 7, // S1 1, S2 1, S3 2, S4 2 (31 March and 1 April), S6 1
      placesOffered: 45, // 10 + 10 + 8 + 12 + 5
      booked: 13, // S1 4 confirmed + 1 late cancellation, S2 3 (one moved in), S3 2, S4 3
      fillRate: 13 / 45,
      attended: 8, // 7 fully + Teen Dating's partly attended
      attendedFully: 7, // p1, p2, p4 (late), walk-in, moved-in, p8, p9
      attendedPartly: 2, // p7 (counts), p14 (GCP2: does not count)
      attendedBooked: 7, // attended without the walk-in
      attendanceRate: 7 / 13,
      attendedOfPlaces: 8 / 45,
      absentWithApology: 1, // p5
      didNotAttend: 3, // p3, p6 (corrected after sign-off), p10
      didNotAttendRate: 3 / 13,
      lateCancellations: 1,
      lateCancellationRate: 1 / 13,
      awaitingRegister: 0,
      walkIns: 1,
      moved: 1,
      waitingListDemand: 1, // q; r waited on S2 but has a place on S1 of the same course
      averageAttendance: 8 / 5,
      chargesPence: 17000, // £40 (p3) + £30 (late cancellation) + £100 (p10, two days)
    });
  });

  it('puts a session in the period of its first part’s London date, either side of both clock changes', async () => {
    const october = await summary({ periodKind: 'MONTH', from: '2025-10-01' });
    expect(october.period.label).toBe('October 2025');
    expect(october.figures).toMatchObject({ sessionsDelivered: 1, trainingDays: 1, booked: 5, attended: 4, walkIns: 1, moved: 1 });
    const march = await summary({ periodKind: 'MONTH', from: '2026-03-15' });
    expect(march.figures).toMatchObject({ sessionsDelivered: 2, trainingDays: 3, booked: 6, attended: 2, didNotAttend: 2 });
    // S7 (23:45 BST on 31 March 2025) is in the year before; its comparison is the agency report's
    const before = await summary({ periodKind: 'FINANCIAL_YEAR', from: '2025-03-31' });
    expect(before.figures).toMatchObject({ sessionsDelivered: 1, booked: 2, attended: 1, didNotAttend: 1 });
    // April 2026: S8 (00:30 on 1 April, 31 March in UTC) delivered; S9 not started by the report's time, so not delivered
    const april = await summary({ periodKind: 'CUSTOM', from: '2026-04-01', to: '2026-04-30' });
    expect(april.period.label).toBe('1 April 2026 to 30 April 2026');
    expect(april.figures).toMatchObject({ sessionsDelivered: 1, placesOffered: 10, booked: 1, attended: 1, awaitingRegister: 0 });
    const quarter = await summary({ periodKind: 'QUARTER', from: '2025-11-20' });
    expect(quarter.period.label).toBe('Quarter 3 2025-26 (October to December 2025)');
    expect(quarter.figures).toMatchObject({ sessionsDelivered: 1, sessionsCancelled: 1 });
    const academic = await summary({ periodKind: 'ACADEMIC_YEAR', from: '2025-09-01' });
    expect(academic.period.label).toBe('Academic year 2025-26');
    expect(academic.figures).toMatchObject({ sessionsDelivered: 4 }); // S1, S2, S4, S8 (S3 in June and S6 in April are 2024-25; S9 not started)
  });

  it('filters by agency at booking, sector, course, level, format, priority area and trainer', async () => {
    const byPolice = await summary({ ...FY, agencyId: police.id });
    // sessions stay the programme's; places are the police's: p1, p2 (moved agency since), moved-in, p14
    expect(byPolice.figures).toMatchObject({
      sessionsDelivered: 5,
      placesOffered: 45,
      booked: 4,
      attended: 3,
      walkIns: 0,
      moved: 1,
      waitingListDemand: 1,
    });
    expect(byPolice.filters).toEqual([
      { label: 'Period', value: 'Financial year 2025-26' },
      { label: 'Agency', value: 'Northshire Police' },
    ]);
    const byHealth = await summary({ ...FY, agencyId: health.id });
    expect(byHealth.figures).toMatchObject({ booked: 2, attended: 1, walkIns: 1, didNotAttend: 1, absentWithApology: 1 });
    const education = await summary({ ...FY, sector: 'EDUCATION' });
    expect(education.figures).toMatchObject({ booked: 4, attended: 2, lateCancellations: 1, didNotAttend: 1, chargesPence: 13000 });
    const course = await summary({ ...FY, courseId: gcp.id });
    expect(course.figures).toMatchObject({
      sessionsDelivered: 1,
      sessionsCancelled: 1,
      trainingDays: 2,
      booked: 3,
      attended: 1,
      attendedPartly: 1,
    });
    const area = await summary({ ...FY, priorityAreaId: dash.priorityArea.id });
    expect(area.figures).toMatchObject({ coursesDelivered: 2, sessionsDelivered: 4, attended: 7 });
    const trained = await summary({ ...FY, trainerId: trainer.id });
    expect(trained.figures).toMatchObject({ sessionsDelivered: 1, booked: 2, attended: 2, attendedPartly: 1 });
    const level3 = await summary({ ...FY, level: 3 });
    expect(level3.figures).toMatchObject({ sessionsDelivered: 0, booked: 0, fillRate: null, attendanceRate: null });
    const virtual = await summary({ ...FY, format: 'FACE_TO_FACE' });
    expect(virtual.figures.sessionsDelivered).toBe(5);
  });

  it('lays out the annual-report table per priority area and course, with subtotals and a total', async () => {
    const res = await gql<{ annualReportTable: Record<string, unknown> }>(api.url, ANNUAL, { filter: FY }, coordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data!.annualReportTable).toEqual({
      period: { label: 'Financial year 2025-26' },
      areas: [
        {
          name: 'Domestic Abuse',
          courses: [
            { courseId: dash.id, label: 'DASH checklist', delivered: 3, attendance: 5 },
            { courseId: expect.any(String), label: 'Domestic Abuse and Teen Dating', delivered: 1, attendance: 2 },
          ],
          subtotal: { label: 'Domestic Abuse total', delivered: 4, attendance: 7 },
        },
        {
          name: 'Neglect',
          courses: [{ courseId: gcp.id, label: 'Graded Care Profile 2', delivered: 1, attendance: 1 }],
          subtotal: { label: 'Neglect total', delivered: 1, attendance: 1 },
        },
      ],
      total: { label: 'Total', delivered: 5, attendance: 8 },
    });
  });

  const agencyReport = async (input: Record<string, unknown>, cookie = coordinator, filter: Record<string, unknown> = FY) => {
    const res = await gql<{ agencyReport: Record<string, any> }>(api.url, AGENCY, { filter, input }, cookie); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(res.errors).toBeUndefined();
    return res.data!.agencyReport;
  };

  it('counts by the agency at booking, with charges, the change since the year before and a three-year trend', async () => {
    const r = await agencyReport({ bySector: false, sort: 'NAME', descending: false });
    expect(r.previousPeriod).toEqual({ label: 'Financial year 2024-25', from: '2024-04-01', to: '2025-03-31' });
    expect(r.trendPeriods.map((p: { label: string }) => p.label)).toEqual([
      'Financial year 2023-24',
      'Financial year 2024-25',
      'Financial year 2025-26',
    ]);
    const rows = Object.fromEntries(r.rows.map((row: { name: string }) => [row.name, row]));
    expect(r.rows.map((row: { name: string }) => row.name)).toEqual([
      'Northshire Academy',
      'Northshire NHS Trust',
      'Northshire Police',
      'Northshire Young Carers',
    ]);
    const none = {
      booked: 0,
      attended: 0,
      attendedBooked: 0,
      attendanceRate: null,
      didNotAttend: 0,
      lateCancellations: 0,
      chargesPence: 0,
    };
    expect(rows['Northshire Police']).toMatchObject({
      key: police.id,
      current: { booked: 4, attended: 3, attendedBooked: 3, attendanceRate: 0.75, didNotAttend: 0, lateCancellations: 0, chargesPence: 0 },
      previous: { booked: 2, attended: 1, attendedBooked: 1, attendanceRate: 0.5, didNotAttend: 1, lateCancellations: 0, chargesPence: 0 },
      attendanceRateChange: 25,
      didNotAttendChange: -1,
      trend: [
        { attendanceRate: null, booked: 0 },
        { attendanceRate: 0.5, booked: 2 },
        { attendanceRate: 0.75, booked: 4 },
      ],
    });
    // p2 booked under the police and moved to the NHS trust afterwards: the trust has only its walk-in's attendance
    expect(rows['Northshire NHS Trust'].current).toEqual({ ...none, booked: 2, attended: 1, attendanceRate: 0, didNotAttend: 1 });
    expect(rows['Northshire NHS Trust'].previous).toEqual(none);
    expect(rows['Northshire NHS Trust'].attendanceRateChange).toBeNull();
    expect(rows['Northshire Young Carers'].current).toEqual({
      ...none,
      booked: 3,
      attended: 2,
      attendedBooked: 2,
      attendanceRate: 2 / 3,
      didNotAttend: 1,
      chargesPence: 4000,
    });
    expect(rows['Northshire Academy'].current).toEqual({
      ...none,
      booked: 4,
      attended: 2,
      attendedBooked: 2,
      attendanceRate: 0.5,
      didNotAttend: 1,
      lateCancellations: 1,
      chargesPence: 13000,
    });
    expect(r.total).toMatchObject({
      name: 'Total',
      current: { booked: 13, attended: 8, attendedBooked: 7, didNotAttend: 3, lateCancellations: 1, chargesPence: 17000 },
      previous: { booked: 2, attended: 1, didNotAttend: 1 },
    });
  });

  it('sorts by any column in PostgreSQL, either way, and groups by sector', async () => {
    const byRate = await agencyReport({ bySector: false, sort: 'ATTENDANCE_RATE', descending: true });
    expect(byRate.rows.map((row: { name: string }) => row.name)).toEqual([
      'Northshire Police',
      'Northshire Young Carers',
      'Northshire Academy',
      'Northshire NHS Trust',
    ]);
    const byCharges = await agencyReport({ bySector: false, sort: 'CHARGES', descending: false });
    expect(byCharges.rows.map((row: { current: { chargesPence: number } }) => row.current.chargesPence)).toEqual([0, 0, 4000, 13000]);
    const byBooked = await agencyReport({ bySector: false, sort: 'BOOKED', descending: true });
    expect(byBooked.rows.map((row: { current: { booked: number } }) => row.current.booked)).toEqual([4, 4, 3, 2]);
    const sectors = await agencyReport({ bySector: true, sort: 'DID_NOT_ATTEND', descending: true });
    expect(sectors.bySector).toBe(true);
    expect(
      sectors.rows.map((row: { key: string; name: string; current: { didNotAttend: number } }) => [
        row.key,
        row.name,
        row.current.didNotAttend,
      ]),
    ).toEqual([
      ['EDUCATION', 'Education', 1],
      ['HEALTH', 'Health', 1],
      ['VOLUNTARY_AND_COMMUNITY', 'Voluntary and community', 1],
      ['POLICE', 'Police', 0],
    ]);
  });

  it('refuses bad input with the problem in the form’s words, never an empty table', async () => {
    const ask = (filter: Record<string, unknown>, cookie = coordinator) => gql(api.url, SUMMARY, { filter }, cookie);
    const inverted = await ask({ periodKind: 'CUSTOM', from: '2026-03-01', to: '2026-02-01' });
    expect(code(inverted)).toBe('BAD_USER_INPUT');
    expect(fields(inverted)).toEqual([{ field: 'filter.to', message: 'The end of the period must be the same as or after its start' }]);
    const empty = await ask({ periodKind: 'CUSTOM' });
    expect(fields(empty)).toEqual([
      { field: 'filter.from', message: 'Enter the start of the period' },
      { field: 'filter.to', message: 'Enter the end of the period' },
    ]);
    expect(fields(await ask({ periodKind: 'CUSTOM', from: '2026-02-30', to: '2026-03-01' }))).toEqual([
      { field: 'filter.from', message: 'The start of the period must be a real date between 1900 and 2999' },
    ]);
    const agency = await ask({ ...FY, agencyId: randomUUID() });
    expect(code(agency)).toBe('BAD_USER_INPUT');
    expect(fields(agency)).toEqual([{ field: 'filter.agencyId', message: 'There is no such agency: choose one from the list' }]);
    expect(fields(await ask({ ...FY, courseId: randomUUID() }))).toEqual([
      { field: 'filter.courseId', message: 'There is no such course: choose one from the list' },
    ]);
    const notTrainer = await ask({ ...FY, trainerId: police.id });
    expect(fields(notTrainer)).toEqual([{ field: 'filter.trainerId', message: 'There is no such trainer: choose one from the list' }]);
    expect(fields(await ask({ ...FY, level: 7 }))).toEqual([{ field: 'filter.level', message: 'Choose a level from the list' }]);
    // a filter the role may not use: trainers are people, and reviewers see no names
    const reviewerByTrainer = await ask({ ...FY, trainerId: trainer.id }, reviewer);
    expect(code(reviewerByTrainer)).toBe('NOT_ALLOWED');
    expect(reviewerByTrainer.errors?.[0]?.message).toBe('Only coordinators can filter reports by trainer.');
    expect(reviewerByTrainer.data).toBeNull();
    expect(code(await ask(FY, practitioner))).toBe('NOT_ALLOWED');
  });

  it('gives a reviewer the same aggregates and never a person’s name', async () => {
    const mine = await summary(FY, reviewer);
    expect(mine.figures).toEqual((await summary(FY)).figures);
    const everything = JSON.stringify([
      mine,
      (await gql(api.url, ANNUAL, { filter: FY }, reviewer)).data,
      await agencyReport({ bySector: false }, reviewer),
      await agencyReport({ bySector: true }, reviewer),
      (
        await gql(
          api.url,
          `{ reportFilterOptions { priorityAreas { name } courses { name } agencies { name } trainers { id name } } }`,
          {},
          reviewer,
        )
      ).data,
    ]);
    expect(everything).toContain('Northshire Police');
    for (const name of [...names, trainer.name]) {
      expect(everything).not.toContain(name);
    }
    const options = await gql<{ reportFilterOptions: { trainers: { name: string }[] } }>(
      api.url,
      `{ reportFilterOptions { trainers { name } } }`,
      {},
      coordinator,
    );
    expect(options.data!.reportFilterOptions.trainers.map((t) => t.name)).toContain('Tamsin Trainer');
  });
});
