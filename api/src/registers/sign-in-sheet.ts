import QRCode from 'qrcode';
import { startPdf } from '../common/pdf-document';
import { formatLondonRange, formatLondonShortDate, formatLondonTime, type TimedSpan } from '@lh/domain';

/** What a printed sign-in sheet shows: data in, PDF bytes out (no database, no clock). */
export interface SignInSheetInput {
  partnershipName: string;
  courseTitle: string;
  /** The session's parts, in order. */
  parts: readonly TimedSpan[];
  /** The venue (with room and address) or "Online". */
  place: string;
  trainers: readonly string[];
  /** Everyone with a confirmed place; printed sorted by name. */
  people: readonly { name: string; agency: string | null }[];
  /** Where the QR code points: the check-in page for this session. */
  checkInUrl: string;
  /** Written into the file as its creation date. */
  generatedAt: Date;
  /** Empty rows for people who come without booking: at least this many (default 10), more to fill the last page. */
  walkInRows?: number;
}

export interface SignInSheet {
  pdf: Buffer;
  pageCount: number;
}

const MARGIN = 36;
const FOOTER = 24;
const ROW = 26;
const CELL_PAD = 4;
const QR_BOX = 112;
/** Space above the QR box. */
const QR_GAP = 12;
const MIN_WALK_INS = 10;
const GRID = '#505a5f';

