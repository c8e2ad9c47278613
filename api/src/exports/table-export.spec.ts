import { Workbook } from 'exceljs';
import { csvFile, xlsxFile, type ExportTable } from './table-export';

const table: ExportTable = {
  name: 'By agency: [2026/27]',
  columns: [
    { header: 'Agency' },
    { header: 'Booked', type: 'number' },
    { header: 'Attendance rate', type: 'percent' },
    { header: 'Charges', type: 'pounds' },
    { header: 'First session', type: 'date' },
  ],
  rows: [
    ['=HYPERLINK("http://x")', 12, 0.8333, 150, '2026-04-01'],
    ['Northshire Police, East', 0, null, 0, null],
  ],
};
const about = {
  title: 'Attendance by agency',
  filters: [['Period', '1 April 2026 to 31 March 2027']] as const,
  definitions: [['Booked', 'Places held at the start of the session']] as const,
  exportedAt: new Date('2026-10-25T01:30:00Z'),
};

describe('table exports', () => {
  it('writes CSV as UTF-8 with a byte-order mark, shares as percentages, and no formula a spreadsheet would run', () => {
    const file = csvFile('attendance-by-agency', table);
    expect(file).toMatchObject({ fileName: 'attendance-by-agency.csv', contentType: 'text/csv; charset=utf-8' });
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toBe(
      '\uFEFFAgency,Booked,Attendance rate,Charges,First session\r\n' +
        `"'=HYPERLINK(""http://x"")",12,83.3%,150.00,2026-04-01\r\n` +
        '"Northshire Police, East",0,,0.00,\r\n',
    );
  });

  it('writes XLSX with typed number cells, a frozen bold header and an About sheet with filters, definitions and time', async () => {
    const file = await xlsxFile('attendance-by-agency', [table], about);
    expect(file.fileName).toBe('attendance-by-agency.xlsx');
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['By agency   2026 27', 'About']);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).values).toEqual([undefined, '=HYPERLINK("http://x")', 12, 0.8333, 150, new Date('2026-04-01T00:00:00Z')]);
    // text is text, never a formula; numbers are numbers with the right format
    expect(sheet.getCell('A2').type).toBe(3 /* ValueType.String */);
    expect(sheet.getCell('B2').type).toBe(2 /* ValueType.Number */);
    expect(sheet.getCell('C2').numFmt).toBe('0.0%');
    expect(sheet.getCell('D2').numFmt).toBe('"£"#,##0.00');
    const info = book.getWorksheet('About')!;
    const text = info.getSheetValues().flat().filter(Boolean).join(' | ');
    expect(text).toBe(
      'Attendance by agency | Exported | 1:30am GMT on Sunday 25 October 2026 | Filters | Period | 1 April 2026 to 31 March 2027 | Definitions | Booked | Places held at the start of the session',
    );
  });
});
