import { Role } from './enums';
import { checkImportRows, importColumnOf, importHeaderProblem, parseImportRoles, type ImportRow } from './people-import';

const row = (line: number, over: Partial<ImportRow> = {}): ImportRow => ({
  line,
  name: 'Amira Khan',
  email: `amira${line}@northshire.gov.uk`,
  agency: 'Northshire Council',
  jobTitle: '',
  team: '',
  rolesText: '',
  ...over,
});
const ctx = {
  agencies: [
    { id: 'a1', name: 'Northshire Council', retired: false },
    { id: 'a2', name: 'Old Trust', retired: true },
  ],
  existingEmails: new Set(['taken@northshire.gov.uk']),
};

describe('people import rules', () => {
  it('reads headers as people type them and names the missing required columns', () => {
    expect(importColumnOf('Job title')).toBe('job title');
    expect(importColumnOf('job_title')).toBe('job title');
    expect(importColumnOf('JobTitle')).toBe('job title');
    expect(importColumnOf('phone')).toBeNull();
    expect(importHeaderProblem(['Name', 'Email', 'Agency'])).toBeNull();
    expect(importHeaderProblem(['Name', 'Amira'])).toMatch(/missing: email, agency/);
  });

  it('reads roles, practitioner when empty, and names unknown words', () => {
    expect(parseImportRoles('')).toEqual({ roles: [Role.PRACTITIONER], unknown: [] });
    expect(parseImportRoles('Practitioner; TRAINER')).toEqual({ roles: [Role.PRACTITIONER, Role.TRAINER], unknown: [] });
    expect(parseImportRoles('trainer, boss').unknown).toEqual(['boss']);
  });

  it('says what is wrong with each row and what happens to addresses that already have an account', () => {
    const checked = checkImportRows(
      [
        row(2),
        row(3, { email: 'not-an-email' }),
        row(4, { agency: 'Nowhere Agency' }),
        row(5, { email: 'AMIRA2@northshire.gov.uk' }),
        row(6, { email: 'taken@northshire.gov.uk' }),
        row(7, { agency: 'old trust' }),
        row(8, { name: ' ', rolesText: 'boss' }),
      ],
      ctx,
    );
    expect(checked.map((r) => r.outcome)).toEqual(['CREATE', 'ERROR', 'ERROR', 'ERROR', 'SKIP', 'ERROR', 'ERROR']);
    expect(checked[0]!.agencyId).toBe('a1');
    expect(checked[1]!.problems[0]).toMatch(/not an email address/);
    expect(checked[2]!.problems[0]).toMatch(/no agency called "Nowhere Agency"/);
    expect(checked[3]!.problems[0]).toMatch(/already on line 2/);
    expect(checked[4]!.problems[0]).toMatch(/Already has an account/);
    expect(checked[5]!.problems[0]).toMatch(/retired/);
    expect(checked[6]!.problems).toEqual(['Enter a name', expect.stringMatching(/Unknown role "boss"/)]);
  });
});
