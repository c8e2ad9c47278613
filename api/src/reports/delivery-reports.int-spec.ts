import { AgencySector, BookingStatus, Role, SessionStatus } from '@lh/domain';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { aCourse, aPerson, anAgency } from '../../test/builders';
import { markPart, partIdsOf, signOffPart } from '../../test/registers';
import { answer, endOfCourseAnswers, sessionAt } from '../../test/report-fixtures';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import type { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import type { Session } from '../scheduling/session.entity';
import { NonAttendanceCharge } from '../non-attendance/non-attendance-charge.entity';

/**
 * Reports 6 (trainers) and 7 (charges for invoicing) over a hand-counted fixture (financial year 2025-26),
 * through the real API on a real PostgreSQL. The counts are written out beside each figure.
 */

const CHARGE_ROW = `agencyId name didNotAttend lateCancellations raisedPence waivedPence chargesPence`;
const CHARGES = `query($filter: ReportFilterInput!) { chargesReport(filter: $filter) { period { label } filters { label value }
  types { sector name agencies { ${CHARGE_ROW} } subtotal { ${CHARGE_ROW} } } total { ${CHARGE_ROW} } } }`;
const FIGS = `sessionsDelivered trainingDays averageRating ratingsGiven`;
const TRAINERS = `query($filter: ReportFilterInput!) { trainersReport(filter: $filter) { period { label }
  trainers { name agencyName figures { ${FIGS} } } agencies { name figures { ${FIGS} } } total { ${FIGS} } } }`;
const FILE = `query($report: ReportKind!, $format: TableFileFormat!, $filter: ReportFilterInput!) {
  reportFile(report: $report, format: $format, filter: $filter) { fileName base64 } }`;
const SET_POLICY = `mutation($input: NonAttendancePolicyInput!) { setNonAttendancePolicy(input: $input) { agencyType } }`;
const WAIVE = `mutation($input: WaiveChargeInput!) { waiveCharge(input: $input) { status } }`;
const FY = { periodKind: 'FINANCIAL_YEAR', from: '2025-06-01' };

const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];

