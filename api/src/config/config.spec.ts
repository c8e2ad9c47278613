import { loadConfig } from './config';

describe('loadConfig', () => {
  const good = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

  it('applies defaults', () => {
    const c = loadConfig(good);
    expect(c.port).toBe(3000);
    expect(c.cookieSecure).toBe(false);
    expect(c.webOrigin).toBe('http://localhost:5173');
    expect(c.partnershipContactEmail).toBe('training@learning-hub.example.org');
    expect(c.partnershipContactPhone).toBe('01632 960 000');
  });

  it("takes the partnership's name and contact details", () => {
    const c = loadConfig({
      ...good,
      PARTNERSHIP_NAME: ' Northshire Safeguarding Children Partnership ',
      PARTNERSHIP_CONTACT_EMAIL: 'learning@northshire.example.gov.uk',
      PARTNERSHIP_CONTACT_PHONE: '+44 (0)1632 960 123',
    });
    expect([c.partnershipName, c.partnershipContactEmail, c.partnershipContactPhone]).toEqual([
      'Northshire Safeguarding Children Partnership',
      'learning@northshire.example.gov.uk',
      '+44 (0)1632 960 123',
    ]);
  });

  it('refuses contact details that are not an email address or a telephone number', () => {
    expect(() => loadConfig({ ...good, PARTNERSHIP_CONTACT_EMAIL: 'training team' })).toThrow(
      /PARTNERSHIP_CONTACT_EMAIL must be an email address/,
    );
    expect(() => loadConfig({ ...good, PARTNERSHIP_CONTACT_PHONE: 'call us' })).toThrow(
      /PARTNERSHIP_CONTACT_PHONE must be a telephone number/,
    );
    expect(() => loadConfig({ ...good, PARTNERSHIP_CONTACT_PHONE: '123 45' })).toThrow(/between 7 and 15 digits/);
    expect(() => loadConfig({ ...good, PARTNERSHIP_NAME: '  ' })).toThrow(/PARTNERSHIP_NAME must not be empty/);
  });

  it('reads the shared mailboxes refused at registration, with a default list', () => {
    expect(loadConfig(good).sharedMailboxLocalParts).toEqual(expect.arrayContaining(['office', 'admin', 'safeguarding']));
    expect(loadConfig({ ...good, SHARED_MAILBOX_LOCAL_PARTS: ' Office, team ,,' }).sharedMailboxLocalParts).toEqual(['office', 'team']);
    expect(loadConfig({ ...good, SHARED_MAILBOX_LOCAL_PARTS: '' }).sharedMailboxLocalParts).toEqual([]);
    expect(() => loadConfig({ ...good, SHARED_MAILBOX_LOCAL_PARTS: 'office;admin' })).toThrow(
      /SHARED_MAILBOX_LOCAL_PARTS must be local parts/,
    );
  });

  it('names a missing setting', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL/);
  });

  it('needs a real APP_SECRET in production', () => {
    const prod = { ...good, NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org:25' };
    expect(() => loadConfig(prod)).toThrow(/APP_SECRET is required in production/);
    expect(() => loadConfig({ ...prod, APP_SECRET: 'short' })).toThrow(/APP_SECRET must be at least 32 characters/);
    expect(loadConfig({ ...prod, APP_SECRET: 'x'.repeat(32) }).appSecret).toBe('x'.repeat(32));
  });

  it('names a bad setting', () => {
    expect(() => loadConfig({ ...good, API_PORT: 'eighty' })).toThrow(/API_PORT/);
    expect(() => loadConfig({ ...good, COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE must be true or false/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must look like postgres/);
  });
});
