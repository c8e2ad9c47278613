import { AuditAction, Role, type ReportPeriodKind } from '@lh/domain';
import { parse } from 'csv-parse/sync';
import { aPerson, anAgency } from '../../test/builders';
import { buildReportFixture, type ReportFixture } from '../../test/report-fixture';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Clock } from '../common/clock';
import { Agency } from '../people/agency.entity';

/**
 * The drill-down behind each figure (coordinators only) and the agency lead's own figures, over the
 * hand-counted fixture of reports.int-spec.ts (test/report-fixture.ts).
 */

const SUMMARY = `query($filter: ReportFilterInput!) { programmeSummary(filter: $filter) { figures {
  booked attended didNotAttend lateCancellations walkIns moved waitingListDemand sessionsDelivered sessionsCancelled } } }`;
const DRILL = `query($figure: DrillDownFigure!, $filter: ReportFilterInput!, $page: Int) {
  reportDrillDown(figure: $figure, filter: $filter, page: $page) {
    figure total people page pageCount period { label } filters { label value }
    rows { sessionId courseTitle startsAt sessionStatus personName agencyName outcome } } }`;
const FILE = `query($figure: DrillDownFigure!, $format: TableFileFormat!, $filter: ReportFilterInput!) {
  reportDrillDownFile(figure: $figure, format: $format, filter: $filter) { fileName contentType base64 } }`;
const LEAD = `query($filter: ReportFilterInput!) { agencyLeadReport(filter: $filter) { period { label } agencyName filters { label value }
  agency { booked attended attendanceRate didNotAttend lateCancellations chargesPence }
  partnership { booked attended attendanceRate didNotAttend lateCancellations chargesPence } } }`;

type Drill = {
  total: number;
  people: boolean;
  page: number;
  pageCount: number;
  rows: { courseTitle: string; personName: string | null; agencyName: string | null; outcome: string | null }[];
};
const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
const FY = { periodKind: 'FINANCIAL_YEAR' as ReportPeriodKind, from: '2025-06-01' };
/** Each drill-down figure and the programme summary's field that counts it. */
const FIGURES = {
  BOOKED: 'booked',
  ATTENDED: 'attended',
  DID_NOT_ATTEND: 'didNotAttend',
  LATE_CANCELLATIONS: 'lateCancellations',
  WALK_INS: 'walkIns',
  MOVED: 'moved',
  WAITING_LIST_DEMAND: 'waitingListDemand',
  SESSIONS_DELIVERED: 'sessionsDelivered',
  SESSIONS_CANCELLED: 'sessionsCancelled',
} as const;

