import { readPdf } from '../../test/pdf-text';
import { renderCertificatePdf, type CertificatePdfInput } from './certificate-pdf';

const VERIFY = 'https://learninghub.example.org/verify/7KQ2-M9XD-4HPA-T6WN-3RBE';
const input = (over: Partial<CertificatePdfInput> = {}): CertificatePdfInput => ({
  partnershipName: 'Northshire Safeguarding Children Partnership',
  holderName: 'Zoë Ødegård-Łukasiewicz',
  courseTitle: 'Graded Care Profile 2: assessing the quality of care a child receives',
  level: 3,
  dates: '3 March 2026 to 4 March 2026',
  hours: '12 hours',
  code: '7KQ2-M9XD-4HPA-T6WN-3RBE',
  issuedOn: '4 March 2026',
  expiresOn: '4 March 2029',
  verifyUrl: VERIFY,
  issuedAt: new Date('2026-03-04T17:00:00Z'),
  ...over,
});

describe('certificate PDF', () => {
  it('is one tagged A4 landscape page of real text: partnership, name, course, level, dates, hours, code and where to check it', async () => {
    const pdf = readPdf(await renderCertificatePdf(input()));
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pageSizes[0]!.map(Math.round)).toEqual([842, 595]);
    expect(pdf.catalog).toMatch(/\/Lang \(en-GB\)/);
    expect(pdf.catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(pdf.title).toBe('Certificate: Graded Care Profile 2: assessing the quality of care a child receives, Zoë Ødegård-Łukasiewicz');
    expect(pdf.fonts.map((f) => f.embedded)).toEqual([true, true]);
    const text = pdf.pages[0]!;
    for (const line of [
      'Northshire Safeguarding Children Partnership',
      'Certificate of completion',
      'Zoë Ødegård-Łukasiewicz',
      'Level 3  ·  3 March 2026 to 4 March 2026  ·  12 hours',
      'Issued 4 March 2026. Expires 4 March 2029',
      'Certificate code: 7KQ2-M9XD-4HPA-T6WN-3RBE',
      VERIFY,
    ]) {
      expect(text).toContain(line);
    }
    expect(text.replace(/\n/g, ' ')).toContain('Graded Care Profile 2: assessing the quality of care a child receives');
    expect(pdf.structure).toMatchObject({ Document: 1, H1: 1, H2: 1, Figure: 1 });
    expect(pdf.alts).toEqual([`QR code that opens ${VERIFY}, where anyone can check this certificate`]);
  });

  it('prints names in any alphabet, and says nothing of expiry or level when there is none', async () => {
    const pdf = readPdf(await renderCertificatePdf(input({ holderName: 'Олена Коваленко', level: null, expiresOn: null })));
    expect(pdf.pages[0]).toContain('Олена Коваленко');
    expect(pdf.pages[0]).toContain('Issued 4 March 2026\n');
    expect(pdf.pages[0]).not.toContain('Expires');
    expect(pdf.pages[0]).not.toContain('Level');
    expect(pdf.pages[0]).not.toContain('\uFFFD');
  });
});
