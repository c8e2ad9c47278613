import { PersonStatus } from './enums';
import {
  PASSWORD_MIN_LENGTH,
  emailLocalPartOf,
  normaliseLocalParts,
  passwordProblem,
  sharedMailboxProblem,
  statusAfterConfirmation,
} from './registration';

describe('registration rules', () => {
  const shared = ['office', 'Admin ', ' info', 'safeguarding@', ''];

  it('refuses shared mailboxes named in the setting, whatever their case, domain or +tag', () => {
    expect(sharedMailboxProblem('office@northshire.gov.uk', shared)).toMatch(/not a shared mailbox like office@/);
    expect(sharedMailboxProblem('ADMIN@school.example.org', shared)).toMatch(/admin@/);
    expect(sharedMailboxProblem('info+training@charity.example.org', shared)).toMatch(/info@/);
    expect(sharedMailboxProblem('Safeguarding@nhs.net', shared)).toMatch(/safeguarding@/);
  });

  it('accepts people’s own addresses, even ones that contain a shared word', () => {
    expect(sharedMailboxProblem('office.manager.jones@northshire.gov.uk', shared)).toBeNull();
    expect(sharedMailboxProblem('sam.admin@nhs.net', shared)).toBeNull();
    expect(sharedMailboxProblem('priya.shah@nhs.net', shared)).toBeNull();
    expect(sharedMailboxProblem('office@nhs.net', [])).toBeNull();
  });

  it('reads local parts and the setting in one form', () => {
    expect(emailLocalPartOf(' Priya.Shah+x@NHS.net')).toBe('priya.shah');
    expect(normaliseLocalParts(shared)).toEqual(['office', 'admin', 'info', 'safeguarding']);
  });

  it('approves a confirmed address on its agency’s domains at once, and sends any other to the queue', () => {
    const agency = { emailDomains: ['northshire.gov.uk'], retiredAt: null };
    expect(statusAfterConfirmation({ email: 'sam@northshire.gov.uk', agency })).toBe(PersonStatus.ACTIVE);
    expect(statusAfterConfirmation({ email: 'sam@schools.northshire.gov.uk', agency })).toBe(PersonStatus.ACTIVE);
    expect(statusAfterConfirmation({ email: 'sam@gmail.com', agency })).toBe(PersonStatus.PENDING_APPROVAL);
    expect(statusAfterConfirmation({ email: 'sam@evilnorthshire.gov.uk', agency })).toBe(PersonStatus.PENDING_APPROVAL);
    expect(statusAfterConfirmation({ email: 'sam@northshire.gov.uk', agency: { emailDomains: [] } })).toBe(PersonStatus.PENDING_APPROVAL);
    expect(statusAfterConfirmation({ email: 'sam@northshire.gov.uk', agency: null })).toBe(PersonStatus.PENDING_APPROVAL);
    expect(statusAfterConfirmation({ email: 'sam@northshire.gov.uk', agency: { ...agency, retiredAt: new Date() } })).toBe(
      PersonStatus.PENDING_APPROVAL,
    );
  });

  it('asks for a password of the stated length', () => {
    expect(passwordProblem('')).toBe('Choose a password');
    expect(passwordProblem('x'.repeat(PASSWORD_MIN_LENGTH - 1))).toMatch(`at least ${PASSWORD_MIN_LENGTH} characters`);
    expect(passwordProblem('x'.repeat(PASSWORD_MIN_LENGTH))).toBeNull();
    expect(passwordProblem('x'.repeat(201))).toMatch(/200 characters or fewer/);
  });
});
