import { z } from 'zod';

const flag = (name: string) => z.enum(['true', 'false'], { error: `${name} must be true or false` }).optional();
const whole = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min)
    .max(max);

/** Settings for mail, calendar invites and background jobs (part of the one config schema in config.ts). */
export const mailSettings = {
  /** SMTP server for outgoing mail, e.g. smtps://user:pass@smtp.example.org:465. Required in production. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'SMTP_URL must look like smtp://host:port or smtps://user:password@host:465')
    .optional(),
  /** The address mail comes from and invites are organised by (the training team's mailbox). */
  MAIL_FROM_ADDRESS: z.email({ error: 'MAIL_FROM_ADDRESS must be an email address' }).default('training@learning-hub.example.org'),
  /** Folder where the development mail catcher keeps .eml files (set by `npm start`); read only outside production. */
  MAIL_CATCHER_DIR: z.string().min(1).optional(),
  /** Attempts at delivering one mail before it is marked failed. */
  MAIL_MAX_ATTEMPTS: whole('MAIL_MAX_ATTEMPTS', 1, 20).default(6),
  /** Wait after the first failed attempt; doubles after each further failure. */
  MAIL_RETRY_SECONDS: whole('MAIL_RETRY_SECONDS', 0, 86_400).default(60),
  /** Mails sent at the same time (SMTP connections kept open by the delivery pass). */
  MAIL_CONCURRENCY: whole('MAIL_CONCURRENCY', 1, 20).default(4),
  /** Days before a session on which reminders go out, e.g. "7,1". */
  REMINDER_DAYS: z
    .string()
    .regex(/^\s*\d{1,3}\s*(,\s*\d{1,3}\s*)*$/, 'REMINDER_DAYS must be whole numbers of days separated by commas, e.g. 7,1')
    .default('7,1'),
  /** Run background workers (mail delivery, timed jobs). Defaults to true, except under NODE_ENV=test. */
  JOBS_ENABLED: flag('JOBS_ENABLED'),
  /**
   * With jobs on, whether this process also runs the workers (default true). false: it queues jobs (a
   * delivery pass after a booking commits) but runs none, for API processes when the workers run as
   * processes of their own (docs/deployment.md).
   */
  JOBS_WORKERS: flag('JOBS_WORKERS'),
};

export interface MailConfig {
  smtpUrl: string | null;
  mailFromAddress: string;
  mailCatcherDir: string | null;
  mailMaxAttempts: number;
  mailRetrySeconds: number;
  mailConcurrency: number;
  reminderDaysBefore: number[];
  jobsEnabled: boolean;
  /** Runs the job workers and cron schedules; false: only queues jobs. */
  jobsWorkers: boolean;
}

type Parsed = { NODE_ENV: string; [K: string]: unknown } & {
  SMTP_URL?: string;
  MAIL_FROM_ADDRESS: string;
  MAIL_CATCHER_DIR?: string;
  MAIL_MAX_ATTEMPTS: number;
  MAIL_RETRY_SECONDS: number;
  MAIL_CONCURRENCY: number;
  REMINDER_DAYS: string;
  JOBS_ENABLED?: 'true' | 'false';
  JOBS_WORKERS?: 'true' | 'false';
};

/** Production must say where mail goes: without SMTP_URL nothing would ever be delivered. */
export function requireSmtpInProduction(c: { NODE_ENV: string; SMTP_URL?: string }, ctx: z.RefinementCtx): void {
  if (c.NODE_ENV === 'production' && !c.SMTP_URL) {
    ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'SMTP_URL is required in production (smtps://user:password@host:465)' });
  }
}

export function mailConfigFrom(c: Parsed): MailConfig {
  return {
    smtpUrl: c.SMTP_URL ?? null,
    mailFromAddress: c.MAIL_FROM_ADDRESS,
    mailCatcherDir: c.MAIL_CATCHER_DIR ?? null,
    mailMaxAttempts: c.MAIL_MAX_ATTEMPTS,
    mailRetrySeconds: c.MAIL_RETRY_SECONDS,
    mailConcurrency: c.MAIL_CONCURRENCY,
    reminderDaysBefore: [...new Set(c.REMINDER_DAYS.split(',').map((d) => Number(d.trim())))].filter((d) => d > 0),
    jobsEnabled: c.JOBS_ENABLED === undefined ? c.NODE_ENV !== 'test' : c.JOBS_ENABLED === 'true',
    jobsWorkers: c.JOBS_WORKERS !== 'false',
  };
}
