import { Workbook, type Worksheet } from 'exceljs';
import { formatLondonDateTime, toCsv } from '@lh/domain';
import { TableFileFormat, type DownloadFileType } from './download-file.types';

/**
 * Tables as files, the one way every table export is written (reports, rosters, lists): CSV (UTF-8 with a
 * byte-order mark, formula-safe, see `toCsv`) and XLSX (typed cells, a frozen bold header, and an "About" sheet
 * with the filters, the definitions of the figures and the time of export). A screen and its export come from
 * the same rows, so they always agree.
 */

/** How a column's cells are written: text, a whole or decimal number, a share (0.85 → 85.0%), a date (YYYY-MM-DD), pounds. */
export type ExportCellType = 'text' | 'number' | 'percent' | 'date' | 'pounds';

export interface ExportColumn {
  header: string;
  type?: ExportCellType;
}

export type ExportCell = string | number | null;

export interface ExportTable {
  /** The sheet's name in XLSX (at most 31 characters, no []:*?/\ — longer or odd names are shortened). */
  name: string;
  columns: readonly ExportColumn[];
  rows: readonly (readonly ExportCell[])[];
}

export interface ExportAbout {
  /** What the file is, e.g. "Programme summary". */
  title: string;
  /** The filters that made it, as label and value ("Period", "1 April 2026 to 31 March 2027"). */
  filters: readonly (readonly [string, string])[];
  /** What each figure means (term and definition), as the glossary says. */
  definitions?: readonly (readonly [string, string])[];
  exportedAt: Date;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One cell as CSV text: shares as "85.0%", pounds with two decimals, the rest as they are. */
function csvValue(value: ExportCell, type: ExportCellType | undefined): string | number | null {
  if (value === null || typeof value === 'string') {
    return value;
  }
  if (type === 'percent') {
    return `${(value * 100).toFixed(1)}%`;
  }
  if (type === 'pounds') {
    return value.toFixed(2);
  }
  return value;
}

/** A table as a CSV file named `${baseName}.csv`. */
export function csvFile(baseName: string, table: ExportTable): DownloadFileType {
  const lines = [table.columns.map((c) => c.header), ...table.rows.map((r) => r.map((v, i) => csvValue(v, table.columns[i]?.type)))];
  return {
    fileName: `${baseName}.csv`,
    contentType: 'text/csv; charset=utf-8',
    base64: Buffer.from(`\uFEFF${toCsv(lines)}`, 'utf8').toString('base64'),
  };
}

const NUMBER_FORMATS: Partial<Record<ExportCellType, string>> = {
  percent: '0.0%',
  pounds: '"£"#,##0.00',
  date: 'd mmm yyyy',
};

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    candidate = `${base} ${n}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function xlsxValue(value: ExportCell, type: ExportCellType | undefined): string | number | Date | null {
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00Z`);
  }
  return value;
}

function addTable(sheet: Worksheet, table: ExportTable): void {
  sheet.columns = table.columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: Math.min(60, Math.max(10, c.header.length + 2, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2))),
    style: NUMBER_FORMATS[c.type ?? 'text'] ? { numFmt: NUMBER_FORMATS[c.type ?? 'text'] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows) {
    sheet.addRow(row.map((v, i) => xlsxValue(v, table.columns[i]?.type)));
  }
}

/** Tables as one XLSX workbook named `${baseName}.xlsx`: a sheet per table, then "About" (filters, definitions, time). */
export async function xlsxFile(baseName: string, tables: readonly ExportTable[], about: ExportAbout): Promise<DownloadFileType> {
  const workbook = new Workbook();
  workbook.created = about.exportedAt;
  workbook.title = about.title;
  const taken = new Set<string>(['about']);
  for (const table of tables) {
    addTable(workbook.addWorksheet(sheetName(table.name, taken)), table);
  }
  const info = workbook.addWorksheet('About');
  info.columns = [
    { key: 'a', width: 28 },
    { key: 'b', width: 90 },
  ];
  info.addRow([about.title]).font = { bold: true, size: 14 };
  info.addRow(['Exported', formatLondonDateTime(about.exportedAt)]);
  info.addRow([]);
  info.addRow(['Filters']).font = { bold: true };
  for (const [label, value] of about.filters) {
    info.addRow([label, value]);
  }
  if (about.definitions?.length) {
    info.addRow([]);
    info.addRow(['Definitions']).font = { bold: true };
    for (const [term, meaning] of about.definitions) {
      info.addRow([term, meaning]).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `${baseName}.xlsx`, contentType: XLSX_TYPE, base64: Buffer.from(buffer).toString('base64') };
}

/** One table in the format asked for: CSV (the table alone) or XLSX (the table and its About sheet). */
export async function tableFile(
  format: TableFileFormat,
  baseName: string,
  table: ExportTable,
  about: ExportAbout,
): Promise<DownloadFileType> {
  return format === TableFileFormat.CSV ? csvFile(baseName, table) : xlsxFile(baseName, [table], about);
}
