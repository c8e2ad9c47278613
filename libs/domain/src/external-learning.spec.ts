import { checkExternalLearning, describeBytes, hoursToMinutes, minutesToHours, sniffEvidenceType } from './external-learning';

const PDF = new TextEncoder().encode('%PDF-1.7\n...');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const good = {
  title: 'Domestic abuse awareness',
  provider: 'NSPCC Learning',
  completedOn: '2026-03-27',
  hours: 3,
  level: 2,
  evidence: PDF,
};
const opts = { today: '2026-04-01', maxBytes: 1024 };
const fields = (over: Partial<typeof good> | Record<string, unknown>) =>
  checkExternalLearning({ ...good, ...over } as typeof good, opts).map((p) => `${p.field}: ${p.message}`);

describe('learning done elsewhere: the checks on what a practitioner enters', () => {
  it('takes a complete entry', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ level: null, evidence: PNG, completedOn: '2026-04-01', hours: 0.5 })).toEqual([]);
  });

  it('names each field with the problem, in the words on the form', () => {
    expect(fields({ title: '  ' })).toEqual(['title: Enter the course title']);
    expect(fields({ provider: '' })).toEqual(['provider: Enter who provided the course']);
    expect(fields({ completedOn: '2026-04-02' })).toEqual(['completedOn: The date you completed it must be today or in the past']);
    expect(fields({ completedOn: '2026-02-30' })).toEqual([
      'completedOn: Enter the date you completed it as a real date, for example 27 3 2026',
    ]);
    expect(fields({ hours: 0 })).toEqual(['hours: Hours must be more than 0']);
    expect(fields({ hours: -2 })).toEqual(['hours: Hours must be more than 0']);
    expect(fields({ hours: Number.NaN })).toEqual(['hours: Hours must be more than 0']);
    expect(fields({ level: 5 })).toEqual(['level: Level must be 1, 2, 3 or 4']);
    expect(fields({ evidence: null })).toEqual(['evidence: Choose an evidence file (a certificate or letter) to upload']);
    expect(fields({ evidence: new Uint8Array(1025).fill(0x25) })).toEqual(['evidence: The evidence file must be 1 KB or smaller']);
    expect(fields({ evidence: new TextEncoder().encode('MZ this is a program') })).toEqual([
      'evidence: The evidence file must be a PDF, PNG or JPEG',
    ]);
  });

  it('tells the file type by its content, never by its name', () => {
    expect(sniffEvidenceType(PDF)).toBe('application/pdf');
    expect(sniffEvidenceType(PNG)).toBe('image/png');
    expect(sniffEvidenceType(JPEG)).toBe('image/jpeg');
    expect(sniffEvidenceType(new TextEncoder().encode('<html>%PDF-'))).toBeNull();
    expect(sniffEvidenceType(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });

  it('sizes and hours in words', () => {
    expect(describeBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(describeBytes(500 * 1024)).toBe('500 KB');
    expect(hoursToMinutes(1.5)).toBe(90);
    expect(minutesToHours(90)).toBe('1.5');
    expect(minutesToHours(180)).toBe('3');
  });
});
