import { AgencySector, BookingStatus, Role, type ReportPeriodKind } from '@lh/domain';
import { aCourse, aPerson, aPriorityArea, anAgency } from '../../test/builders';
import { readPdf } from '../../test/pdf-text';
import { partIdsOf, markPart, signOffPart, takeRegisters } from '../../test/registers';
import { sessionAt } from '../../test/report-fixtures';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import type { Agency } from '../people/agency.entity';
import type { Session } from '../scheduling/session.entity';

/**
 * The reports dashboard over hand-counted fixtures (financial year 2025-26), through the real API on a real
 * PostgreSQL: attendance per month (one query), did not attend by agency, confidence, and the PDF.
 */

const MONTH = `from to label sessionsDelivered booked attendedBooked attendanceRate didNotAttend didNotAttendRate`;
const MONTHS = `query($filter: ReportFilterInput!) { reportMonths(filter: $filter) { ${MONTH} } }`;
const DASHBOARD = `query($filter: ReportFilterInput!) { reportDashboard(filter: $filter) {
  period { label } filters { label value } figures { sessionsDelivered booked attended attendanceRate didNotAttendRate fillRate }
  months { label attendanceRate } agencies { name current { booked didNotAttend } } confidence { stage label responses average } confidenceScope } }`;
const PDF = `query($filter: ReportFilterInput!) { reportDashboardPdf(filter: $filter) { fileName contentType base64 } }`;
const FY = { periodKind: 'FINANCIAL_YEAR' as ReportPeriodKind, from: '2025-06-01' };
const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];

type Month = { from: string; to: string; label: string; sessionsDelivered: number; booked: number; attendedBooked: number };

