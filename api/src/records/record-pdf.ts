import { formatCalendarDate, formatLondonDate, minutesToHours } from '@lh/domain';
import { startPdf } from '../common/pdf-document';
import type { TrainingRecordType } from './training-record.types';

/** What the printed record shows: data in, PDF bytes out (no database, no clock). */
export interface RecordPdfInput {
  partnershipName: string;
  record: Pick<TrainingRecordType, 'personName' | 'personEmail' | 'agencyName' | 'completions' | 'totalMinutes'>;
  /** The live certificate's code of each completion that has one, by completion id. */
  certificateCodes: ReadonlyMap<string, string>;
  generatedAt: Date;
}

const MARGIN = 40;
const FOOTER = 24;
const PAD = 4;
const GRID = '#505a5f';
const COLUMN_HEADER = { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions;

/** The columns of the printed record and their shares of the page's width. */
const COLUMNS = [
  { title: 'Course', share: 0.22 },
  { title: 'Source', share: 0.12 },
  { title: 'Completed', share: 0.12 },
  { title: 'Hours', share: 0.07 },
  { title: 'Level', share: 0.07 },
  { title: 'Priority area', share: 0.14 },
  { title: 'Trainer', share: 0.13 },
  { title: 'Agency at the time', share: 0.14 },
] as const;

/**
 * A person's training record as an A4 PDF: the partnership, the person (name, email, agency), the date it
 * was made, and a table of every course completed (course and provider, source, completion date, hours,
 * level, priority area, trainer, agency at the time) whose header repeats on each page; "Page 1 of 2" at the
 * foot. Set in embedded DejaVu Sans and tagged (headings, a real table, artifacts for rules and page numbers)
 * with its title and language, for screen readers.
 */
export async function renderRecordPdf(input: RecordPdfInput): Promise<Buffer> {
  const { record } = input;
  const title = `Training record: ${record.personName}`;
  const { doc, root, finish } = startPdf({
    title,
    author: input.partnershipName,
    subject: 'Training record',
    createdAt: input.generatedAt,
    margin: MARGIN,
    bufferPages: true,
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - FOOTER;
  let y = MARGIN;
  const text = (tag: string, value: string, font: string, size: number, gap = 2) => {
    root.add(
      doc.struct(tag, {}, () => {
        doc.font(font).fontSize(size).fillColor('black');
        doc.text(value, MARGIN, y, { width });
      }),
    );
    y = doc.y + gap;
  };
  const artifact = (draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') => {
    doc.markContent('Artifact', { type });
    draw();
    doc.endMarkedContent();
  };

  text('P', input.partnershipName, 'Sans', 9);
  text('H1', title, 'Sans-Bold', 16, 6);
  text('P', `${record.personName}, ${record.personEmail}${record.agencyName ? `, ${record.agencyName}` : ''}`, 'Sans', 10);
  text(
    'P',
    `${record.completions.length === 1 ? '1 course' : `${record.completions.length} courses`} completed, ${minutesToHours(record.totalMinutes)} hours in all. Made on ${formatLondonDate(input.generatedAt)}.`,
    'Sans',
    10,
    10,
  );

  const widths = COLUMNS.map((c) => Math.floor(width * c.share));
  const cellsOf = (c: TrainingRecordType['completions'][number]) => [
    [
      c.provider ? `${c.title} (${c.provider})` : c.title,
      input.certificateCodes.has(c.completionId) ? `Certificate ${input.certificateCodes.get(c.completionId)}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    c.sourceLabel,
    formatCalendarDate(c.completedOn),
    minutesToHours(c.minutes),
    c.level ? String(c.level) : '',
    c.priorityArea ?? '',
    c.trainers.join(', '),
    c.agencyName ?? '',
  ];
  const heightOf = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(8);
    return Math.max(18, ...cells.map((t, i) => Math.ceil(doc.heightOfString(t, { width: widths[i]! - 2 * PAD })) + 2 * PAD));
  };
  const grid = (height: number, shaded: boolean) => {
    if (shaded) {
      doc.rect(MARGIN, y, width, height).fill('#f3f2f1');
    }
    doc
      .lineWidth(0.5)
      .strokeColor(GRID)
      .rect(
        MARGIN,
        y,
        widths.reduce((a, b) => a + b, 0),
        height,
      )
      .stroke();
    let x = MARGIN;
    for (const w of widths.slice(0, -1)) {
      x += w;
      doc
        .moveTo(x, y)
        .lineTo(x, y + height)
        .stroke();
    }
    doc.fillColor('black');
  };
  const headers = COLUMNS.map((c) => c.title);
  const headerHeight = heightOf(headers, 'Sans-Bold');
  const drawCell = (value: string, i: number, font: string) => {
    const x = MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0);
    doc.font(font).fontSize(8).fillColor('black');
    doc.text(value, x + PAD, y + PAD, { width: widths[i]! - 2 * PAD });
  };

  if (!record.completions.length) {
    text('P', 'No courses completed yet.', 'Sans', 10);
  } else {
    const table = doc.struct('Table', { title: 'Courses completed' });
    root.add(table);
    const headerRow = (tagged: boolean) => {
      artifact(() => grid(headerHeight, true));
      if (tagged) {
        const tr = doc.struct('TR');
        table.add(tr);
        headers.forEach((h, i) => tr.add(doc.struct('TH', COLUMN_HEADER, () => drawCell(h, i, 'Sans-Bold'))));
        tr.end();
      } else {
        artifact(() => headers.forEach((h, i) => drawCell(h, i, 'Sans-Bold')));
      }
      y += headerHeight;
    };
    headerRow(true);
    for (const completion of record.completions) {
      const cells = cellsOf(completion);
      const height = heightOf(cells, 'Sans');
      if (y + height > bottom()) {
        doc.addPage();
        y = MARGIN;
        headerRow(false);
      }
      const tr = doc.struct('TR');
      table.add(tr);
      cells.forEach((value, i) => tr.add(doc.struct('TD', {}, value ? () => drawCell(value, i, 'Sans') : [])));
      tr.end();
      artifact(() => grid(height, false));
      y += height;
    }
    table.end();
  }

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const footY = doc.page.height - MARGIN - 10;
    artifact(() => {
      doc.font('Sans').fontSize(8).fillColor('black');
      doc.text(`${title}, ${input.partnershipName}`, MARGIN, footY, { width: width * 0.75, height: 10, ellipsis: true, lineBreak: false });
      doc.text(`Page ${i - start + 1} of ${count}`, MARGIN, footY, { width, align: 'right', lineBreak: false });
    }, 'Pagination');
    doc.page.margins.bottom = margin;
  }
  return finish();
}
