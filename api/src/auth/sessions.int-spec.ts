import { aPerson } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';
import { AuthSession } from './auth-session.entity';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;
const SECURITY = `{ myAccountSecurity { hasPassword passwordSignIn sessions { id browser method startedAt lastUsedAt thisDevice } } }`;
const SIGN_OUT_ONE = `mutation($id: ID!) { signOutSession(sessionId: $id) }`;
const SIGN_OUT_ALL = `mutation { signOutEverywhere }`;
const ME = `{ me { id } }`;

const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0';

interface Sessions {
  myAccountSecurity: {
    hasPassword: boolean;
    passwordSignIn: boolean;
    sessions: { id: string; browser: string; method: string; startedAt: string; lastUsedAt: string; thisDevice: boolean }[];
  };
}

describe('where you are signed in (real API, real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));

  const cookieFrom = (setCookie: string[]) => setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('lh_session='))!;
  const signInWith = async (p: { email: string; password: string }, userAgent: string) =>
    cookieFrom(
      (await gql(api.url, SIGN_IN, { input: { email: p.email, password: p.password } }, undefined, { 'user-agent': userAgent })).setCookie,
    );
  const signedIn = async (cookie: string) => !!(await gql<{ me: { id: string } | null }>(api.url, ME, {}, cookie)).data?.me;

  it('lists each live session with its browser, how it began, when it started and was last used, and marks this device', async () => {
    const person = await aPerson(api.orm.em.fork());
    const clock = api.app.get(Clock);
    clock.fixAt(new Date('2026-12-01T09:00:00Z'));
    const phone = await signInWith(person, CHROME_ANDROID);
    clock.fixAt(new Date('2026-12-01T09:30:00Z'));
    const laptop = await signInWith(person, FIREFOX_WINDOWS);

    clock.fixAt(new Date('2026-12-01T09:32:00Z'));
    const res = await gql<Sessions>(api.url, SECURITY, {}, laptop);
    expect(res.errors).toBeUndefined();
    expect(res.data!.myAccountSecurity).toMatchObject({ hasPassword: true, passwordSignIn: true });
    expect(res.data!.myAccountSecurity.sessions.map(({ id: _id, ...s }) => s)).toEqual([
      {
        browser: 'Firefox on Windows',
        method: 'PASSWORD',
        startedAt: '2026-12-01T09:30:00.000Z',
        lastUsedAt: '2026-12-01T09:30:00.000Z', // used again 2 minutes later: not written yet
        thisDevice: true,
      },
      {
        browser: 'Chrome on Android',
        method: 'PASSWORD',
        startedAt: '2026-12-01T09:00:00.000Z',
        lastUsedAt: '2026-12-01T09:00:00.000Z',
        thisDevice: false,
      },
    ]);

    // last used is written at most every 5 minutes
    clock.fixAt(new Date('2026-12-01T09:04:59Z'));
    await gql(api.url, ME, {}, phone);
    clock.fixAt(new Date('2026-12-01T09:05:00Z'));
    await gql(api.url, ME, {}, phone);
    clock.fixAt(new Date('2026-12-01T09:07:00Z'));
    await gql(api.url, ME, {}, phone);
    const phoneView = await gql<Sessions>(api.url, SECURITY, {}, phone);
    const mine = phoneView.data!.myAccountSecurity.sessions.find((s) => s.thisDevice)!;
    expect(mine).toMatchObject({ browser: 'Chrome on Android', lastUsedAt: '2026-12-01T09:05:00.000Z' });
  });

  it('signs out of one other session, never of someone else’s', async () => {
    const person = await aPerson(api.orm.em.fork());
    const other = await aPerson(api.orm.em.fork());
    const here = await signInAs(api.url, person);
    const there = await signInAs(api.url, person);
    const theirs = await signInAs(api.url, other);

    const list = await gql<Sessions>(api.url, SECURITY, {}, here);
    const target = list.data!.myAccountSecurity.sessions.find((s) => !s.thisDevice)!;
    const theirSession = (await api.orm.em.fork().findOneOrFail(AuthSession, { person: other.id })).publicId;

    const refused = await gql(api.url, SIGN_OUT_ONE, { id: theirSession }, here);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await signedIn(theirs)).toBe(true);

    expect((await gql(api.url, SIGN_OUT_ONE, { id: target.id }, here)).data).toEqual({ signOutSession: true });
    expect(await signedIn(there)).toBe(false);
    expect(await signedIn(here)).toBe(true);
    expect((await gql<Sessions>(api.url, SECURITY, {}, here)).data!.myAccountSecurity.sessions).toHaveLength(1);
  });

  it('signs out everywhere, this device included', async () => {
    const person = await aPerson(api.orm.em.fork());
    const other = await aPerson(api.orm.em.fork());
    const cookies = [await signInAs(api.url, person), await signInAs(api.url, person), await signInAs(api.url, person)];
    const theirs = await signInAs(api.url, other);
    const res = await gql(api.url, SIGN_OUT_ALL, {}, cookies[0]);
    expect(res.data).toEqual({ signOutEverywhere: true });
    expect(res.setCookie.join(';')).toMatch(/lh_session=;/);
    for (const cookie of cookies) {
      expect(await signedIn(cookie)).toBe(false);
    }
    expect(await signedIn(theirs)).toBe(true);
  });
});
