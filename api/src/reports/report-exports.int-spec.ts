import { AgencySector, BookingStatus, Role, SessionStatus, londonToUtc } from '@lh/domain';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { aCourse, aPerson, anAgency } from '../../test/builders';
import { takeRegisters } from '../../test/registers';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';

/** The report files (CSV and XLSX) read back: the same rows as the screen, typed cells, the About sheet. */

const FILE = `query($report: ReportKind!, $format: TableFileFormat!, $filter: ReportFilterInput!, $agency: AgencyReportInput) {
  reportFile(report: $report, format: $format, filter: $filter, agency: $agency) { fileName contentType base64 } }`;
const AGENCY = `query($filter: ReportFilterInput!, $input: AgencyReportInput!) { agencyReport(filter: $filter, input: $input) {
  rows { name current { booked attended attendanceRate didNotAttend lateCancellations chargesPence } attendanceRateChange didNotAttendChange trend { attendanceRate } }
  total { name current { booked attended attendanceRate didNotAttend lateCancellations chargesPence } attendanceRateChange didNotAttendChange trend { attendanceRate } } } }`;
const SUMMARY = `query($filter: ReportFilterInput!) { programmeSummary(filter: $filter) { figures { booked attended attendanceRate fillRate chargesPence sessionsDelivered } } }`;
const FILTER = { periodKind: 'FINANCIAL_YEAR', from: '2025-06-01' };

interface Row {
  name: string;
  current: {
    booked: number;
    attended: number;
    attendanceRate: number | null;
    didNotAttend: number;
    lateCancellations: number;
    chargesPence: number;
  };
  attendanceRateChange: number | null;
  didNotAttendChange: number;
  trend: { attendanceRate: number | null }[];
}