describe('report drill-down and agency leads’ figures (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let f: ReportFixture;
  let lead: string;
  let otherAgencyId: string;

  beforeAll(async () => {
    api = await startTestApi();
    api.app.get(Clock).fixAt(new Date('2026-04-10T12:00:00Z'));
    f = await buildReportFixture(api);
    const e = api.orm.em.fork();
    lead = await signInAs(api.url, await aPerson(e, { roles: [Role.PRACTITIONER, Role.AGENCY_LEAD], agency: f.police }));
    otherAgencyId = (await anAgency(e, { name: 'Another agency' })).id;
  });
  afterAll(async () => {
    await api.close();
  });

  const drill = async (figure: string, filter: Record<string, unknown> = FY, page?: number) => {
    const res = await gql<{ reportDrillDown: Drill }>(api.url, DRILL, { figure, filter, page }, f.coordinator);
    expect(res.errors).toBeUndefined();
    return res.data!.reportDrillDown;
  };
  const summary = async (filter: Record<string, unknown>) => {
    const res = await gql<{ programmeSummary: { figures: Record<string, number> } }>(api.url, SUMMARY, { filter }, f.coordinator);
    expect(res.errors).toBeUndefined();
    return res.data!.programmeSummary.figures;
  };

  it('lists as many rows as every figure counts, for the year and for filters', async () => {
    for (const filter of [
      FY,
      { ...FY, courseId: f.dash.id },
      { ...FY, agencyId: f.police.id },
      { periodKind: 'MONTH', from: '2025-10-01' },
    ]) {
      const figures = await summary(filter);
      for (const [figure, field] of Object.entries(FIGURES)) {
        const all = await drill(figure, filter);
        expect({ figure, filter, total: all.total }).toEqual({ figure, filter, total: figures[field] });
        expect({ figure, filter, rows: all.rows.length }).toEqual({ figure, filter, rows: figures[field] }); // fewer than a page
      }
    }
  });

  it('names the people behind did not attend, with the agency booked under and the session (hand count)', async () => {
    const dna = await drill('DID_NOT_ATTEND');
    expect(dna.total).toBe(3); // p3 (S1, charity), p6 (S2, health, corrected), p10 (S4, school)
    expect(dna.people).toBe(true);
    expect(dna.rows.map((r) => [r.courseTitle, r.agencyName, r.outcome])).toEqual([
      ['DASH checklist', 'Northshire Young Carers', 'DID_NOT_ATTEND'],
      ['DASH checklist', 'Northshire NHS Trust', 'DID_NOT_ATTEND'],
      ['Graded Care Profile 2', 'Northshire Academy', 'DID_NOT_ATTEND'],
    ]);
    expect(dna.rows.every((r) => r.personName?.startsWith('Fixture person'))).toBe(true);
    const sessions = await drill('SESSIONS_CANCELLED');
    expect(sessions).toMatchObject({ total: 1, people: false, rows: [{ courseTitle: 'Graded Care Profile 2', personName: null }] });
  });

  it('pages the rows 25 at a time and keeps the total', async () => {
    const booked = await drill('BOOKED', FY, 9);
    expect(booked).toMatchObject({ total: 13, page: 1, pageCount: 1 }); // a page past the end shows the last
  });

  it('refuses reviewers, practitioners and agency leads: the drill-down names people', async () => {
    for (const cookie of [f.reviewer, f.practitioner, lead]) {
      const res = await gql(api.url, DRILL, { figure: 'DID_NOT_ATTEND', filter: FY }, cookie);
      expect(code(res)).toBe('NOT_ALLOWED');
      expect(res.data).toBeNull();
    }
  });

  it('checks the drill-down’s filter as every report does', async () => {
    const res = await gql(
      api.url,
      DRILL,
      { figure: 'BOOKED', filter: { periodKind: 'CUSTOM', from: '2026-02-01', to: '2026-01-01' } },
      f.coordinator,
    );
    expect(code(res)).toBe('BAD_USER_INPUT');
  });

  it('shows an agency lead their own agency’s figures beside the partnership’s totals (hand count)', async () => {
    const res = await gql<{ agencyLeadReport: Record<string, unknown> }>(api.url, LEAD, { filter: FY }, lead);
    expect(res.errors).toBeUndefined();
    expect(res.data!.agencyLeadReport).toEqual({
      period: { label: 'Financial year 2025-26' },
      agencyName: 'Northshire Police',
      filters: [
        { label: 'Period', value: 'Financial year 2025-26' },
        { label: 'Agency', value: 'Northshire Police' },
      ],
      // booked under the police: p1, p2 (S1), moved-in m1 (S2), p14 (S4); attended p1, p2, m1; p14 partly (GCP2: not attended)
      agency: { booked: 4, attended: 3, attendanceRate: 3 / 4, didNotAttend: 0, lateCancellations: 0, chargesPence: 0 },
      partnership: { booked: 13, attended: 8, attendanceRate: 7 / 13, didNotAttend: 3, lateCancellations: 1, chargesPence: 17000 },
    });
    const same = await gql(api.url, LEAD, { filter: { ...FY, agencyId: f.police.id } }, lead);
    expect(same.errors).toBeUndefined();
  });

  it('refuses an agency lead another agency’s figures, the sector filter, and everyone but agency leads', async () => {
    const other = await gql(api.url, LEAD, { filter: { ...FY, agencyId: otherAgencyId } }, lead);
    expect(code(other)).toBe('NOT_ALLOWED');
    expect(other.errors?.[0]?.message).toBe('You can see the figures of your own agency only.');
    expect(other.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'filter.agencyId', message: 'You can see the figures of your own agency only' },
    ]);
    expect(other.data).toBeNull();
    expect(code(await gql(api.url, LEAD, { filter: { ...FY, sector: 'POLICE' } }, lead))).toBe('NOT_ALLOWED');
    expect(code(await gql(api.url, LEAD, { filter: { ...FY, trainerId: f.trainer.id } }, lead))).toBe('NOT_ALLOWED');
    for (const cookie of [f.practitioner, f.reviewer, f.coordinator]) {
      expect(code(await gql(api.url, LEAD, { filter: FY }, cookie))).toBe('NOT_ALLOWED');
    }
  });

  it('exports every row behind a figure as CSV, formula-safe, and writes each download to the audit log', async () => {
    const e = api.orm.em.fork();
    await e.nativeUpdate(Agency, { id: f.charity.id }, { name: '=HYPERLINK("x") Young Carers' });
    const before = await api.orm.em
      .fork()
      .count(AuditEntry, { action: AuditAction.PERSONAL_DATA_EXPORTED, subjectType: 'report_drill_down' });
    const res = await gql<{ reportDrillDownFile: { fileName: string; base64: string } }>(
      api.url,
      FILE,
      { figure: 'DID_NOT_ATTEND', format: 'CSV', filter: FY },
      f.coordinator,
    );
    await e.nativeUpdate(Agency, { id: f.charity.id }, { name: f.charity.name });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportDrillDownFile.fileName).toBe('did-not-attend-2025-04-01-to-2026-03-31.csv');
    const rows = parse(Buffer.from(res.data!.reportDrillDownFile.base64, 'base64').toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Session date', 'Time', 'Course', 'Person', 'Agency booked under', 'Outcome']);
    expect(rows.slice(1).map((r) => [r[2], r[4], r[5]])).toEqual([
      ['DASH checklist', `'=HYPERLINK("x") Young Carers`, 'Did not attend'],
      ['DASH checklist', 'Northshire NHS Trust', 'Did not attend'],
      ['Graded Care Profile 2', 'Northshire Academy', 'Did not attend'],
    ]);
    expect(rows.slice(1).every((r) => r[3]?.startsWith('Fixture person'))).toBe(true);
    const audited = await api.orm.em
      .fork()
      .find(AuditEntry, { action: AuditAction.PERSONAL_DATA_EXPORTED, subjectType: 'report_drill_down' }, { orderBy: { at: 'asc' } });
    expect(audited).toHaveLength(before + 1);
    expect(audited.at(-1)).toMatchObject({
      subjectId: 'DID_NOT_ATTEND/2025-04-01/2026-03-31',
      after: {
        file: 'Did not attend: the sessions and people behind the figure',
        format: 'CSV',
        rows: 3,
        filters: 'Period: Financial year 2025-26',
      },
    });
  });

  it('refuses the drill-down’s file to reviewers, practitioners and agency leads, and audits nothing for them', async () => {
    const count = () =>
      api.orm.em.fork().count(AuditEntry, { action: AuditAction.PERSONAL_DATA_EXPORTED, subjectType: 'report_drill_down' });
    const before = await count();
    for (const cookie of [f.reviewer, f.practitioner, lead]) {
      const res = await gql(api.url, FILE, { figure: 'BOOKED', format: 'XLSX', filter: FY }, cookie);
      expect(code(res)).toBe('NOT_ALLOWED');
      expect(res.data).toBeNull();
    }
    expect(await count()).toBe(before);
  });
});
