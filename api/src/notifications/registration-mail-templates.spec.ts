import type { MailContent } from './mail-layout';
import * as t from './registration-mail-templates';

const partnershipName = 'Northshire Safeguarding Children Partnership';
const common = { partnershipName, recipientName: 'Asha <Patel>', contactEmail: 'training@northshire.example.org' };
const L = (p: string) => `https://learning-hub.example.org/${p}`;
const links = { signIn: L('sign-in'), account: L('account') };

const every: [string, MailContent][] = [
  ['verify', t.accountVerify({ ...common, hoursValid: 24, links: { confirm: L('register/confirm/abc'), resend: L('register/resend') } })],
  ['exists, active', t.accountExists({ ...common, situation: 'ACTIVE', links })],
  ['exists, unverified', t.accountExists({ ...common, situation: 'UNVERIFIED', links: { ...links, confirm: L('register/confirm/x') } })],
  ['exists, waiting', t.accountExists({ ...common, situation: 'PENDING_APPROVAL', links })],
  ['exists, closed', t.accountExists({ ...common, situation: 'CLOSED', links })],
  ['approved', t.registrationApproved({ ...common, links })],
  ['refused', t.registrationRefused({ ...common, reason: 'Not a partner agency' })],
  [
    'agency created',
    t.agencyRequestDecided({
      ...common,
      outcome: 'CREATED',
      requested: 'Sea Cadets',
      agencyName: 'Sea Cadets',
      accountActive: true,
      links,
    }),
  ],
  [
    'agency mapped',
    t.agencyRequestDecided({
      ...common,
      outcome: 'MAPPED',
      requested: 'NHS',
      agencyName: 'Northshire NHS Trust',
      accountActive: false,
      links,
    }),
  ],
  [
    'agency refused',
    t.agencyRequestDecided({ ...common, outcome: 'REFUSED', requested: 'Acme', reason: 'Not a partner', accountActive: true, links }),
  ],
];

describe('registration mail', () => {
  it.each(every)('%s: text and accessible HTML in the house style', (_, mail) => {
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(partnershipName);
      expect(part).toContain('What to do next');
    }
    expect(mail.html).toContain('<html lang="en-GB">');
    expect(mail.html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(mail.html).toContain('Dear Asha &lt;Patel&gt;');
    for (const [, href] of mail.html.matchAll(/<a href="([^"]+)"/g)) {
      expect(mail.text).toContain(href);
    }
  });

  it('tells someone who registered again how to sign in or reset their password, never that a new account was made', () => {
    const [, mail] = every[1]!;
    expect(mail.text).toContain('There is already an account for it');
    expect(mail.text).toContain('"Forgot your password?"');
    expect(mail.text).toContain(L('sign-in'));
    const [, unverified] = every[2]!;
    expect(unverified.text).toContain(L('register/confirm/x'));
  });

  it('gives the confirmation link and how long it works', () => {
    const [, mail] = every[0]!;
    expect(mail.text).toContain('Confirm your email address:\nhttps://learning-hub.example.org/register/confirm/abc');
    expect(mail.text).toContain('for 24 hours');
  });

  it('gives the reason for a refusal and where to ask', () => {
    const [, refused] = every[6]!;
    expect(refused.text).toContain('Their reason: Not a partner agency');
    expect(refused.text).toContain('training@northshire.example.org');
    const [, mapped] = every[8]!;
    expect(mapped.text).toContain('Northshire NHS Trust (you asked for "NHS"');
    expect(mapped.text).toContain('still waiting for the training team');
  });
});
