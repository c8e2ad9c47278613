import QRCode from 'qrcode';
import { startPdf } from '../common/pdf-document';

/** What a certificate prints: data in, PDF bytes out (no database, no clock). */
export interface CertificatePdfInput {
  partnershipName: string;
  holderName: string;
  courseTitle: string;
  level: number | null;
  /** "3 March 2026", or "3 March 2026 to 4 March 2026". */
  dates: string;
  /** "6 hours" */
  hours: string;
  /** In groups: "7KQ2-M9XD-4HPA-T6WN-3RBE". */
  code: string;
  /** "3 March 2026" */
  issuedOn: string;
  /** "3 March 2029", or null when it does not expire. */
  expiresOn: string | null;
  /** Where the QR code points: this certificate's verification page. */
  verifyUrl: string;
  /** Written into the file as its creation date. */
  issuedAt: Date;
}

const MARGIN = 48;
const QR = 120;
const INK = '#0b0c0c';
const RULE = '#1d70b8';

/**
 * An A4 landscape certificate: the partnership, "Certificate of completion", the person's name, the
 * course and level, dates and hours, the code in groups of four and a QR code to the page where anyone
 * can check it. Tagged for screen readers (document language and title; headings and paragraphs of real
 * text in DejaVu Sans, embedded so every name prints; the QR code a figure with its alternative text;
 * the border an artifact).
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const title = `Certificate: ${input.courseTitle}, ${input.holderName}`;
  const { doc, root, finish } = startPdf({
    title,
    author: input.partnershipName,
    subject: 'Certificate of completion',
    createdAt: input.issuedAt,
    margin: MARGIN,
    landscape: true,
  });
  const width = doc.page.width - 2 * MARGIN;
  const textWidth = width - QR - 48;

  doc.markContent('Artifact', { type: 'Layout' });
  doc
    .lineWidth(3)
    .strokeColor(RULE)
    .rect(24, 24, doc.page.width - 48, doc.page.height - 48)
    .stroke();
  doc
    .lineWidth(0.75)
    .rect(32, 32, doc.page.width - 64, doc.page.height - 64)
    .stroke();
  doc.endMarkedContent();

  let y = MARGIN + 16;
  const text = (
    tag: string,
    value: string,
    o: { font?: string; size: number; gap?: number; x?: number; w?: number; align?: 'center' | 'left' },
  ) => {
    root.add(
      doc.struct(tag, {}, () => {
        doc
          .font(o.font ?? 'Sans')
          .fontSize(o.size)
          .fillColor(INK);
        doc.text(value, o.x ?? MARGIN, y, { width: o.w ?? width, align: o.align ?? 'center' });
      }),
    );
    y = doc.y + (o.gap ?? 6);
  };

  text('P', input.partnershipName, { font: 'Sans-Bold', size: 14, gap: 18 });
  text('H1', 'Certificate of completion', { font: 'Sans-Bold', size: 30, gap: 18 });
  text('P', 'This is to certify that', { size: 13, gap: 8 });
  text('P', input.holderName, { font: 'Sans-Bold', size: 26, gap: 8 });
  text('P', 'completed the course', { size: 13, gap: 8 });
  text('H2', input.courseTitle, { font: 'Sans-Bold', size: 20, gap: 6 });
  const facts = [input.level ? `Level ${input.level}` : null, input.dates, input.hours].filter(Boolean).join('  ·  ');
  text('P', facts, { size: 13, gap: 4 });

  const bottom = doc.page.height - MARGIN - 8 - QR;
  y = Math.max(y + 12, bottom);
  const top = y;
  root.add(
    doc.struct('Figure', { alt: `QR code that opens ${input.verifyUrl}, where anyone can check this certificate` }, () => {
      const qr = QRCode.create(input.verifyUrl, { errorCorrectionLevel: 'M' });
      const n = qr.modules.size;
      const cell = QR / (n + 2);
      const left = doc.page.width - MARGIN - QR;
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++) {
          if (qr.modules.get(r, c)) {
            doc.rect(left + (c + 1) * cell, top + (r + 1) * cell, cell, cell);
          }
        }
      }
      doc.fill('black');
    }),
  );
  const left = { x: MARGIN + 8, w: textWidth, align: 'left' as const };
  y = top + 8;
  text('P', `Issued ${input.issuedOn}${input.expiresOn ? `. Expires ${input.expiresOn}` : ''}`, { ...left, size: 11, gap: 8 });
  text('P', `Certificate code: ${input.code}`, { ...left, font: 'Sans-Bold', size: 14, gap: 8 });
  text('P', 'Check this certificate: scan the QR code, or go to', { ...left, size: 10, gap: 2 });
  text('P', input.verifyUrl, { ...left, size: 10 });
  return finish();
}
