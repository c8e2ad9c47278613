// Report 5, mandatory training compliance, through the real API on a real PostgreSQL, against hand-counted figures:
// as at the last day of financial year 2024-25 (31 March 2025) beside the previous year's (31 March 2024), with a
// person who joined after the as-at date, a revoked completion and a completion after the as-at date (none count);
// a period that ends later is counted as at today; reviewers allowed (counts, never a name), practitioners refused,
// an agency lead forced to their own agency; course filters refused; the file has the screen's rows.
import { AgencySector, MandatoryStatus, Role } from '@lh/domain';
import { parse } from 'csv-parse/sync';
import { aCourse, aPerson, anAgency } from '../../test/builders';
import { aCompletion, aRequirement, joinedOn } from '../../test/mandatory-training';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';

const ROW = `agencyId label applies statuses { status count share } compliantShare previousApplies previousCompliantShare compliantShareChange`;
const REPORT = `query($filter: ReportFilterInput!) { complianceReport(filter: $filter) { period { label } filters { label value }
  asAt previousPeriod { label } previousAsAt requirements { requirementId name agencies { ${ROW} } total { ${ROW} } } } }`;
const FILE = `query($report: ReportKind!, $format: TableFileFormat!, $filter: ReportFilterInput!) {
  reportFile(report: $report, format: $format, filter: $filter) { fileName base64 } }`;
const FY = { periodKind: 'FINANCIAL_YEAR', from: '2024-06-01' };

type Row = {
  agencyId: string | null;
  label: string;
  applies: number;
  statuses: { status: MandatoryStatus; count: number; share: number | null }[];
  compliantShare: number | null;
  previousApplies: number;
  previousCompliantShare: number | null;
  compliantShareChange: number | null;
};
type Report = {
  asAt: string;
  previousAsAt: string;
  previousPeriod: { label: string };
  requirements: { requirementId: string; name: string; agencies: Row[]; total: Row }[];
};
/** The statuses with a count, as [count, share]. */
const counts = (r: Row) => Object.fromEntries(r.statuses.filter((s) => s.count).map((s) => [s.status, s.count]));
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];

