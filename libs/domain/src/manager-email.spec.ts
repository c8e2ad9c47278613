import { isOnDomains, managerEmailProblem, normaliseDomains } from './manager-email';

describe("line manager's email", () => {
  const agency = { emailDomains: ['@Northshire.gov.uk', 'nhs.net'], managerEmailOnDomains: true };

  it('refuses the booker’s own address, whatever its case', () => {
    expect(managerEmailProblem({ managerEmail: ' Priya@Example.org', bookerEmail: 'priya@example.org', agency: null })).toMatch(
      /not your own/,
    );
  });

  it('accepts any other address when the agency sets no rule', () => {
    expect(managerEmailProblem({ managerEmail: 'sam@gmail.com', bookerEmail: 'priya@example.org', agency: null })).toBeNull();
    expect(
      managerEmailProblem({
        managerEmail: 'sam@gmail.com',
        bookerEmail: 'priya@example.org',
        agency: { ...agency, managerEmailOnDomains: false },
      }),
    ).toBeNull();
  });

  it("requires an address on the agency's domains when it asks for that, naming them", () => {
    expect(managerEmailProblem({ managerEmail: 'sam@gmail.com', bookerEmail: 'p@northshire.gov.uk', agency })).toBe(
      "Enter your line manager's work email address: your agency asks for an address ending @northshire.gov.uk or @nhs.net",
    );
    expect(managerEmailProblem({ managerEmail: 'Sam@Northshire.gov.uk', bookerEmail: 'p@northshire.gov.uk', agency })).toBeNull();
    expect(managerEmailProblem({ managerEmail: 'sam@schools.northshire.gov.uk', bookerEmail: 'p@x.org', agency })).toBeNull();
  });

  it('does not take a look-alike domain for a subdomain', () => {
    expect(isOnDomains('sam@evilnorthshire.gov.uk', ['northshire.gov.uk'])).toBe(false);
    expect(normaliseDomains([' @NHS.net ', 'nhs.net', ''])).toEqual(['nhs.net']);
  });
});