describe('reports dashboard: attendance per month, did not attend by agency, confidence and the PDF (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  let reviewer: string;
  let practitioner: string;
  let police: Agency;
  let charity: Agency;
  const em = () => api.orm.em.fork();
  async function place(session: Session, agency: Agency) {
    const e = em();
    const who = await aPerson(e, { agency });
    const booking = e.create(Booking, { session: session.id, person: who.id, agency, status: BookingStatus.CONFIRMED });
    await e.flush();
    return booking;
  }

  beforeAll(async () => {
    api = await startTestApi();
    api.app.get(Clock).fixAt(new Date('2026-04-10T12:00:00Z'));
    const e = em();
    coordinator = await signInAs(api.url, await aPerson(e, { roles: [Role.COORDINATOR] }));
    reviewer = await signInAs(api.url, await aPerson(e, { roles: [Role.REVIEWER] }));
    practitioner = await signInAs(api.url, await aPerson(e, { roles: [Role.PRACTITIONER] }));
    police = await anAgency(e, { name: 'Northshire Police', sector: AgencySector.POLICE });
    charity = await anAgency(e, { name: 'Northshire Young Carers', sector: AgencySector.VOLUNTARY_AND_COMMUNITY });
    const course = await aCourse(e, { title: 'DASH checklist', priorityArea: await aPriorityArea(e, 'Domestic Abuse') });

    // A: 00:30 on 1 October 2025 (BST: 23:30 on 30 September in UTC), in October. Police present, charity did not attend.
    const a = await sessionAt(e, course, [['2025-10-01', '00:30', '03:30']]);
    const a1 = await place(a, police);
    await place(a, charity);
    await takeRegisters(api, coordinator, a.id, { [a1.id]: 'PRESENT' });
    // B: the week the clocks go back, at the second 01:30 on 26 October (GMT). Both present.
    const b = await sessionAt(e, course, [['2025-10-26', '01:30', '04:30', 'SECOND']]);
    const b1 = await place(b, police);
    const b2 = await place(b, police);
    await takeRegisters(api, coordinator, b.id, { [b1.id]: 'PRESENT', [b2.id]: 'PRESENT' });
    // C: straddles the month's end, 30 November and 1 December: November, by its first part. Charity did not attend.
    const c = await sessionAt(e, course, [
      ['2025-11-30', '18:00', '20:00'],
      ['2025-12-01', '09:30', '11:30'],
    ]);
    await place(c, charity); // not marked on either part: did not attend
    const [c1a, c1b] = await partIdsOf(api, c.id);
    await markPart(api, coordinator, c1a!, {});
    await signOffPart(api, coordinator, c1a!);
    await markPart(api, coordinator, c1b!, {});
    await signOffPart(api, coordinator, c1b!);
    // D: 23:30 on 31 March 2026 (BST: 22:30 UTC), in March; nobody booked.
    await sessionAt(e, course, [['2026-03-31', '23:30', '23:59']]);
  });
  afterAll(async () => {
    await api.close();
  });

  const months = async (filter: Record<string, unknown>, cookie = coordinator) => {
    const res = await gql<{ reportMonths: Month[] }>(api.url, MONTHS, { filter }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.reportMonths;
  };

  it('counts attendance per month of the financial year, by the London date of the first part, either side of midnight and the clock change', async () => {
    const all = await months(FY);
    expect(all.map((m) => m.label)).toEqual([
      'April 2025',
      'May 2025',
      'June 2025',
      'July 2025',
      'August 2025',
      'September 2025',
      'October 2025',
      'November 2025',
      'December 2025',
      'January 2026',
      'February 2026',
      'March 2026',
    ]);
    const by = new Map(all.map((m) => [m.label, m]));
    // October: A (2 booked, 1 attended, 1 did not attend) and B (2 booked, 2 attended)
    expect(by.get('October 2025')).toEqual({
      from: '2025-10-01',
      to: '2025-10-31',
      label: 'October 2025',
      sessionsDelivered: 2,
      booked: 4,
      attendedBooked: 3,
      attendanceRate: 0.75,
      didNotAttend: 1,
      didNotAttendRate: 0.25,
    });
    // September: nothing, though A starts on 30 September in UTC; no rate without a booking (never 0%)
    expect(by.get('September 2025')).toMatchObject({ sessionsDelivered: 0, booked: 0, attendanceRate: null, didNotAttendRate: null });
    // November: C (1 booked, did not attend); December: nothing, though C's second part is on 1 December
    expect(by.get('November 2025')).toMatchObject({
      sessionsDelivered: 1,
      booked: 1,
      attendedBooked: 0,
      attendanceRate: 0,
      didNotAttend: 1,
    });
    expect(by.get('December 2025')).toMatchObject({ sessionsDelivered: 0, booked: 0, attendanceRate: null });
    // March: D, at 23:30 London on the 31st (22:30 UTC), delivered with nobody booked
    expect(by.get('March 2026')).toMatchObject({ sessionsDelivered: 1, booked: 0, attendanceRate: null });
  });

  it('cuts the months to a custom period and a quarter', async () => {
    const custom = await months({ periodKind: 'CUSTOM', from: '2025-10-15', to: '2025-11-30' });
    expect(custom.map((m) => [m.label, m.from, m.to, m.sessionsDelivered, m.booked, m.attendedBooked])).toEqual([
      ['October 2025', '2025-10-15', '2025-10-31', 1, 2, 2], // B only: A is before the 15th
      ['November 2025', '2025-11-01', '2025-11-30', 1, 1, 0],
    ]);
    const quarter = await months({ periodKind: 'QUARTER', from: '2025-11-10' });
    expect(quarter.map((m) => [m.label, m.booked])).toEqual([
      ['October 2025', 4],
      ['November 2025', 1],
      ['December 2025', 0],
    ]);
  });

  it('shows the headline figures, did not attend by agency (most first) and confidence, the same to a reviewer', async () => {
    for (const cookie of [coordinator, reviewer]) {
      const res = await gql<{ reportDashboard: Record<string, unknown> }>(api.url, DASHBOARD, { filter: FY }, cookie);
      expect(res.errors).toBeUndefined();
      const d = res.data!.reportDashboard as {
        figures: Record<string, number>;
        agencies: { name: string; current: { booked: number; didNotAttend: number } }[];
        confidence: { stage: string; responses: number; average: number | null }[];
        months: unknown[];
      };
      // sessions A, B, C, D; booked 5; attended 3 (all booked): 60%; did not attend 2 of 5: 40%; fill 5 of 40 places
      expect(d.figures).toEqual({
        sessionsDelivered: 4,
        booked: 5,
        attended: 3,
        attendanceRate: 0.6,
        didNotAttendRate: 0.4,
        fillRate: 5 / 40,
      });
      expect(d.agencies).toEqual([
        { name: 'Northshire Young Carers', current: { booked: 2, didNotAttend: 2 } },
        { name: 'Northshire Police', current: { booked: 3, didNotAttend: 0 } },
      ]);
      // no survey answers in the fixture: four stages, no averages (never 0)
      expect(d.confidence).toEqual([
        { stage: 'BEFORE', label: 'Before the course', responses: 0, average: null },
        { stage: 'AFTER', label: 'After the course', responses: 0, average: null },
        { stage: 'SIX_MONTHS', label: 'At 6 months', responses: 0, average: null },
        { stage: 'TWELVE_MONTHS', label: 'At 12 months', responses: 0, average: null },
      ]);
      expect(d.months).toHaveLength(12);
    }
  });

  it('refuses bad input in the form’s words, and anyone but coordinators and reviewers', async () => {
    const inverted = await gql(api.url, MONTHS, { filter: { periodKind: 'CUSTOM', from: '2025-11-30', to: '2025-10-01' } }, coordinator);
    expect(code(inverted)).toBe('BAD_USER_INPUT');
    expect(fields(inverted)[0]?.field).toBe('filter.to');
    const unknownCourse = await gql(api.url, DASHBOARD, { filter: { ...FY, courseId: '00000000-0000-4000-8000-000000000000' } }, reviewer);
    expect(code(unknownCourse)).toBe('BAD_USER_INPUT');
    expect(fields(unknownCourse)[0]).toEqual({ field: 'filter.courseId', message: 'There is no such course: choose one from the list' });
    const trainer = await gql(api.url, PDF, { filter: { ...FY, trainerId: '00000000-0000-4000-8000-000000000000' } }, reviewer);
    expect(code(trainer)).toBe('NOT_ALLOWED');
    for (const query of [MONTHS, DASHBOARD, PDF]) {
      expect(code(await gql(api.url, query, { filter: FY }, practitioner))).toBe('NOT_ALLOWED');
    }
  });

  it('prints the dashboard as a tagged A4 PDF with the filters, the time of export, the headline figures and the tables', async () => {
    const res = await gql<{ reportDashboardPdf: { fileName: string; contentType: string; base64: string } }>(
      api.url,
      PDF,
      { filter: { ...FY, agencyId: police.id } },
      reviewer,
    );
    expect(res.errors).toBeUndefined();
    const file = res.data!.reportDashboardPdf;
    expect(file.fileName).toBe('reports-dashboard-2025-04-01-to-2026-03-31.pdf');
    expect(file.contentType).toBe('application/pdf');
    const pdf = readPdf(Buffer.from(file.base64, 'base64'));
    const text = pdf.pages.join('\n').replace(/\s+/g, ' ');
    expect(pdf.pageSizes[0]).toEqual([595.28, 841.89]);
    expect(pdf.fonts.every((f) => f.embedded && f.baseFont.includes('DejaVu'))).toBe(true);
    expect(pdf.structure.Table).toBe(4);
    expect(pdf.structure.Figure).toBe(1);
    expect(pdf.alts[0]).toContain('October 2025 100.0%'); // police only: 3 of 3 in October
    expect(text).toContain('Training reports dashboard: Financial year 2025-26');
    expect(text).toContain('Exported at 1pm on Friday 10 April 2026');
    expect(text).toContain('Agency: Northshire Police');
    expect(text).toContain('Headline figures');
    expect(text).toContain('Sessions delivered');
  });
});
