import { loadConfig } from './config';
import { unsafeProductionSettings } from './config-warnings';

const base = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/lh',
  NODE_ENV: 'production',
  APP_SECRET: 'x'.repeat(40),
  SMTP_URL: 'smtps://mail.example.org:465',
  WEB_ORIGIN: 'https://learning.example.org',
};

describe('unsafe production settings', () => {
  it('says nothing of a safe production set-up, nor of development', () => {
    expect(unsafeProductionSettings(loadConfig(base))).toEqual([]);
    expect(unsafeProductionSettings(loadConfig({ ...base, NODE_ENV: 'development', WEB_ORIGIN: 'http://localhost:5173' }))).toEqual([]);
  });

  it('warns of an http web address, SQL in the log and a proxy trusted from everywhere', () => {
    const warnings = unsafeProductionSettings(
      loadConfig({ ...base, WEB_ORIGIN: 'http://learning.example.org', LOG_SQL: 'true', TRUST_PROXY: 'true' }),
    );
    expect(warnings).toEqual([
      expect.stringMatching(/^WEB_ORIGIN is not https/),
      expect.stringMatching(/^LOG_SQL is on/),
      expect.stringMatching(/^TRUST_PROXY trusts every address/),
    ]);
  });
});
