import { z } from 'zod';
import { normaliseLocalParts } from '@lh/domain';
import { mailConfigFrom, mailSettings, requireSmtpInProduction, type MailConfig } from './mail-config';
import { rateLimitConfigFrom, rateLimitSettings, type RateLimitConfig } from './rate-limit-config';
import { retentionConfigFrom, retentionSettings, type RetentionConfig } from './retention-config';

/**
 * The one typed configuration object. This is the only place that reads process.env:
 * a missing or bad setting stops start-up with a message naming it.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (postgres://user:password@host:port/database)' })
    .regex(/^postgres(ql)?:\/\/.+\/[^/]+$/, 'DATABASE_URL must look like postgres://user:password@host:port/database'),
  /** Connections the API keeps to PostgreSQL at most. */
  DATABASE_POOL_SIZE: z.coerce.number({ error: 'DATABASE_POOL_SIZE must be a whole number' }).int().min(1).max(200).default(10),
  /** How long a request waits for a database connection before it is told the service is busy and to try again. */
  DATABASE_WAIT_SECONDS: z.coerce.number({ error: 'DATABASE_WAIT_SECONDS must be a whole number' }).int().min(1).max(120).default(30),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  /** The public address of the web app, used in links in mail and for CORS. */
  WEB_ORIGIN: z.url({ error: 'WEB_ORIGIN must be a URL such as http://localhost:5173' }).default('http://localhost:5173'),
  /** How long a sign-in lasts without use. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  /** How long after a session part ends its register can still be marked by its trainers (hours). */
  REGISTER_CLOSES_HOURS_AFTER_END: z.coerce
    .number({ error: 'REGISTER_CLOSES_HOURS_AFTER_END must be a number of hours' })
    .int('REGISTER_CLOSES_HOURS_AFTER_END must be a whole number of hours')
    .min(0, 'REGISTER_CLOSES_HOURS_AFTER_END cannot be negative')
    .max(24 * 60, 'REGISTER_CLOSES_HOURS_AFTER_END can be at most 1440 (60 days)')
    .default(48),
  /** Set to true behind HTTPS so the session cookie is only sent over TLS. */
  COOKIE_SECURE: z
    .enum(['true', 'false'], { error: 'COOKIE_SECURE must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  PARTNERSHIP_NAME: z
    .string()
    .trim()
    .min(1, 'PARTNERSHIP_NAME must not be empty')
    .default('Learning Hub Safeguarding Children Partnership'),
  /** The training team's address for questions, shown on every page and in the help. */
  PARTNERSHIP_CONTACT_EMAIL: z
    .email({ error: 'PARTNERSHIP_CONTACT_EMAIL must be an email address' })
    .default('training@learning-hub.example.org'),
  /** The training team's telephone number, written as people should dial it (Ofcom's drama range by default). */
  PARTNERSHIP_CONTACT_PHONE: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]*[0-9]$/, 'PARTNERSHIP_CONTACT_PHONE must be a telephone number such as 01632 960 000')
    .refine((v) => {
      const digits = v.replace(/\D/g, '').length;
      return digits >= 7 && digits <= 15;
    }, 'PARTNERSHIP_CONTACT_PHONE must have between 7 and 15 digits')
    .default('01632 960 000'),
  LOG_SQL: z
    .enum(['true', 'false'], { error: 'LOG_SQL must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** Signs the links in mail that work without signing in (manager approval). At least 32 characters; keep it secret. */
  APP_SECRET: z.string().min(32, 'APP_SECRET must be at least 32 characters (for example: openssl rand -hex 32)').optional(),
  /** Single sign-on (OpenID Connect): the provider's issuer, e.g. https://login.microsoftonline.com/organizations/v2.0 for multi-tenant Entra ID. */
  OIDC_ISSUER: z
    .url({ error: "OIDC_ISSUER must be the provider's issuer URL, such as https://login.microsoftonline.com/organizations/v2.0" })
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1, 'OIDC_CLIENT_ID must not be empty').optional(),
  OIDC_CLIENT_SECRET: z.string().min(1, 'OIDC_CLIENT_SECRET must not be empty').optional(),
  OIDC_SCOPES: z
    .string()
    .trim()
    .regex(/(^|\s)openid(\s|$)/, 'OIDC_SCOPES must include openid')
    .default('openid email profile'),
  /** The words on the sign-in button, e.g. "Sign in with Microsoft". */
  OIDC_BUTTON_LABEL: z.string().trim().min(1).max(80).default('Sign in with your organisation account'),
  /** Local parts of shared mailboxes that cannot register an account ("office" refuses office@anything), comma-separated. */
  SHARED_MAILBOX_LOCAL_PARTS: z
    .string()
    .regex(/^[A-Za-z0-9._+,\s-]*$/, 'SHARED_MAILBOX_LOCAL_PARTS must be local parts separated by commas, such as office,admin,info')
    .default('office,admin,info,enquiries,reception,team,safeguarding,training,hr,contact,mail')
    .transform((v) => normaliseLocalParts(v.split(','))),
  /** The largest evidence file a practitioner may upload with learning done elsewhere, in bytes. */
  EVIDENCE_MAX_BYTES: z.coerce
    .number({ error: 'EVIDENCE_MAX_BYTES must be a number of bytes, such as 5242880 for 5 MB' })
    .int()
    .min(1024, 'EVIDENCE_MAX_BYTES must be at least 1024')
    .max(20 * 1024 * 1024, 'EVIDENCE_MAX_BYTES must be at most 20971520 (20 MB)')
    .default(5 * 1024 * 1024),
  /** A folder to keep evidence files in; without it they are kept in PostgreSQL. */
  FILE_STORAGE_DIR: z.string().trim().min(1, 'FILE_STORAGE_DIR must not be empty').optional(),
  ...mailSettings,
  ...rateLimitSettings,
  ...retentionSettings,
});

