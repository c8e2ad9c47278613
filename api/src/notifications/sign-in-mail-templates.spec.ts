import { passwordChanged, passwordReset, signInLink, useSingleSignOn } from './sign-in-mail-templates';
import type { MailContent } from './mail-layout';

const partnershipName = 'Northshire Safeguarding Children Partnership';
const common = { partnershipName, recipientName: 'Asha <Patel> & co' };
const link = 'https://learning-hub.example.org/sign-in/link/abc?next=%2Fcourses%3Fa%3D1%26b%3D2';

const every: [string, MailContent][] = [
  ['sign-in link', signInLink({ ...common, link, minutes: 15 })],
  ['password reset', passwordReset({ ...common, link: 'https://learning-hub.example.org/account/set-password/xyz', minutes: 60 })],
  [
    'password changed',
    passwordChanged({
      ...common,
      changedAt: new Date('2026-07-01T13:05:00Z'),
      links: { forgotPassword: 'https://learning-hub.example.org/sign-in/forgot-password' },
    }),
  ],
  [
    'single sign-on instead of a link',
    useSingleSignOn({ ...common, asked: 'sign-in-link', links: { signIn: 'https://learning-hub.example.org/sign-in' } }),
  ],
  [
    'single sign-on instead of a reset',
    useSingleSignOn({ ...common, asked: 'password-reset', links: { signIn: 'https://learning-hub.example.org/sign-in' } }),
  ],
];

describe('sign-in mail', () => {
  it.each(every)('%s: text and accessible HTML saying the same, with the partnership and what to do next', (_, mail) => {
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(partnershipName);
      expect(part).toContain('What to do next');
    }
    expect(mail.html).toContain('<html lang="en-GB">');
    expect(mail.html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(mail.html).toContain('Dear Asha &lt;Patel&gt; &amp; co,');
    const anchors = [...mail.html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)];
    expect(anchors.length).toBeGreaterThan(0);
    for (const [, href, words] of anchors) {
      expect(words!.trim().length).toBeGreaterThan(3);
      expect(mail.text).toContain(href!.replace(/&amp;/g, '&'));
    }
  });

  it('says how long a link works and what to do if it was not you', () => {
    expect(every[0]![1].text).toContain('The link works once, within 15 minutes.');
    expect(every[1]![1].text).toContain('within 60 minutes');
    expect(every[0]![1].text).toContain('If you did not ask for this, you can ignore this mail');
  });

  it('gives the time of a password change in London time', () => {
    expect(every[2]![1].text).toContain('was changed at 2:05pm on Wednesday 1 July 2026.');
  });

  it('sends no link that signs in or sets a password to people who use single sign-on', () => {
    for (const [, mail] of every.slice(3)) {
      expect(mail.text).not.toMatch(/sign-in\/link|set-password/);
    }
  });
});
