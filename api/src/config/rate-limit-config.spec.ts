import { ConfigError, loadConfig } from './config';

describe('rate limit settings', () => {
  const good = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

  it('applies defaults, the per-account back-off included (tests too)', () => {
    const c = loadConfig({ ...good, NODE_ENV: 'test' });
    expect(c.rateLimits).toEqual({
      SIGN_IN_PER_IP: { points: 50, seconds: 900 },
      SIGN_IN_LINK_PER_ADDRESS: { points: 5, seconds: 3600 },
      SIGN_IN_LINK_PER_IP: { points: 30, seconds: 3600 },
      PASSWORD_RESET_PER_ADDRESS: { points: 5, seconds: 3600 },
      PASSWORD_RESET_PER_IP: { points: 30, seconds: 3600 },
      REGISTRATION_PER_IP: { points: 20, seconds: 3600 },
      CERTIFICATE_VERIFY_PER_IP: { points: 120, seconds: 3600 },
      BOOKING_PER_PERSON: { points: 60, seconds: 600 },
      CHECK_IN_CODE_PER_IP: { points: 30, seconds: 600 },
      CHECK_IN_CODE_PER_PERSON: { points: 10, seconds: 600 },
    });
    expect(c.signInBackOff).toEqual({ freeFailures: 5, firstWaitSeconds: 60, maxWaitSeconds: 3600 });
    expect(c.trustProxy).toBe('loopback');
  });

  it('reads "requests per time" in seconds, minutes, hours and days', () => {
    const c = loadConfig({
      ...good,
      RATE_LIMIT_SIGN_IN_PER_IP: '200/30s',
      RATE_LIMIT_REGISTRATION_PER_IP: ' 3/2d ',
      SIGN_IN_FREE_FAILURES: '3',
      SIGN_IN_FIRST_WAIT_SECONDS: '30',
      SIGN_IN_MAX_WAIT_SECONDS: '600',
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
    });
    expect(c.rateLimits.SIGN_IN_PER_IP).toEqual({ points: 200, seconds: 30 });
    expect(c.rateLimits.REGISTRATION_PER_IP).toEqual({ points: 3, seconds: 172_800 });
    expect(c.signInBackOff).toEqual({ freeFailures: 3, firstWaitSeconds: 30, maxWaitSeconds: 600 });
    expect(c.trustProxy).toBe('10.0.0.0/8, 127.0.0.1');
    expect(loadConfig({ ...good, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('names a setting it cannot read', () => {
    expect(() => loadConfig({ ...good, RATE_LIMIT_SIGN_IN_LINK_PER_ADDRESS: 'five an hour' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...good, RATE_LIMIT_SIGN_IN_LINK_PER_ADDRESS: 'five an hour' })).toThrow(
      'RATE_LIMIT_SIGN_IN_LINK_PER_ADDRESS must be a number of requests per time, like 20/15m (units s, m, h, d)',
    );
    expect(() => loadConfig({ ...good, RATE_LIMIT_SIGN_IN_PER_IP: '0/1m' })).toThrow(
      'RATE_LIMIT_SIGN_IN_PER_IP must allow at least 1 request',
    );
    expect(() => loadConfig({ ...good, SIGN_IN_FREE_FAILURES: '0' })).toThrow('SIGN_IN_FREE_FAILURES must be at least 1');
    expect(() => loadConfig({ ...good, TRUST_PROXY: 'everyone; please' })).toThrow('TRUST_PROXY must be false, loopback');
  });
});