describe('report files: CSV and XLSX from the same figures as the screen (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let reviewer: string;

  beforeAll(async () => {
    api = await startTestApi();
    api.app.get(Clock).fixAt(new Date('2026-04-10T12:00:00Z'));
    const em = api.orm.em.fork();
    const coordinator = await signInAs(api.url, await aPerson(em, { roles: [Role.COORDINATOR] }));
    reviewer = await signInAs(api.url, await aPerson(em, { roles: [Role.REVIEWER] }));
    const course = await aCourse(em, { title: 'Neglect: =HYPERLINK("x")' });
    const agencies = [
      await anAgency(em, { name: '=SUM(A1) Police', sector: AgencySector.POLICE }),
      await anAgency(em, { name: 'Northshire Académie', sector: AgencySector.EDUCATION }),
    ];
    for (const [i, date] of ['2025-05-12', '2026-02-03'].entries()) {
      const startsAt = londonToUtc(date, '09:30');
      const endsAt = londonToUtc(date, '12:30');
      const session = em.create(Session, {
        course,
        onlineUrl: 'https://meet.example.org/x',
        capacity: 6,
        status: SessionStatus.SCHEDULED,
        startsAt,
        endsAt,
      });
      em.create(SessionPart, { session, startsAt, endsAt });
      const marks: Record<string, 'PRESENT'> = {};
      for (let n = 0; n < 3 + i; n++) {
        const agency = agencies[n % 2]!;
        const person = await aPerson(em, { agency });
        const booking = em.create(Booking, { session, person, agency, status: BookingStatus.CONFIRMED });
        if (n !== 1) {
          marks[booking.id] = 'PRESENT';
        }
      }
      await em.flush();
      await takeRegisters(api, coordinator, session.id, marks);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  const file = async (report: string, format: string, agency?: Record<string, unknown>) => {
    const res = await gql<{ reportFile: { fileName: string; contentType: string; base64: string } }>(
      api.url,
      FILE,
      { report, format, filter: FILTER, agency },
      reviewer,
    );
    expect(res.errors).toBeUndefined();
    return { ...res.data!.reportFile, bytes: Buffer.from(res.data!.reportFile.base64, 'base64') };
  };

  it('writes the agency table as CSV and XLSX with the screen’s rows, in the screen’s order', async () => {
    const input = { bySector: false, sort: 'BOOKED', descending: true };
    const screen = await gql<{ agencyReport: { rows: Row[]; total: Row } }>(api.url, AGENCY, { filter: FILTER, input }, reviewer);
    const rows = [...screen.data!.agencyReport.rows, screen.data!.agencyReport.total];
    expect(rows.map((r) => r.name)).toEqual(['=SUM(A1) Police', 'Northshire Académie', 'Total']); // 4 booked, 3 booked

    const csv = await file('BY_AGENCY', 'CSV', input);
    expect(csv.fileName).toBe('attendance-by-agency-2025-04-01-to-2026-03-31.csv');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines: string[][] = parse(text.slice(1));
    const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);
    expect(lines[0]!.slice(0, 7)).toEqual([
      'Agency',
      'Booked',
      'Attended',
      'Attendance rate (share of booked)',
      'Did not attend',
      'Late cancellations',
      'Charges (£)',
    ]);
    expect(lines.slice(1)).toEqual(
      rows.map((r) => [
        r.name.startsWith('=') ? `'${r.name}` : r.name, // a formula is never run by a spreadsheet
        String(r.current.booked),
        String(r.current.attended),
        pct(r.current.attendanceRate),
        String(r.current.didNotAttend),
        String(r.current.lateCancellations),
        (r.current.chargesPence / 100).toFixed(2),
        r.attendanceRateChange === null ? '' : String(Math.round(r.attendanceRateChange * 10) / 10),
        String(r.didNotAttendChange),
        pct(r.trend[0]!.attendanceRate),
        pct(r.trend[1]!.attendanceRate),
      ]),
    );

    const xlsx = await file('BY_AGENCY', 'XLSX', input);
    expect(xlsx.fileName).toBe('attendance-by-agency-2025-04-01-to-2026-03-31.xlsx');
    const book = new Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('By agency')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(2).slice(0, 4)).toEqual([
      rows[0]!.name,
      rows[0]!.current.booked,
      rows[0]!.current.attended,
      rows[0]!.current.attendanceRate,
    ]);
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('0.0%');
    expect(values(4)[0]).toBe('Total');
    expect(values(4)[1]).toBe(rows[2]!.current.booked);
    const about = book.getWorksheet('About')!;
    const aboutText = JSON.stringify(about.getSheetValues());
    expect(aboutText).toContain('Attendance by agency');
    expect(aboutText).toContain('Financial year 2025-26');
    expect(aboutText).toContain('Compared with');
    expect(aboutText).toContain('Attended their booked place ÷ booked.');
  });

  it('writes the programme summary with each value in the column of its kind', async () => {
    const screen = await gql<{ programmeSummary: { figures: Record<string, number> } }>(api.url, SUMMARY, { filter: FILTER }, reviewer);
    const f = screen.data!.programmeSummary.figures;
    expect(f).toMatchObject({ sessionsDelivered: 2, booked: 7, attended: 5 });
    const lines: string[][] = parse((await file('PROGRAMME_SUMMARY', 'CSV')).bytes.toString('utf8').slice(1));
    const byTerm = new Map(lines.slice(1).map((l) => [l[0], l.slice(1)]));
    expect(byTerm.get('Booked')).toEqual([String(f.booked), '', '']);
    expect(byTerm.get('Attended')).toEqual([String(f.attended), '', '']);
    expect(byTerm.get('Attendance rate (share of booked)')).toEqual(['', `${(f.attendanceRate! * 100).toFixed(1)}%`, '']);
    expect(byTerm.get('Charges')).toEqual(['', '', (f.chargesPence / 100).toFixed(2)]);
    const book = new Workbook();
    await book.xlsx.load((await file('PROGRAMME_SUMMARY', 'XLSX')).bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Programme summary')!;
    const booked = sheet.getColumn(1).values.indexOf('Booked');
    expect(sheet.getRow(booked).getCell(2).value).toBe(f.booked);
  });

  it('writes the annual-report table with its subtotal and total rows', async () => {
    const lines: string[][] = parse((await file('ANNUAL_TABLE', 'CSV')).bytes.toString('utf8').slice(1));
    expect(lines[0]).toEqual(['Priority area', 'Course', 'Delivered', 'Attendance']);
    expect(lines.slice(1).map((l) => l.slice(1))).toEqual([
      ['Neglect: =HYPERLINK("x")', '2', '5'],
      [`${lines[1]![0]} total`, '2', '5'],
      ['Total', '2', '5'],
    ]);
  });
});