describe('mandatory training compliance report (real API, real PostgreSQL)', () => {
  let api: TestApi;
  const em = () => api.orm.em.fork();
  let fixture: Awaited<ReturnType<typeof arrange>>;
  let reviewer: string;

  /**
   * "Level 1 awareness" (36 months valid, refresher window 3 months, new starters 3 months) for North and South;
   * "Level 3 South" for South only, which nobody has done. Everyone joined on 1 January 2020 unless said.
   *   North: Ann (done 1 June 2024), Ben (done 15 January 2021), Cas (done 15 May 2022), Dee (done 1 May 2024,
   *   revoked), Eve (done 1 May 2025, after the as-at date), Fay (joined 1 June 2025, after it; done 2 June 2025),
   *   Gus (joined 1 February 2025, nothing), Lou the agency lead (nothing).
   *   South: Hal (done 1 January 2023, and again 1 June 2025, after the as-at date), Ida (nothing).
   * As at 31 March 2025, Level 1: North Ann current, Cas due soon (valid to May 2025), Gus not yet due, Dee, Eve
   * and Lou overdue, Ben expired: 7 people, 1 current; South Hal current, Ida overdue.
   * As at 31 March 2024: North Ann overdue (not done yet), Ben expired, Cas current, Dee, Eve, Lou overdue (Gus
   * had not joined): 6 people, 1 current; South the same as 2025.
   */
  async function arrange() {
    const [north, south] = [
      await anAgency(em(), { name: 'North Trust' }),
      await anAgency(em(), { name: 'South Council', sector: AgencySector.POLICE }),
    ];
    const [l1, l3] = [await aCourse(em(), { level: 1 }), await aCourse(em(), { level: 3 })];
    const rule = { validityMonths: 36, refresherMonths: 3, newStarterMonths: 3 };
    const level1 = await aRequirement(em(), { name: 'Level 1 awareness', agencyIds: [north.id, south.id], courseIds: [l1.id], ...rule });
    const level3 = await aRequirement(em(), { name: 'Level 3 South', agencyIds: [south.id], courseIds: [l3.id], ...rule });
    const person = async (name: string, agency: typeof north, joined = '2020-01-01', roles = [Role.PRACTITIONER]) => {
      const p = await aPerson(em(), { name, agency, roles });
      await joinedOn(em(), p, joined);
      return p;
    };
    const ann = await person('Ann North', north);
    await aCompletion(em(), ann, '2024-06-01', { course: l1 });
    await aCompletion(em(), await person('Ben North', north), '2021-01-15', { course: l1 });
    await aCompletion(em(), await person('Cas North', north), '2022-05-15', { course: l1 });
    await aCompletion(em(), await person('Dee North', north), '2024-05-01', { course: l1, revoked: true });
    await aCompletion(em(), await person('Eve North', north), '2025-05-01', { course: l1 });
    await aCompletion(em(), await person('Fay North', north, '2025-06-01'), '2025-06-02', { course: l1 });
    await person('Gus North', north, '2025-02-01');
    const lead = await person('Lou Lead', north, '2020-01-01', [Role.PRACTITIONER, Role.AGENCY_LEAD]);
    const hal = await person('Hal South', south);
    await aCompletion(em(), hal, '2023-01-01', { course: l1 });
    await aCompletion(em(), hal, '2025-06-01', { course: l1 }); // after the as-at date: the one before counts
    await person('Ida South', south);
    return { north, south, level1, level3, ann, lead };
  }

  beforeAll(async () => {
    api = await startTestApi();
    api.app.get(Clock).fixAt(new Date('2026-04-10T12:00:00Z'));
    fixture = await arrange();
    reviewer = await signInAs(api.url, await aPerson(em(), { roles: [Role.REVIEWER] }));
  });
  afterAll(() => api.close());

  const report = async (filter: object, cookie = reviewer): Promise<Report> => {
    const res = await gql<{ complianceReport: Report }>(api.url, REPORT, { filter }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.complianceReport;
  };

  it('counts each requirement by agency as at the end of the period, beside the previous period’s end, as counted by hand', async () => {
    const r = await report(FY);
    expect([r.asAt, r.previousAsAt, r.previousPeriod.label]).toEqual(['2025-03-31', '2024-03-31', 'Financial year 2023-24']);
    expect(r.requirements.map((q) => q.name)).toEqual(['Level 1 awareness', 'Level 3 South']);
    const [level1, level3] = r.requirements;
    expect(level1!.agencies.map((a) => a.label)).toEqual(['North Trust', 'South Council']);
    const [north, south] = level1!.agencies;
    // Fay joined after 31 March 2025, Dee's completion was revoked, Eve's came after the as-at date
    expect(north).toMatchObject({ agencyId: fixture.north.id, applies: 7, previousApplies: 6 });
    expect(counts(north!)).toEqual({ CURRENT: 1, DUE_SOON: 1, NOT_YET_DUE: 1, OVERDUE: 3, EXPIRED: 1 });
    expect(north!.statuses.find((s) => s.status === 'OVERDUE')!.share).toBeCloseTo(3 / 7);
    expect(north!.compliantShare).toBeCloseTo(1 / 7);
    expect(north!.previousCompliantShare).toBeCloseTo(1 / 6);
    expect(north!.compliantShareChange).toBe(-2.4); // (1/7 − 1/6) × 100, one decimal
    expect(south).toMatchObject({ applies: 2, compliantShare: 0.5, previousCompliantShare: 0.5, compliantShareChange: 0 });
    expect(counts(south!)).toEqual({ CURRENT: 1, OVERDUE: 1 });
    expect(level1!.total).toMatchObject({ agencyId: null, label: 'Whole partnership', applies: 9, previousApplies: 8 });
    expect(level1!.total.compliantShare).toBeCloseTo(2 / 9);
    expect(level1!.total.previousCompliantShare).toBe(0.25);
    expect(counts(level1!.total)).toEqual({ CURRENT: 2, DUE_SOON: 1, NOT_YET_DUE: 1, OVERDUE: 4, EXPIRED: 1 });
    expect(level3!.agencies.map((a) => [a.label, a.applies, counts(a)])).toEqual([['South Council', 2, { OVERDUE: 2 }]]);
    expect(level3!.total).toMatchObject({ applies: 2, compliantShare: 0 });
  });

  it('counts a period that ends later as at today, with the people who joined since', async () => {
    const r = await report({ periodKind: 'FINANCIAL_YEAR' });
    expect([r.asAt, r.previousAsAt]).toEqual(['2026-04-10', '2026-03-31']);
    expect(r.requirements[0]!.agencies[0]).toMatchObject({ label: 'North Trust', applies: 8, previousApplies: 8 });
  });

  it('keeps the agencies an agency or sector filter chooses, beside the whole partnership', async () => {
    const r = await report({ ...FY, agencyId: fixture.north.id });
    expect(r.requirements[0]!.agencies.map((a) => a.label)).toEqual(['North Trust']);
    expect(r.requirements[0]!.total.applies).toBe(9);
    expect(r.requirements[1]!.agencies).toEqual([]);
    const police = await report({ ...FY, sector: 'POLICE' });
    expect(police.requirements[0]!.agencies.map((a) => [a.label, a.applies])).toEqual([['South Council', 2]]);
  });

  it('gives reviewers counts and never a name, and refuses practitioners', async () => {
    const raw = await gql(api.url, REPORT, { filter: FY }, reviewer);
    expect(JSON.stringify(raw.data)).not.toMatch(/Ann|Ben|Hal|Lou|@example/);
    const practitioner = await signInAs(api.url, fixture.ann);
    const refused = await gql(api.url, REPORT, { filter: FY }, practitioner);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(refused.data).toBeNull();
  });

  it('gives an agency lead their own agency only, beside the partnership', async () => {
    const lead = await signInAs(api.url, fixture.lead);
    const r = await report(FY, lead);
    expect(r.requirements[0]!.agencies.map((a) => [a.label, a.applies])).toEqual([['North Trust', 7]]);
    expect(r.requirements[0]!.total.applies).toBe(9);
    const other = await gql(api.url, REPORT, { filter: { ...FY, agencyId: fixture.south.id } }, lead);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(fields(other)).toEqual([{ field: 'filter.agencyId', message: 'You can see the figures of your own agency only' }]);
  });

  it('refuses the course filters, which do not apply to people', async () => {
    const res = await gql(api.url, REPORT, { filter: { ...FY, level: 2 } }, reviewer);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fields(res).map((f: { field: string }) => f.field)).toEqual(['filter.level']);
  });

  it('writes the file from the screen’s rows', async () => {
    const r = await report(FY);
    const res = await gql<{ reportFile: { fileName: string; base64: string } }>(
      api.url,
      FILE,
      { report: 'COMPLIANCE', format: 'CSV', filter: FY },
      reviewer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportFile.fileName).toBe('mandatory-training-compliance-2024-04-01-to-2025-03-31.csv');
    const lines: string[][] = parse(Buffer.from(res.data!.reportFile.base64, 'base64').toString('utf8').slice(1));
    expect(lines[0]!.slice(0, 5)).toEqual(['Requirement', 'Agency', 'People it applies to', 'Current', 'Current (share)']);
    const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);
    expect(lines.slice(1)).toEqual(
      r.requirements.flatMap((q) =>
        [...q.agencies, q.total].map((a) => [
          q.name,
          a.label,
          String(a.applies),
          ...a.statuses.flatMap((s) => [String(s.count), pct(s.share)]),
          pct(a.compliantShare),
          pct(a.previousCompliantShare),
          a.compliantShareChange === null ? '' : String(a.compliantShareChange),
        ]),
      ),
    );
    expect(lines[1]!.slice(0, 4)).toEqual(['Level 1 awareness', 'North Trust', '7', '1']);
  });
});