export type SingleSignOnConfig = { issuer: string; clientId: string; clientSecret: string; scopes: string; buttonLabel: string } | null;

/** Used only outside production when APP_SECRET is not set, so demo links keep working across restarts. */
const DEVELOPMENT_SECRET = 'learning-hub-development-secret-not-for-production';

export type AppConfig = {
  env: 'development' | 'test' | 'production';
  databaseUrl: string;
  databasePoolSize: number;
  databaseWaitSeconds: number;
  port: number;
  host: string;
  webOrigin: string;
  sessionTtlHours: number;
  /** Minutes after a part ends that its register stays open for marking. */
  registerClosesAfterMinutes: number;
  cookieSecure: boolean;
  partnershipName: string;
  partnershipContactEmail: string;
  partnershipContactPhone: string;
  logSql: boolean;
  appSecret: string;
  /** Null when single sign-on is not configured. */
  sso: SingleSignOnConfig;
  sharedMailboxLocalParts: string[];
  /** The largest evidence file taken, in bytes. */
  evidenceMaxBytes: number;
  /** Where evidence files are kept: a folder, or null for PostgreSQL. */
  fileStorageDir: string | null;
} & MailConfig &
  RateLimitConfig &
  RetentionConfig;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema
    .superRefine(requireSmtpInProduction)
    .superRefine((c, ctx) => {
      if (c.OIDC_ISSUER && (!c.OIDC_CLIENT_ID || !c.OIDC_CLIENT_SECRET)) {
        ctx.addIssue({
          code: 'custom',
          path: ['OIDC_CLIENT_ID'],
          message: 'OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER',
        });
      }
      if (c.OIDC_ISSUER && new URL(c.OIDC_ISSUER).protocol !== 'https:' && !isLoopback(c.OIDC_ISSUER)) {
        ctx.addIssue({
          code: 'custom',
          path: ['OIDC_ISSUER'],
          message: 'OIDC_ISSUER must use https (http only on this machine, for tests)',
        });
      }
      if (c.NODE_ENV === 'production' && !c.APP_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'APP_SECRET is required in production (at least 32 characters)' });
      }
    })
    .safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Learning Hub cannot start: bad configuration\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    databaseWaitSeconds: c.DATABASE_WAIT_SECONDS,
    port: c.API_PORT,
    host: c.API_HOST,
    webOrigin: c.WEB_ORIGIN.replace(/\/$/, ''),
    sessionTtlHours: c.SESSION_TTL_HOURS,
    registerClosesAfterMinutes: c.REGISTER_CLOSES_HOURS_AFTER_END * 60,
    cookieSecure: c.COOKIE_SECURE,
    partnershipName: c.PARTNERSHIP_NAME,
    partnershipContactEmail: c.PARTNERSHIP_CONTACT_EMAIL,
    partnershipContactPhone: c.PARTNERSHIP_CONTACT_PHONE,
    logSql: c.LOG_SQL,
    appSecret: c.APP_SECRET ?? DEVELOPMENT_SECRET,
    sso:
      c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET
        ? {
            issuer: c.OIDC_ISSUER,
            clientId: c.OIDC_CLIENT_ID,
            clientSecret: c.OIDC_CLIENT_SECRET,
            scopes: c.OIDC_SCOPES,
            buttonLabel: c.OIDC_BUTTON_LABEL,
          }
        : null,
    sharedMailboxLocalParts: c.SHARED_MAILBOX_LOCAL_PARTS,
    evidenceMaxBytes: c.EVIDENCE_MAX_BYTES,
    fileStorageDir: c.FILE_STORAGE_DIR ?? null,
    ...mailConfigFrom(c),
    ...rateLimitConfigFrom(c),
    ...retentionConfigFrom(c),
  };
}

/** A provider on this machine (the tests' own) may use plain http. */
export function isLoopback(url: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}

/** Nest injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
