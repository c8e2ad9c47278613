import { loadConfig } from './config';

describe('loadConfig', () => {
  const good = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

  it('applies defaults', () => {
    const c = loadConfig(good);
    expect(c.port).toBe(3000);
    expect(c.cookieSecure).toBe(false);
    expect(c.webOrigin).toBe('http://localhost:5173');
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
