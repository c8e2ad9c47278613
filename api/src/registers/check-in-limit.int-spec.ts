import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from '../common/clock';
import { gql, startTestApi, type TestApi } from '../../test/test-db';
import { CHECK_IN, aBooked, aTrainedSession, atPartStart, codeAt, errorOf } from './walk-in-test-support';

/** Wrong check-in codes are counted per IP address and per person, so the code on the screen cannot be guessed. */
describe('check-in codes are rate limited per IP address and per person', () => {
  let api: TestApi;
  beforeAll(async () => {
    const base = await startTestApi();
    const limits = base.app.get<symbol, AppConfig>(APP_CONFIG).rateLimits;
    await base.close();
    api = await startTestApi({
      rateLimits: {
        ...limits,
        CHECK_IN_CODE_PER_IP: { points: 5, seconds: 600 },
        CHECK_IN_CODE_PER_PERSON: { points: 3, seconds: 600 },
      },
    });
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));

  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const checkIn = (cookie: string, code: string, ip: string) =>
    gql<{ checkIn: { outcome: string } }>(api.url, CHECK_IN, { input: { code, clientId: randomUUID() } }, cookie, from(ip));

  it('refuses everyone after too many wrong codes from one person, even the right code, and says when to try again; others still check in', async () => {
    const t = await aTrainedSession(api);
    const guesser = await aBooked(api, t.session, { name: 'Guessing Gill' });
    const other = await aBooked(api, t.session, { name: 'Honest Hana' });
    const now = atPartStart(api, t.part, -10);
    const right = codeAt(api, t.part, now);
    const wrong = right === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';

    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      answers.push(errorOf(await checkIn(guesser.cookie, wrong, `198.51.100.${30 + i}`)).code);
    }
    expect(answers).toEqual(['CHECK_IN_CODE_INVALID', 'CHECK_IN_CODE_INVALID', 'CHECK_IN_CODE_INVALID']);
    const refused = await checkIn(guesser.cookie, right, '198.51.100.39');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', status: 429 });
    expect(refused.errors?.[0]?.message).toBe('Too many attempts. Try again in 10 minutes.');

    const ok = await checkIn(other.cookie, right, '198.51.100.39');
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.checkIn.outcome).toBe('CHECKED_IN');
  });

  it('refuses one IP address after too many wrong codes from several people there; another address is unaffected', async () => {
    const t = await aTrainedSession(api);
    const people = [await aBooked(api, t.session), await aBooked(api, t.session), await aBooked(api, t.session)];
    const now = atPartStart(api, t.part, -10);
    const right = codeAt(api, t.part, now);
    const wrong = right === 'CCCCCC' ? 'DDDDDD' : 'CCCCCC';
    const shared = '203.0.113.50';

    const answers: (string | undefined)[] = [];
    for (const [i, p] of [people[0]!, people[0]!, people[1]!, people[1]!, people[2]!].entries()) {
      answers.push(errorOf(await checkIn(p.cookie, i === 4 ? 'not a code' : wrong, shared)).code);
    }
    expect(answers.every((c) => c === 'CHECK_IN_CODE_INVALID')).toBe(true);
    const refused = await checkIn(people[2]!.cookie, right, shared);
    expect(errorOf(refused)).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts. Try again in 10 minutes.' });

    const elsewhere = await checkIn(people[2]!.cookie, right, '203.0.113.51');
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data!.checkIn.outcome).toBe('CHECKED_IN');
  });
});
