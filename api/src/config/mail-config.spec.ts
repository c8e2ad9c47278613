import { loadConfig } from './config';

describe('mail and job settings', () => {
  const good = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

  it('applies defaults', () => {
    const c = loadConfig(good);
    expect(c).toMatchObject({
      smtpUrl: null,
      mailCatcherDir: null,
      mailMaxAttempts: 6,
      mailRetrySeconds: 60,
      mailConcurrency: 4,
      reminderDaysBefore: [7, 1],
      jobsEnabled: true,
      jobsWorkers: true,
    });
    expect(loadConfig({ ...good, JOBS_WORKERS: 'false' }).jobsWorkers).toBe(false);
    expect(loadConfig({ ...good, NODE_ENV: 'test' }).jobsEnabled).toBe(false);
    expect(loadConfig({ ...good, NODE_ENV: 'test', JOBS_ENABLED: 'true' }).jobsEnabled).toBe(true);
  });

  it('reads them', () => {
    const c = loadConfig({
      ...good,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_CATCHER_DIR: '/tmp/mail',
      REMINDER_DAYS: '14, 2',
      MAIL_FROM_ADDRESS: 'training@northshire.example',
    });
    expect(c).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailCatcherDir: '/tmp/mail',
      reminderDaysBefore: [14, 2],
      mailFromAddress: 'training@northshire.example',
    });
  });

  it('names a bad or missing setting', () => {
    expect(() => loadConfig({ ...good, SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL must look like smtp/);
    expect(() => loadConfig({ ...good, NODE_ENV: 'production' })).toThrow(/SMTP_URL is required in production/);
    expect(() => loadConfig({ ...good, REMINDER_DAYS: 'a week' })).toThrow(/REMINDER_DAYS/);
    expect(() => loadConfig({ ...good, JOBS_ENABLED: 'yes' })).toThrow(/JOBS_ENABLED must be true or false/);
    expect(() => loadConfig({ ...good, JOBS_WORKERS: 'no' })).toThrow(/JOBS_WORKERS must be true or false/);
    expect(() => loadConfig({ ...good, MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS/);
    expect(() => loadConfig({ ...good, MAIL_CONCURRENCY: '50' })).toThrow(/MAIL_CONCURRENCY/);
  });
});
