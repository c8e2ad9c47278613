import { z } from 'zod';

/** The limits RateLimitService knows, by name. Each counts requests for one key (an address or an IP address). */
export enum RateLimitName {
  /** Failed password sign-ins from one IP address (right passwords are not counted). */
  SIGN_IN_PER_IP = 'SIGN_IN_PER_IP',
  /** Sign-in links asked for one email address. */
  SIGN_IN_LINK_PER_ADDRESS = 'SIGN_IN_LINK_PER_ADDRESS',
  /** Sign-in links asked from one IP address. */
  SIGN_IN_LINK_PER_IP = 'SIGN_IN_LINK_PER_IP',
  /** Password resets asked for one email address. */
  PASSWORD_RESET_PER_ADDRESS = 'PASSWORD_RESET_PER_ADDRESS',
  /** Password resets asked from one IP address. */
  PASSWORD_RESET_PER_IP = 'PASSWORD_RESET_PER_IP',
  /** Registrations from one IP address. */
  REGISTRATION_PER_IP = 'REGISTRATION_PER_IP',
  /** Certificate codes checked on the public verification page from one IP address. */
  CERTIFICATE_VERIFY_PER_IP = 'CERTIFICATE_VERIFY_PER_IP',
  /** Booking changes (book, cancel, take up or turn down an offer, move) by one signed-in person. */
  BOOKING_PER_PERSON = 'BOOKING_PER_PERSON',
  /** Wrong check-in codes typed from one IP address. */
  CHECK_IN_CODE_PER_IP = 'CHECK_IN_CODE_PER_IP',
  /** Wrong check-in codes typed by one signed-in person. */
  CHECK_IN_CODE_PER_PERSON = 'CHECK_IN_CODE_PER_PERSON',
}

/** At most `points` requests per key in a window of `seconds`. */
export interface RateLimitRule {
  points: number;
  seconds: number;
}

export interface RateLimitConfig {
  rateLimits: Record<RateLimitName, RateLimitRule>;
  /**
   * Back-off after failed sign-ins to one account: `freeFailures` wrong passwords are answered as such;
   * after that the account waits `firstWaitSeconds`, doubling with every further failure, up to
   * `maxWaitSeconds`. Failures are forgotten after a right password, or a day after the last one.
   */
  signInBackOff: { freeFailures: number; firstWaitSeconds: number; maxWaitSeconds: number };
  /**
   * Which proxies' X-Forwarded-For the API believes when it reads a client's IP address (Express
   * `trust proxy`): by default only the web server on the same machine (loopback), which forwards the
   * browser's address on every call.
   */
  trustProxy: string | false;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "20/15m": 20 per 15 minutes (units s, m, h, d). */
const rule = (name: string, fallback: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}\/\d{1,4}[smhd]$/, `${name} must be a number of requests per time, like 20/15m (units s, m, h, d)`)
    .default(fallback)
    .transform((v): RateLimitRule => {
      const [points, window] = v.split('/') as [string, string];
      return { points: Number(points), seconds: Number(window.slice(0, -1)) * UNITS[window.slice(-1)]! };
    })
    .refine((r) => r.points >= 1 && r.seconds >= 1, `${name} must allow at least 1 request in at least 1 second`);

const whole = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

