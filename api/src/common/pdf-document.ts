import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** DejaVu Sans covers Latin, Greek and Cyrillic letters: read once, embedded (subset) in every PDF the API prints. */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const pdfFonts = () =>
  (fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  });

export interface PdfOptions {
  title: string;
  author: string;
  subject: string;
  /** Written into the file as its creation date. */
  createdAt: Date;
  margin: number;
  landscape?: boolean;
  /** Keep pages open to the end (to write "Page 1 of 2" on each once the count is known). */
  bufferPages?: boolean;
}

export interface StartedPdf {
  doc: PDFKit.PDFDocument;
  /** The tagged structure's root: headings, paragraphs, tables and figures go in it, in reading order. */
  root: PDFKit.PDFStructureElement;
  /** Ends the document and gives its bytes. */
  finish(): Promise<Buffer>;
}

/**
 * Every PDF the API prints (certificates, training records, sign-in sheets, the reports dashboard) starts here:
 * A4, PDF 1.7, tagged for screen readers with its language and title shown, "Sans" and "Sans-Bold" embedded.
 */
export function startPdf(o: PdfOptions): StartedPdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: o.landscape ? 'landscape' : 'portrait',
    margins: { top: o.margin, left: o.margin, right: o.margin, bottom: o.margin },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    bufferPages: o.bufferPages ?? false,
    info: { Title: o.title, Author: o.author, Subject: o.subject, CreationDate: o.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('Sans', pdfFonts().regular);
  doc.registerFont('Sans-Bold', pdfFonts().bold);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return {
    doc,
    root,
    async finish() {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
