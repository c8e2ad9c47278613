import { HEADLINE_FIGURES, formatConfidence, formatLondonDate, formatLondonTime, formatShare, headlineValue, termOf } from '@lh/domain';
import { startPdf } from '../common/pdf-document';
import type { ReportDashboardType } from './dashboard.types';

/** What the dashboard's PDF shows: data in, PDF bytes out (no database, no clock). */
export interface DashboardPdfInput {
  partnershipName: string;
  dashboard: ReportDashboardType;
  exportedAt: Date;
}

const MARGIN = 40;
const PAD = 4;
const GRID = '#505a5f';
const COLUMN_HEADER = { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions;

/** The tables of the PDF: the data behind each chart, as on the page. */
export function dashboardTables(d: ReportDashboardType): { title: string; headers: string[]; rows: string[][] }[] {
  return [
    {
      title: 'Headline figures',
      headers: ['Figure', 'Value'],
      rows: HEADLINE_FIGURES.map((f) => [termOf(f), headlineValue(f, d.figures)]),
    },
    {
      title: 'Attendance rate by month',
      headers: ['Month', 'Sessions delivered', 'Booked', 'Attended of booked', 'Attendance rate'],
      rows: d.months.map((m) => [
        m.label,
        String(m.sessionsDelivered),
        String(m.booked),
        String(m.attendedBooked),
        formatShare(m.attendanceRate),
      ]),
    },
    {
      title: 'Did not attend by agency',
      headers: ['Agency', 'Booked', 'Did not attend', 'Did not attend rate'],
      rows: d.agencies.map((a) => [
        a.name,
        String(a.current.booked),
        String(a.current.didNotAttend),
        formatShare(a.current.booked ? a.current.didNotAttend / a.current.booked : null),
      ]),
    },
    {
      title: 'Confidence across the four stages (average, 1 to 5)',
      headers: ['Stage', 'Average confidence', 'Answers'],
      rows: d.confidence.map((c) => [c.label, formatConfidence(c.average), String(c.responses)]),
    },
  ];
}

/**
 * The reports dashboard as an A4 PDF for board papers: the partnership, the period, the filters and the time
 * of export, the headline figures, a bar chart of the attendance rate by month (a tagged figure with its
 * words), and the tables behind every chart. DejaVu Sans embedded and tagged, like the training record.
 */
export async function renderDashboardPdf(input: DashboardPdfInput): Promise<Buffer> {
  const { dashboard: d } = input;
  const title = `Training reports dashboard: ${d.period.label}`;
  const { doc, root, finish } = startPdf({
    title,
    author: input.partnershipName,
    subject: 'Workforce development reports',
    createdAt: input.exportedAt,
    margin: MARGIN,
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  let y = MARGIN;
  const room = (height: number) => {
    if (y + height > bottom()) {
      doc.addPage();
      y = MARGIN;
    }
  };
  const text = (tag: string, value: string, font: string, size: number, gap = 2) => {
    room(size * 2);
    root.add(
      doc.struct(tag, {}, () => {
        doc.font(font).fontSize(size).fillColor('black');
        doc.text(value, MARGIN, y, { width });
      }),
    );
    y = doc.y + gap;
  };
  const artifact = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  };

  text('P', input.partnershipName, 'Sans', 9);
  text('H1', title, 'Sans-Bold', 16, 6);
  text('P', `Exported at ${formatLondonTime(input.exportedAt)} on ${formatLondonDate(input.exportedAt)}.`, 'Sans', 10);
  text('P', `Filters: ${d.filters.map((f) => `${f.label}: ${f.value}`).join('; ')}.`, 'Sans', 10, 10);

  const table = (t: { title: string; headers: string[]; rows: string[][] }) => {
    text('H2', t.title, 'Sans-Bold', 12, 4);
    if (!t.rows.length) {
      text('P', 'Nothing to show for this period and filters.', 'Sans', 10, 10);
      return;
    }
    const widths = t.headers.map((_, i) => (i === 0 ? width * 0.4 : (width * 0.6) / (t.headers.length - 1)));
    const heightOf = (cells: readonly string[], font: string) => {
      doc.font(font).fontSize(9);
      return Math.max(18, ...cells.map((c, i) => Math.ceil(doc.heightOfString(c, { width: widths[i]! - 2 * PAD })) + 2 * PAD));
    };
    const row = (cells: readonly string[], cell: 'TH' | 'TD', tagged: PDFKit.PDFStructureElement) => {
      const font = cell === 'TH' ? 'Sans-Bold' : 'Sans';
      const height = heightOf(cells, font);
      room(height);
      const tr = doc.struct('TR');
      tagged.add(tr);
      let x = MARGIN;
      cells.forEach((c, i) => {
        const at = x;
        tr.add(
          doc.struct(cell, cell === 'TH' ? COLUMN_HEADER : {}, () => {
            doc.font(font).fontSize(9).fillColor('black');
            doc.text(c, at + PAD, y + PAD, { width: widths[i]! - 2 * PAD });
          }),
        );
        x += widths[i]!;
      });
      tr.end();
      artifact(() => doc.lineWidth(0.5).strokeColor(GRID).rect(MARGIN, y, width, height).stroke());
      y += height;
    };
    const tagged = doc.struct('Table', { title: t.title });
    root.add(tagged);
    row(t.headers, 'TH', tagged);
    t.rows.forEach((r) => row(r, 'TD', tagged));
    tagged.end();
    y += 12;
  };

  const [headline, months, ...rest] = dashboardTables(d);
  table(headline!);
  monthChart();
  table(months!);
  rest.forEach(table);

  /** Bars of the attendance rate per month, each labelled with its month and rate (no colour needed). */
  function monthChart() {
    const height = 140;
    room(height + 40);
    const words = `Attendance rate by month: ${d.months.map((m) => `${m.label} ${formatShare(m.attendanceRate)}`).join(', ')}.`;
    const figure = doc.struct('Figure', { alt: words }, () => {
      const slot = width / Math.max(1, d.months.length);
      const base = y + height;
      doc
        .lineWidth(0.5)
        .strokeColor(GRID)
        .moveTo(MARGIN, base)
        .lineTo(MARGIN + width, base)
        .stroke();
      d.months.forEach((m, i) => {
        const x = MARGIN + i * slot;
        const barHeight = (m.attendanceRate ?? 0) * (height - 14);
        doc.rect(x + slot * 0.15, base - barHeight, slot * 0.7, barHeight).fill('#1d70b8');
        doc.font('Sans').fontSize(7).fillColor('black');
        doc.text(formatShare(m.attendanceRate), x, base - barHeight - 10, { width: slot, align: 'center', lineBreak: false });
        doc.text(m.label.replace(/ (\d{4})$/, '\n$1'), x, base + 3, { width: slot, align: 'center' });
      });
    });
    root.add(figure);
    y += height + 34;
  }

  return finish();
}