describe('reports 6 and 7: trainers and charges (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  let reviewer: string;
  let tamsin: Person;
  let police: Agency;
  const em = () => api.orm.em.fork();

  async function place(session: Session, agency: Agency, over: Partial<Pick<Booking, 'status' | 'lateCancellation'>> = {}) {
    const e = em();
    const person = await aPerson(e, { agency });
    const booking = e.create(Booking, { session: session.id, person: person.id, agency, status: BookingStatus.CONFIRMED, ...over });
    await e.flush();
    return booking;
  }

  beforeAll(async () => {
    api = await startTestApi();
    api.app.get(Clock).fixAt(new Date('2026-04-10T12:00:00Z'));
    const e = em();
    coordinator = await signInAs(api.url, await aPerson(e, { roles: [Role.COORDINATOR] }));
    reviewer = await signInAs(api.url, await aPerson(e, { roles: [Role.REVIEWER] }));
    police = await anAgency(e, { name: 'Northshire Police', sector: AgencySector.POLICE });
    const health = await anAgency(e, { name: 'Northshire NHS Trust', sector: AgencySector.HEALTH });
    const charity = await anAgency(e, { name: 'Northshire Young Carers', sector: AgencySector.VOLUNTARY_AND_COMMUNITY });
    const school = await anAgency(e, { name: 'Northshire Academy', sector: AgencySector.EDUCATION });
    tamsin = await aPerson(e, { roles: [Role.TRAINER], name: 'Tamsin Trainer', agency: police });
    const trevor = await aPerson(e, { roles: [Role.TRAINER], name: 'Trevor Trainer', agency: health });
    const tess = await aPerson(e, { roles: [Role.TRAINER], name: 'Tess Trainer', agency: police });
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
    const course = await aCourse(e, { title: 'DASH checklist' });

    // S1: one day in June, trained by Tamsin and Trevor together
    const s1 = await sessionAt(e, course, [['2025-06-10', '09:30', '16:30']], { trainers: [tamsin, trevor] });
    const c1 = await place(s1, charity); // did not attend: £40 to the charity, though the person then moves to the NHS trust
    const c2 = await place(s1, school); // did not attend: £50, waived
    await place(s1, school, { status: BookingStatus.CANCELLED, lateCancellation: true }); // late cancellation: £30
    const p1 = await place(s1, police); // attended
    const [s1part] = await partIdsOf(api, s1.id);
    await markPart(api, coordinator, s1part!, { [p1.id]: 'PRESENT' });
    await signOffPart(api, coordinator, s1part!);
    const mover = await e.findOneOrFail(Booking, c1.id, { populate: ['person'] });
    mover.person.agency = health;
    await e.flush();
    const charge = await e.findOneOrFail(NonAttendanceCharge, { booking: c2.id });
    const waived = await gql(api.url, WAIVE, { input: { chargeId: charge.id, reason: 'Snow closed the roads' } }, coordinator);
    expect(waived.errors).toBeUndefined();

    // S2: two days in November, trained by Tamsin and Tess, both of the police
    const s2 = await sessionAt(
      e,
      course,
      [
        ['2025-11-03', '09:30', '16:30'],
        ['2025-11-04', '09:30', '16:30'],
      ],
      { trainers: [tamsin, tess] },
    );
    await place(s2, school); // did not attend: 2 days at £50 = £100
    const p2 = await place(s2, police);
    for (const part of await partIdsOf(api, s2.id)) {
      await markPart(api, coordinator, part, { [p2.id]: 'PRESENT' });
      await signOffPart(api, coordinator, part);
    }

    // S3: called off, Trevor's: delivers nothing, counts nothing
    const s3 = await sessionAt(e, course, [['2025-12-01', '09:30', '16:30']], { status: SessionStatus.CANCELLED, trainers: [trevor] });
    await place(s3, charity, { status: BookingStatus.CANCELLED });

    // end-of-course ratings: S1 trainer 4, relevance 5 (confidence not an evaluation); S2 trainer 2, relevance 3;
    // an anonymous S1 response keeps no session, so counts for nobody
    await endOfCourseAnswers(api, e, p1, [answer('trainer', 4), answer('relevance', 5), answer('confidence-now', 1)]);
    await endOfCourseAnswers(api, e, p2, [answer('trainer', 2), answer('relevance', 3)]);
    await endOfCourseAnswers(api, e, c1, [answer('trainer', 1)], false);
  });
  afterAll(() => api.close());

  const charges = async (filter: object, cookie = coordinator) => {
    const res = await gql<{ chargesReport: Record<string, unknown> }>(api.url, CHARGES, { filter }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.chargesReport;
  };
  const trainers = async (filter: object, cookie = coordinator) => {
    const res = await gql<{ trainersReport: Record<string, unknown> }>(api.url, TRAINERS, { filter }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.trainersReport;
  };
  const row = (name: string, dna: number, late: number, raised: number, waived: number, due: number) =>
    expect.objectContaining({
      name,
      didNotAttend: dna,
      lateCancellations: late,
      raisedPence: raised,
      waivedPence: waived,
      chargesPence: due,
    });

  it('counts charges by agency type and agency, to the agency booked under, with raised, waived and due', async () => {
    const r = await charges(FY);
    expect(r.types).toEqual([
      {
        sector: 'EDUCATION',
        name: 'Education',
        // S1 c2 (£50 waived) and S2 (£100) did not attend; S1's late cancellation £30
        agencies: [row('Northshire Academy', 2, 1, 18000, 5000, 13000)],
        subtotal: row('Education total', 2, 1, 18000, 5000, 13000),
      },
      {
        sector: 'VOLUNTARY_AND_COMMUNITY',
        name: expect.any(String),
        agencies: [row('Northshire Young Carers', 1, 0, 4000, 0, 4000)], // c1, booked under the charity
        subtotal: expect.objectContaining({ chargesPence: 4000 }),
      },
    ]);
    expect(r.total).toEqual(row('Total', 3, 1, 22000, 5000, 17000));
    // a month with nothing: an empty report with a zero total, not an error
    const may = await charges({ periodKind: 'MONTH', from: '2025-05-01' });
    expect(may.types).toEqual([]);
    expect(may.total).toEqual(row('Total', 0, 0, 0, 0, 0));
  });

  it('counts sessions, training days and ratings per trainer, per trainer’s agency, and each session once in the total', async () => {
    const r = await trainers(FY);
    const f = (sessionsDelivered: number, trainingDays: number, averageRating: number | null, ratingsGiven: number) => ({
      sessionsDelivered,
      trainingDays,
      averageRating,
      ratingsGiven,
    });
    expect(r.trainers).toEqual([
      { name: 'Tamsin Trainer', agencyName: 'Northshire Police', figures: f(2, 3, 3.5, 2) }, // S1 + S2: (4+5+2+3)/4
      { name: 'Tess Trainer', agencyName: 'Northshire Police', figures: f(1, 2, 2.5, 1) }, // S2 only
      { name: 'Trevor Trainer', agencyName: 'Northshire NHS Trust', figures: f(1, 1, 4.5, 1) }, // S1 only, S3 cancelled
    ]);
    expect(r.agencies).toEqual([
      { name: 'Northshire NHS Trust', figures: f(1, 1, 4.5, 1) },
      { name: 'Northshire Police', figures: f(2, 3, 3.5, 2) }, // S2, trained by two of its trainers, once
    ]);
    expect(r.total).toEqual(f(2, 3, 3.5, 2)); // S1 shared by two trainers counts once
    const byTrevor = await trainers({ ...FY, trainerId: (await em().findOneOrFail(Person, { name: 'Trevor Trainer' })).id });
    expect(byTrevor.total).toEqual(f(1, 1, 4.5, 1));
  });

  it('never shows a reviewer a trainer’s name: not in the query, nor in a file', async () => {
    const r = await trainers(FY, reviewer);
    expect(r.trainers).toEqual([]);
    expect(JSON.stringify(r)).not.toMatch(/Tamsin|Trevor/);
    const refused = await gql(api.url, FILE, { report: 'TRAINERS', format: 'CSV', filter: FY }, reviewer);
    expect(code(refused)).toBe('NOT_ALLOWED');
    const file = await gql<{ reportFile: { base64: string } }>(
      api.url,
      FILE,
      { report: 'TRAINER_AGENCIES', format: 'CSV', filter: FY },
      reviewer,
    );
    expect(file.errors).toBeUndefined();
    const csv = Buffer.from(file.data!.reportFile.base64, 'base64').toString('utf8');
    expect(csv).not.toMatch(/Tamsin|Trevor/);
    expect(parse(csv.replace(/^\uFEFF/, ''))).toEqual([
      ['Trainer’s agency', 'Sessions delivered', 'Training days', 'Session rating (1 to 5)', 'Survey responses rated'],
      ['Northshire NHS Trust', '1', '1', '4.5', '1'],
      ['Northshire Police', '2', '3', '3.5', '2'],
      ['Every session once', '2', '3', '3.5', '2'],
    ]);
  });

  it('writes the charges file with the same rows as the screen', async () => {
    const file = await gql<{ reportFile: { fileName: string; base64: string } }>(
      api.url,
      FILE,
      { report: 'CHARGES', format: 'CSV', filter: FY },
      reviewer,
    );
    expect(file.errors).toBeUndefined();
    expect(file.data!.reportFile.fileName).toBe('charges-by-agency-type-2025-04-01-to-2026-03-31.csv');
    const rows = parse(
      Buffer.from(file.data!.reportFile.base64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    ) as string[][];
    expect(rows[0]).toEqual([
      'Agency type',
      'Agency',
      'Did not attend',
      'Late cancellations',
      'Charges raised (£)',
      'Charges waived (£)',
      'Charges (£)',
    ]);
    expect(rows[1]).toEqual(['Education', 'Northshire Academy', '2', '1', '180.00', '50.00', '130.00']);
    expect(rows[rows.length - 1]).toEqual(['', 'Total', '3', '1', '220.00', '50.00', '170.00']);
    const xlsx = await gql<{ reportFile: { base64: string } }>(api.url, FILE, { report: 'CHARGES', format: 'XLSX', filter: FY }, reviewer);
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(xlsx.data!.reportFile.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Charges by agency type')!;
    expect((sheet.getRow(sheet.rowCount).values as unknown[]).slice(1)).toEqual(['', 'Total', 3, 1, 220, 50, 170]);
    const about = JSON.stringify(book.getWorksheet('About')!.getSheetValues());
    expect(about).toContain('Charges waived');
    expect(about).toContain('Every charge written on those places: charges plus charges waived.');
  });

  it('refuses bad filters in the form’s words, and people who are not coordinators or reviewers', async () => {
    const unknown = await gql(api.url, CHARGES, { filter: { ...FY, courseId: '00000000-0000-4000-8000-000000000000' } }, coordinator);
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    expect(fields(unknown)).toEqual([{ field: 'filter.courseId', message: 'There is no such course: choose one from the list' }]);
    const byAgency = await gql(api.url, TRAINERS, { filter: { ...FY, agencyId: police.id } }, coordinator);
    expect(code(byAgency)).toBe('BAD_USER_INPUT');
    expect(fields(byAgency)[0]).toMatchObject({ field: 'filter.agencyId' });
    const trainerFilter = await gql(api.url, TRAINERS, { filter: { ...FY, trainerId: tamsin.id } }, reviewer);
    expect(code(trainerFilter)).toBe('NOT_ALLOWED');
    const inverted = await gql(api.url, CHARGES, { filter: { periodKind: 'CUSTOM', from: '2026-03-01', to: '2026-02-01' } }, coordinator);
    expect(code(inverted)).toBe('BAD_USER_INPUT');
    const practitioner = await signInAs(api.url, await aPerson(em(), { roles: [Role.PRACTITIONER] }));
    expect(code(await gql(api.url, CHARGES, { filter: FY }, practitioner))).toBe('NOT_ALLOWED');
    expect(code(await gql(api.url, TRAINERS, { filter: FY }, practitioner))).toBe('NOT_ALLOWED');
  });
});
