import { randomBytes } from 'node:crypto';
import {
  CERTIFICATE_ALPHABET,
  CERTIFICATE_CODE_EXAMPLE,
  CertificateStatus,
  certificateCodeFrom,
  certificateExpiresOn,
  certificateStatus,
  formatCalendarDate,
  formatCertificateCode,
  formatCertificateHours,
  normaliseCertificateCode,
} from './certificates';
import { londonParts } from './london-time';

describe('certificate codes', () => {
  it('are 20 symbols of Crockford base32 (100 bits), with no look-alike letters', () => {
    expect(CERTIFICATE_ALPHABET).toHaveLength(32);
    expect(CERTIFICATE_ALPHABET).not.toMatch(/[ILOU]/);
    const codes = Array.from({ length: 200 }, () => certificateCodeFrom(randomBytes(20)));
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('use every symbol, each from the low five bits of its byte', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => i + 32 * (i % 8));
    expect(certificateCodeFrom(bytes.slice(0, 20))).toBe(CERTIFICATE_ALPHABET.slice(0, 20));
    expect(certificateCodeFrom(bytes.slice(12, 32))).toBe(CERTIFICATE_ALPHABET.slice(12));
    expect(() => certificateCodeFrom(new Uint8Array(19))).toThrow(RangeError);
  });

  it('print in groups of four', () => {
    expect(formatCertificateCode('7KQ2M9XD4HPAT6WN3RBE')).toBe('7KQ2-M9XD-4HPA-T6WN-3RBE');
    expect(normaliseCertificateCode(CERTIFICATE_CODE_EXAMPLE)).toBe('7KQ2M9XD4HPAT6WN3RBE');
  });

  it('are read as typed: any case, spaces and dashes, O as 0, I and L as 1', () => {
    expect(normaliseCertificateCode(' 7kq2 m9xd-4hpa–t6wn 3rbe ')).toBe('7KQ2M9XD4HPAT6WN3RBE');
    expect(normaliseCertificateCode('O0II-LL00-AAAA-BBBB-CCCC')).toBe('00111100AAAABBBBCCCC');
    expect(normaliseCertificateCode('ol1o-ol1o-ol1o-ol1o-ol1o')).toBe('01100110011001100110');
  });

  it('are refused when not one: too short, too long, or with a symbol codes never use', () => {
    expect(normaliseCertificateCode('')).toBeNull();
    expect(normaliseCertificateCode('7KQ2-M9XD-4HPA-T6WN')).toBeNull();
    expect(normaliseCertificateCode('7KQ2-M9XD-4HPA-T6WN-3RBE-X')).toBeNull();
    expect(normaliseCertificateCode('7KQ2-M9XD-4HPA-T6WN-3RBU')).toBeNull();
    expect(normaliseCertificateCode('7KQ2-M9XD-4HPA-T6WN-3RB!')).toBeNull();
  });
});

describe('certificate status', () => {
  const valid = (expiresOn: string | null) => ({ status: CertificateStatus.VALID as const, expiresOn });

  it('keeps revoked and superseded as stored, whatever the date', () => {
    expect(certificateStatus({ status: 'REVOKED', expiresOn: '2020-01-01' }, '2026-01-01')).toBe(CertificateStatus.REVOKED);
    expect(certificateStatus({ status: 'SUPERSEDED', expiresOn: null }, '2026-01-01')).toBe(CertificateStatus.SUPERSEDED);
  });

  it('is valid with no expiry, and expired from the expiry date on', () => {
    expect(certificateStatus(valid(null), '2099-12-31')).toBe(CertificateStatus.VALID);
    expect(certificateStatus(valid('2027-03-03'), '2027-03-02')).toBe(CertificateStatus.VALID);
    expect(certificateStatus(valid('2027-03-03'), '2027-03-03')).toBe(CertificateStatus.EXPIRED);
  });

  it('expires on the same day months later, or the last day of a shorter month (across a leap day)', () => {
    expect(certificateExpiresOn('2024-02-29', 12)).toBe('2025-02-28');
    expect(certificateExpiresOn('2024-02-29', 48)).toBe('2028-02-29');
    expect(certificateExpiresOn('2023-02-28', 12)).toBe('2024-02-28');
    expect(certificateExpiresOn('2026-01-31', 1)).toBe('2026-02-28');
    expect(certificateExpiresOn('2027-12-15', 3)).toBe('2028-03-15');
    expect(certificateExpiresOn('2026-03-03', 120)).toBe('2036-03-03');
    expect(certificateExpiresOn('2026-03-03', null)).toBeNull();
  });

  it('reads the London date: half past midnight in summer time is already the expiry day', () => {
    const expiresOn = certificateExpiresOn('2024-02-29', 6)!; // 29 August 2024
    expect(expiresOn).toBe('2024-08-29');
    const beforeMidnightUtc = new Date('2024-08-28T23:30:00Z'); // 00:30 BST on the 29th
    expect(certificateStatus(valid(expiresOn), londonParts(beforeMidnightUtc).date)).toBe(CertificateStatus.EXPIRED);
    expect(certificateStatus(valid(expiresOn), londonParts(new Date('2024-08-28T22:59:00Z')).date)).toBe(CertificateStatus.VALID);
    // in winter London is on UTC: 23:30 UTC on the 27th is still the 27th
    expect(certificateStatus(valid('2025-02-28'), londonParts(new Date('2025-02-27T23:30:00Z')).date)).toBe(CertificateStatus.VALID);
  });
});

describe('what a certificate prints', () => {
  it('writes dates and hours in words', () => {
    expect(formatCalendarDate('2026-03-03')).toBe('3 March 2026');
    expect(formatCertificateHours(360)).toBe('6 hours');
    expect(formatCertificateHours(90)).toBe('1 hour 30 minutes');
    expect(formatCertificateHours(45)).toBe('45 minutes');
  });
});