/** A header cell for its column (pdfkit reads `scope`; its types do not list it). */
const COLUMN_HEADER = { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions;

interface Column {
  title: string;
  width: number;
}

/** "Part 1: Tue 3 Mar, 9:30am" (or "Signature" when the session has one part, whose time is at the top). */
export function partHeading(part: TimedSpan, number: number, count: number): string {
  return count === 1 ? 'Signature' : `Part ${number}: ${formatLondonShortDate(part.startsAt)}, ${formatLondonTime(part.startsAt)}`;
}

/**
 * An A4 sign-in sheet (landscape when the session has more than three parts): the partnership, course,
 * each part's London date and time, where, the trainers; a table of everyone booked (No., name, agency,
 * a column to sign for each part) with its header on every page; empty rows for walk-ins to write their
 * name, agency and email; a box with the check-in QR code; "Page 1 of 3" on every page. Text is set in
 * DejaVu Sans (embedded, so every name prints) and the file is tagged (headings, tables, the QR code's
 * alternative text; rules and page numbers are artifacts) with its title and language for screen readers.
 */
export async function renderSignInSheet(input: SignInSheetInput): Promise<SignInSheet> {
  const landscape = input.parts.length > 3;
  const firstDay = input.parts[0] ? formatLondonShortDate(input.parts[0].startsAt) : '';
  const title = `Sign-in sheet: ${input.courseTitle}${firstDay ? `, ${firstDay}` : ''}`;
  const { doc, root, finish } = startPdf({
    title,
    author: input.partnershipName,
    subject: 'Sign-in sheet',
    createdAt: input.generatedAt,
    margin: MARGIN,
    landscape,
    bufferPages: true,
  });

  const sheet = new SheetWriter(doc, root);
  sheet.top(input);
  const people = [...input.people].sort(byName);
  const partColumns = input.parts.map((p, i) => partHeading(p, i + 1, input.parts.length));
  const booked = sheet.columns(partColumns, [
    { title: 'No.', share: 0 },
    { title: 'Name', share: 0.55 },
    { title: 'Agency', share: 0.45 },
  ]);
  sheet.table(
    booked,
    people.map((p, i) => [String(i + 1), p.name, p.agency ?? '']),
    `${people.length === 1 ? '1 person' : `${people.length} people`} booked`,
  );

  const walkIns = sheet.columns(partColumns, [
    { title: 'No.', share: 0 },
    { title: 'Name', share: 0.36 },
    { title: 'Agency', share: 0.28 },
    { title: 'Email', share: 0.36 },
  ]);
  sheet.heading(
    'Not on the list? Write your name, agency and email here',
    QR_GAP + QR_BOX + ROW * MIN_WALK_INS + sheet.headerHeight(walkIns),
  );
  const fit = Math.floor((sheet.bottom() - QR_GAP - QR_BOX - sheet.y - sheet.headerHeight(walkIns)) / ROW);
  const count = Math.max(input.walkInRows ?? MIN_WALK_INS, fit);
  sheet.table(
    walkIns,
    Array.from({ length: count }, (_, i) => [String(people.length + i + 1), '', '', '']),
    'Walk-ins',
  );
  sheet.qrBox(input.checkInUrl);
  const pageCount = sheet.pageNumbers(`${input.courseTitle}${firstDay ? `, ${firstDay}` : ''}`);
  return { pdf: await finish(), pageCount };
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Draws the sheet top to bottom, adding pages as the tables need them and tagging what it writes. */
class SheetWriter {
  y = MARGIN;

  constructor(
    private readonly doc: Doc,
    private readonly root: Struct,
  ) {}

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  bottom(): number {
    return this.doc.page.height - MARGIN - FOOTER;
  }

  top(input: SignInSheetInput): void {
    const doc = this.doc;
    this.text('P', input.partnershipName, { font: 'Sans', size: 9 });
    this.text('H1', `Sign-in sheet: ${input.courseTitle}`, { font: 'Sans-Bold', size: 16, gap: 6 });
    const lines = [
      ...input.parts.map((p, i) => `${input.parts.length > 1 ? `Part ${i + 1}: ` : 'When: '}${formatLondonRange(p.startsAt, p.endsAt)}`),
      `Where: ${input.place}`,
      input.trainers.length
        ? `${input.trainers.length > 1 ? 'Trainers' : 'Trainer'}: ${input.trainers.join(', ')}`
        : 'Trainer: not yet named',
    ];
    for (const line of lines) {
      this.text('P', line, { font: 'Sans', size: 10 });
    }
    this.y += 4;
    this.text(
      'P',
      input.parts.length > 1
        ? 'Please sign in the column for each part you attend. If your name is not on the list, write your details in the rows at the end.'
        : 'Please sign next to your name. If your name is not on the list, write your details in the rows at the end.',
      { font: 'Sans', size: 9, gap: 8 },
    );
    doc.x = MARGIN;
  }

  /** A heading that starts a new page unless `keepWith` points of what follows fit under it. */
  heading(text: string, keepWith: number): void {
    if (this.y + 24 + keepWith > this.bottom()) {
      this.newPage();
    } else {
      this.y += 10;
    }
    this.text('H2', text, { font: 'Sans-Bold', size: 11, gap: 4 });
  }

  /** The columns: fixed "No.", shares of what is left for the text columns, then the part columns. */
  columns(parts: readonly string[], text: readonly { title: string; share: number }[]): Column[] {
    const number = 28;
    const part = Math.min(120, Math.max(56, Math.floor((this.width - number - 300) / Math.max(parts.length, 1))));
    const rest = this.width - number - part * parts.length;
    return [
      ...text.map((c) => ({ title: c.title, width: c.share === 0 ? number : Math.floor(rest * c.share) })),
      ...parts.map((title) => ({ title, width: part })),
    ];
  }

  headerHeight(columns: readonly Column[]): number {
    this.doc.font('Sans-Bold').fontSize(8);
    const tallest = Math.max(...columns.map((c) => this.doc.heightOfString(c.title, { width: c.width - 2 * CELL_PAD })));
    return Math.max(20, Math.ceil(tallest) + 2 * CELL_PAD);
  }

  /** A table whose header row is repeated (as an artifact) at the top of every page it runs onto. */
  table(columns: readonly Column[], rows: readonly string[][], summary: string): void {
    const doc = this.doc;
    const table = doc.struct('Table', { title: summary });
    this.root.add(table);
    const headerHeight = this.headerHeight(columns);
    if (this.y + headerHeight + ROW > this.bottom()) {
      this.newPage();
    }
    this.headerRow(columns, headerHeight, table);
    for (const cells of rows) {
      if (this.y + ROW > this.bottom()) {
        this.newPage();
        this.headerRow(columns, headerHeight, null);
      }
      const tr = doc.struct('TR');
      table.add(tr);
      let x = MARGIN;
      columns.forEach((c, i) => {
        const text = cells[i] ?? '';
        const left = x;
        tr.add(
          doc.struct(
            'TD',
            {},
            text
              ? () => {
                  doc.font(i === 1 ? 'Sans-Bold' : 'Sans').fontSize(9);
                  const lineHeight = doc.currentLineHeight();
                  const height =
                    doc.heightOfString(text, { width: c.width - 2 * CELL_PAD }) > lineHeight * 1.5 ? lineHeight * 2 : lineHeight;
                  doc.text(text, left + CELL_PAD, this.y + (ROW - height) / 2, {
                    width: c.width - 2 * CELL_PAD,
                    height,
                    ellipsis: true,
                    lineGap: 0,
                  });
                }
              : [],
          ),
        );
        x += c.width;
      });
      tr.end();
      this.artifact(() => this.grid(columns, ROW, false));
      this.y += ROW;
    }
    table.end();
    doc.x = MARGIN;
  }

  private headerRow(columns: readonly Column[], height: number, table: Struct | null): void {
    const doc = this.doc;
    const draw = (c: Column, x: number) => {
      doc.font('Sans-Bold').fontSize(8).fillColor('black');
      doc.text(c.title, x + CELL_PAD, this.y + CELL_PAD, { width: c.width - 2 * CELL_PAD, height: height - CELL_PAD, lineGap: 0 });
    };
    this.artifact(() => this.grid(columns, height, true));
    if (table) {
      const tr = doc.struct('TR');
      table.add(tr);
      let x = MARGIN;
      for (const c of columns) {
        const left = x;
        tr.add(doc.struct('TH', COLUMN_HEADER, () => draw(c, left)));
        x += c.width;
      }
      tr.end();
    } else {
      this.artifact(() => {
        let x = MARGIN;
        for (const c of columns) {
          draw(c, x);
          x += c.width;
        }
      });
    }
    this.y += height;
  }

  private grid(columns: readonly Column[], height: number, shaded: boolean): void {
    const doc = this.doc;
    const width = columns.reduce((n, c) => n + c.width, 0);
    if (shaded) {
      doc.rect(MARGIN, this.y, width, height).fill('#f3f2f1');
    }
    doc.lineWidth(0.5).strokeColor(GRID);
    doc.rect(MARGIN, this.y, width, height).stroke();
    let x = MARGIN;
    for (const c of columns.slice(0, -1)) {
      x += c.width;
      doc
        .moveTo(x, this.y)
        .lineTo(x, this.y + height)
        .stroke();
    }
    doc.fillColor('black');
  }

  /** The check-in box: the QR code (drawn as vector squares, so it prints sharp) and what to do with it. */
  qrBox(url: string): void {
    const doc = this.doc;
    if (this.y + QR_GAP + QR_BOX > this.bottom()) {
      this.newPage();
    } else {
      this.y += QR_GAP;
    }
    const top = this.y;
    const size = QR_BOX - 16;
    this.artifact(() => doc.lineWidth(1).strokeColor(GRID).rect(MARGIN, top, this.width, QR_BOX).stroke());
    this.root.add(
      doc.struct('Figure', { alt: `QR code that opens ${url}` }, () => {
        const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
        const n = qr.modules.size;
        const cell = size / (n + 2);
        for (let r = 0; r < n; r++) {
          for (let c = 0; c < n; c++) {
            if (qr.modules.get(r, c)) {
              doc.rect(MARGIN + 8 + (c + 1) * cell, top + 8 + (r + 1) * cell, cell, cell);
            }
          }
        }
        doc.fill('black');
      }),
    );
    const textX = MARGIN + size + 24;
    const width = this.width - size - 32;
    this.y = top + 14;
    this.text('H2', 'Check in on your phone', { font: 'Sans-Bold', size: 12, x: textX, width, gap: 4 });
    this.text('P', "Scan to check in, then enter the code on the trainer's screen.", { font: 'Sans', size: 10, x: textX, width, gap: 4 });
    this.text('P', 'No phone? Sign on this sheet. Or go to', { font: 'Sans', size: 9, x: textX, width, gap: 1 });
    this.text('P', url, { font: 'Sans', size: 8, x: textX, width });
    this.y = top + QR_BOX;
  }

  /** "Page 1 of 3" and what the sheet is, at the foot of every page (artifacts). Returns the page count. */
  pageNumbers(what: string): number {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - MARGIN - 10;
      this.artifact(() => {
        doc.font('Sans').fontSize(8).fillColor('black');
        doc.text(what, MARGIN, y, { width: this.width * 0.7, height: 10, ellipsis: true, lineBreak: false });
        doc.text(`Page ${i - start + 1} of ${count}`, MARGIN, y, { width: this.width, align: 'right', lineBreak: false });
      }, 'Pagination');
      doc.page.margins.bottom = bottom;
    }
    return count;
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGIN;
  }

  private text(tag: string, text: string, opts: { font: string; size: number; gap?: number; x?: number; width?: number }): void {
    const doc = this.doc;
    const width = opts.width ?? this.width;
    this.root.add(
      doc.struct(tag, {}, () => {
        doc.font(opts.font).fontSize(opts.size).fillColor('black');
        doc.text(text, opts.x ?? MARGIN, this.y, { width });
      }),
    );
    this.y = doc.y + (opts.gap ?? 2);
  }

  private artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }
}
