import {
  agencyNameProblem,
  approvalChangeSentences,
  approvalRuleSentence,
  emailDomainsProblem,
  normaliseAgencyName,
  normaliseTenantIds,
  tenantIdsProblem,
} from './agency-rules';

describe('agency rules', () => {
  it('keeps names trimmed with single spaces, and refuses empty or long ones', () => {
    expect(normaliseAgencyName('  Northshire   Homes ')).toBe('Northshire Homes');
    expect(agencyNameProblem('   ')).toBe('Enter the name of the agency');
    expect(agencyNameProblem('x'.repeat(201))).toBe('Enter a name of 200 characters or fewer');
    expect(agencyNameProblem('Northshire Homes')).toBeNull();
  });

  it('accepts real domains in any case, with or without "@"', () => {
    expect(emailDomainsProblem(['@Northshire.gov.uk', 'nhs.net', 'nth.nhs.uk'])).toBeNull();
  });

  it('names every domain that is not one', () => {
    expect(emailDomainsProblem(['nhs.net', 'not a domain', 'localhost'])).toBe(
      'Enter each email domain like northshire.gov.uk, one a line: "not a domain", "localhost" are not domains',
    );
    expect(emailDomainsProblem(['foo@bar.com'])).toMatch(/"foo@bar.com" is not a domain$/);
  });

  it('refuses personal mail domains: anyone can have an address there', () => {
    expect(emailDomainsProblem(['Gmail.com'])).toMatch(/^Remove "gmail.com": anyone can have an address there/);
  });

  it('refuses more than 20 domains', () => {
    expect(emailDomainsProblem(Array.from({ length: 21 }, (_, i) => `d${i}.org.uk`))).toBe('Enter at most 20 email domains');
  });

  it('accepts tenant ids only as GUIDs, kept lower-case and once', () => {
    const id = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';
    expect(normaliseTenantIds([` ${id} `, id.toLowerCase(), ''])).toEqual([id.toLowerCase()]);
    expect(tenantIdsProblem([id])).toBeNull();
    expect(tenantIdsProblem(['northshire.onmicrosoft.com', id])).toMatch(/"northshire.onmicrosoft.com" is not one$/);
  });

  it('says the approval rule and what changing it does', () => {
    expect(approvalRuleSentence('CVS', false)).toBe("Staff of CVS need their line manager's approval for courses that ask for it");
    expect(approvalRuleSentence('CVS', true)).toBe('Staff of CVS book without manager approval');
    expect(approvalChangeSentences('CVS', false).change).toBe('Staff of CVS will book without manager approval');
    expect(approvalChangeSentences('CVS', true).change).toBe(
      "Staff of CVS will need their line manager's approval for courses that ask for it",
    );
  });
});