/** Settings for rate limits (part of the one config schema in config.ts). Defaults suit a partnership's workforce. */
export const rateLimitSettings = {
  RATE_LIMIT_SIGN_IN_PER_IP: rule('RATE_LIMIT_SIGN_IN_PER_IP', '50/15m'),
  RATE_LIMIT_SIGN_IN_LINK_PER_ADDRESS: rule('RATE_LIMIT_SIGN_IN_LINK_PER_ADDRESS', '5/1h'),
  RATE_LIMIT_SIGN_IN_LINK_PER_IP: rule('RATE_LIMIT_SIGN_IN_LINK_PER_IP', '30/1h'),
  RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS: rule('RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS', '5/1h'),
  RATE_LIMIT_PASSWORD_RESET_PER_IP: rule('RATE_LIMIT_PASSWORD_RESET_PER_IP', '30/1h'),
  RATE_LIMIT_REGISTRATION_PER_IP: rule('RATE_LIMIT_REGISTRATION_PER_IP', '20/1h'),
  RATE_LIMIT_CERTIFICATE_VERIFY_PER_IP: rule('RATE_LIMIT_CERTIFICATE_VERIFY_PER_IP', '120/1h'),
  RATE_LIMIT_BOOKING_PER_PERSON: rule('RATE_LIMIT_BOOKING_PER_PERSON', '60/10m'),
  RATE_LIMIT_CHECK_IN_CODE_PER_IP: rule('RATE_LIMIT_CHECK_IN_CODE_PER_IP', '30/10m'),
  RATE_LIMIT_CHECK_IN_CODE_PER_PERSON: rule('RATE_LIMIT_CHECK_IN_CODE_PER_PERSON', '10/10m'),
  /** Proxies whose X-Forwarded-For is believed: "loopback" (the web server on this machine), a list of addresses or ranges, or "false". */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(false|[0-9a-zA-Z.:/]+(\s*,\s*[0-9a-zA-Z.:/]+)*)$/,
      'TRUST_PROXY must be false, loopback, or addresses and ranges separated by commas',
    )
    .default('loopback'),
  /** Wrong passwords for one account before it has to wait. */
  SIGN_IN_FREE_FAILURES: whole('SIGN_IN_FREE_FAILURES', 1, 100).default(5),
  /** The first wait after those, in seconds; it doubles with every further failure. */
  SIGN_IN_FIRST_WAIT_SECONDS: whole('SIGN_IN_FIRST_WAIT_SECONDS', 1, 86_400).default(60),
  /** The longest wait, in seconds. */
  SIGN_IN_MAX_WAIT_SECONDS: whole('SIGN_IN_MAX_WAIT_SECONDS', 1, 7 * 86_400).default(3600),
};

type Parsed = { [K in keyof typeof rateLimitSettings]: z.output<(typeof rateLimitSettings)[K]> };

export function rateLimitConfigFrom(c: Parsed): RateLimitConfig {
  return {
    rateLimits: {
      [RateLimitName.SIGN_IN_PER_IP]: c.RATE_LIMIT_SIGN_IN_PER_IP,
      [RateLimitName.SIGN_IN_LINK_PER_ADDRESS]: c.RATE_LIMIT_SIGN_IN_LINK_PER_ADDRESS,
      [RateLimitName.SIGN_IN_LINK_PER_IP]: c.RATE_LIMIT_SIGN_IN_LINK_PER_IP,
      [RateLimitName.PASSWORD_RESET_PER_ADDRESS]: c.RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS,
      [RateLimitName.PASSWORD_RESET_PER_IP]: c.RATE_LIMIT_PASSWORD_RESET_PER_IP,
      [RateLimitName.REGISTRATION_PER_IP]: c.RATE_LIMIT_REGISTRATION_PER_IP,
      [RateLimitName.CERTIFICATE_VERIFY_PER_IP]: c.RATE_LIMIT_CERTIFICATE_VERIFY_PER_IP,
      [RateLimitName.BOOKING_PER_PERSON]: c.RATE_LIMIT_BOOKING_PER_PERSON,
      [RateLimitName.CHECK_IN_CODE_PER_IP]: c.RATE_LIMIT_CHECK_IN_CODE_PER_IP,
      [RateLimitName.CHECK_IN_CODE_PER_PERSON]: c.RATE_LIMIT_CHECK_IN_CODE_PER_PERSON,
    },
    signInBackOff: {
      freeFailures: c.SIGN_IN_FREE_FAILURES,
      firstWaitSeconds: c.SIGN_IN_FIRST_WAIT_SECONDS,
      maxWaitSeconds: Math.max(c.SIGN_IN_MAX_WAIT_SECONDS, c.SIGN_IN_FIRST_WAIT_SECONDS),
    },
    trustProxy: c.TRUST_PROXY === 'false' ? false : c.TRUST_PROXY,
  };
}
