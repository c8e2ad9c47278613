import { aPerson } from '../../test/builders';
import { gql, startTestApi, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';
import { RateLimitCounter } from './rate-limit-counter.entity';
import { APP_CONFIG, type AppConfig } from '../config/config';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;
const LINK = `mutation($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) }`;
const RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;

type Result = Awaited<ReturnType<typeof gql>>;
const outcome = (res: Result) => (res.errors ? `${res.errors[0]!.extensions!.code}: ${res.errors[0]!.message}` : 'OK');
const NOT_RIGHT = 'INVALID_CREDENTIALS: The email address or password is not right. Check them and try again.';

describe('rate limits and the back-off after failed sign-ins (counted in PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));

  const signIn = (email: string, password: string, ip = '198.51.100.1') =>
    gql(api.url, SIGN_IN, { input: { email, password } }, undefined, { 'x-forwarded-for': ip });

  it('no longer lets the 51st, right, password in after 50 wrong ones', async () => {
    const person = await aPerson(api.orm.em.fork());
    const answers: string[] = [];
    for (let i = 0; i < 50; i++) {
      answers.push(outcome(await signIn(person.email, `guess-${i}`)));
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill(NOT_RIGHT));
    expect(answers.slice(5).every((a) => a.startsWith('TOO_MANY_ATTEMPTS: Too many attempts. Try again in '))).toBe(true);
    const right = await signIn(person.email, person.password);
    expect(outcome(right)).toBe('TOO_MANY_ATTEMPTS: Too many attempts. Try again in 1 minute.');
    expect(right.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', status: 429 });
    expect(right.setCookie.some((c) => c.startsWith('lh_session='))).toBe(false);
    // counted in the database, under hashed keys
    const keys = (await api.orm.em.fork().find(RateLimitCounter, {})).map((c) => c.key);
    expect(keys.some((k) => k.startsWith('sign_in_wait:'))).toBe(true);
    expect(keys.join()).not.toContain(person.email);
  });

  it('waits 1 minute after 5 failures, doubling with each further one, and forgets them after a right password', async () => {
    const person = await aPerson(api.orm.em.fork());
    const clock = api.app.get(Clock);
    const t0 = new Date('2026-12-01T10:00:00Z').getTime();
    const at = (seconds: number) => clock.fixAt(new Date(t0 + seconds * 1000));

    at(0);
    for (let i = 0; i < 5; i++) {
      expect(outcome(await signIn(person.email, 'wrong'))).toBe(NOT_RIGHT);
    }
    expect(outcome(await signIn(person.email, person.password))).toBe('TOO_MANY_ATTEMPTS: Too many attempts. Try again in 1 minute.');
    at(59);
    expect(outcome(await signIn(person.email, person.password))).toMatch(/^TOO_MANY_ATTEMPTS/);
    at(60);
    expect(outcome(await signIn(person.email, 'wrong again'))).toBe(NOT_RIGHT); // the 6th failure: 2 minutes
    at(61);
    expect(outcome(await signIn(person.email, person.password))).toBe('TOO_MANY_ATTEMPTS: Too many attempts. Try again in 2 minutes.');
    at(179);
    expect(outcome(await signIn(person.email, person.password))).toBe('TOO_MANY_ATTEMPTS: Too many attempts. Try again in 1 minute.');
    at(180);
    expect(outcome(await signIn(person.email, 'and again'))).toBe(NOT_RIGHT); // the 7th: 4 minutes
    at(181);
    expect(outcome(await signIn(person.email, person.password))).toBe('TOO_MANY_ATTEMPTS: Too many attempts. Try again in 4 minutes.');
    at(420);
    expect(outcome(await signIn(person.email, person.password))).toBe('OK');
    // forgotten: the next wrong password is just wrong, and the one after it too
    expect(outcome(await signIn(person.email, 'wrong'))).toBe(NOT_RIGHT);
    expect(outcome(await signIn(person.email, person.password))).toBe('OK');
  });

  it('backs off an address with no account exactly as one with an account, so the answer says nothing', async () => {
    const person = await aPerson(api.orm.em.fork());
    const run = async (email: string) => {
      const answers: string[] = [];
      for (let i = 0; i < 6; i++) {
        answers.push(outcome(await signIn(email, 'wrong')));
      }
      return answers;
    };
    expect(await run('no-such-account@example.org')).toEqual(await run(person.email));
  });

  it('limits failed sign-ins per IP address, across accounts, without stopping other addresses', async () => {
    const limited = await startTestApi({
      rateLimits: { ...api.app.get<symbol, AppConfig>(APP_CONFIG).rateLimits, SIGN_IN_PER_IP: { points: 3, seconds: 900 } },
    });
    try {
      const em = limited.orm.em.fork();
      const people = [await aPerson(em), await aPerson(em), await aPerson(em), await aPerson(em)];
      const from = (ip: string, p: { email: string }, password: string) =>
        gql(limited.url, SIGN_IN, { input: { email: p.email, password } }, undefined, { 'x-forwarded-for': ip });
      for (const p of people.slice(0, 3)) {
        expect(outcome(await from('203.0.113.7', p, 'wrong'))).toBe(NOT_RIGHT);
      }
      const fourth = people[3]!;
      expect(outcome(await from('203.0.113.7', fourth, fourth.password))).toMatch(
        /^TOO_MANY_ATTEMPTS: Too many attempts. Try again in 15 minutes\.$/,
      );
      expect(outcome(await from('203.0.113.8', fourth, fourth.password))).toBe('OK');
      // right passwords do not count against an IP address
      for (let i = 0; i < 5; i++) {
        expect(outcome(await from('203.0.113.9', fourth, fourth.password))).toBe('OK');
      }
    } finally {
      await limited.close();
    }
  });

  it('limits sign-in links and password resets per address (known or not) and per IP address', async () => {
    const person = await aPerson(api.orm.em.fork());
    for (const [query, name] of [
      [LINK, 'requestSignInLink'],
      [RESET, 'requestPasswordReset'],
    ] as const) {
      for (const email of [person.email, `unknown-${name}@example.org`]) {
        const answers: string[] = [];
        for (let i = 0; i < 6; i++) {
          answers.push(outcome(await gql(api.url, query, { input: { email } }, undefined, { 'x-forwarded-for': `192.0.2.${i}` })));
        }
        expect(answers).toEqual([...Array(5).fill('OK'), 'TOO_MANY_ATTEMPTS: Too many attempts. Try again in 60 minutes.']);
      }
    }

    const limited = await startTestApi({
      rateLimits: {
        ...api.app.get<symbol, AppConfig>(APP_CONFIG).rateLimits,
        SIGN_IN_LINK_PER_IP: { points: 2, seconds: 600 },
        PASSWORD_RESET_PER_IP: { points: 2, seconds: 600 },
      },
    });
    try {
      for (const query of [LINK, RESET]) {
        const answers: string[] = [];
        for (let i = 0; i < 3; i++) {
          answers.push(
            outcome(
              await gql(limited.url, query, { input: { email: `someone-${i}@example.org` } }, undefined, {
                'x-forwarded-for': '203.0.113.50',
              }),
            ),
          );
        }
        expect(answers).toEqual(['OK', 'OK', 'TOO_MANY_ATTEMPTS: Too many attempts. Try again in 10 minutes.']);
        const elsewhere = await gql(limited.url, query, { input: { email: 'someone-9@example.org' } }, undefined, {
          'x-forwarded-for': '203.0.113.51',
        });
        expect(outcome(elsewhere)).toBe('OK');
      }
    } finally {
      await limited.close();
    }
  });

  it('believes X-Forwarded-For only from a trusted proxy, so a browser cannot pick a new address for each try', async () => {
    const untrusted = await startTestApi({
      trustProxy: false,
      rateLimits: { ...api.app.get<symbol, AppConfig>(APP_CONFIG).rateLimits, SIGN_IN_LINK_PER_IP: { points: 1, seconds: 600 } },
    });
    try {
      const ask = (ip: string, i: number) =>
        gql(untrusted.url, LINK, { input: { email: `spoof-${i}@example.org` } }, undefined, { 'x-forwarded-for': ip });
      expect(outcome(await ask('203.0.113.60', 1))).toBe('OK');
      expect(outcome(await ask('203.0.113.61', 2))).toMatch(/^TOO_MANY_ATTEMPTS/);
    } finally {
      await untrusted.close();
    }
  });
});
