import { PersonStatus, Role } from '@lh/domain';
import { Person } from '../people/person.entity';
import { aPerson } from '../../test/builders';
import { gql, startTestApi, type TestApi } from '../../test/test-db';
import { AuthSession } from './auth-session.entity';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id name roles } }`;
const ME = `{ me { id email roles } }`;

describe('sign-in (real API, real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const cookieFrom = (setCookie: string[]) => setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('lh_session='))!;

  it('signs in with email and password and sets an httpOnly SameSite cookie', async () => {
    const em = api.orm.em.fork();
    const person = await aPerson(em, { email: 'Asha.Patel@Example.org', roles: [Role.TRAINER, Role.PRACTITIONER] });

    const res = await gql<{ signIn: { id: string; roles: string[] } }>(api.url, SIGN_IN, {
      input: { email: '  asha.patel@example.org ', password: person.password },
    });

    expect(res.errors).toBeUndefined();
    expect(res.data?.signIn).toEqual({ id: person.id, name: person.name, roles: ['TRAINER', 'PRACTITIONER'] });
    const cookie = res.setCookie.find((c) => c.startsWith('lh_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);

    const me = await gql<{ me: { id: string } }>(api.url, ME, {}, cookieFrom(res.setCookie));
    expect(me.data?.me).toEqual({ id: person.id, email: 'asha.patel@example.org', roles: ['TRAINER', 'PRACTITIONER'] });
  });

  it('stores only a hash of the session token', async () => {
    const em = api.orm.em.fork();
    const person = await aPerson(em);
    const res = await gql(api.url, SIGN_IN, { input: { email: person.email, password: person.password } });
    const token = cookieFrom(res.setCookie).split('=')[1]!;
    const sessions = await api.orm.em.fork().find(AuthSession, { person: person.id });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sessions[0]!.tokenHash).not.toContain(token);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const em = api.orm.em.fork();
    const person = await aPerson(em);
    const wrongPassword = await gql(api.url, SIGN_IN, { input: { email: person.email, password: 'not-it' } });
    const unknownEmail = await gql(api.url, SIGN_IN, { input: { email: 'nobody@example.org', password: 'not-it' } });
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
      expect(res.errors?.[0]?.message).toBe('The email address or password is not right. Check them and try again.');
      expect(res.setCookie.some((c) => c.startsWith('lh_session='))).toBe(false);
    }
  });

  it('names a malformed email', async () => {
    const res = await gql(api.url, SIGN_IN, { input: { email: 'not-an-email', password: 'x' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.email', message: 'Enter an email address in the correct format, like name@example.org' },
    ]);
  });

  it('signs out: the old cookie no longer works', async () => {
    const em = api.orm.em.fork();
    const person = await aPerson(em);
    const res = await gql(api.url, SIGN_IN, { input: { email: person.email, password: person.password } });
    const cookie = cookieFrom(res.setCookie);
    const out = await gql<{ signOut: boolean }>(api.url, `mutation { signOut }`, {}, cookie);
    expect(out.data?.signOut).toBe(true);
    expect(out.setCookie.join(';')).toMatch(/lh_session=;/);
    const me = await gql<{ me: null }>(api.url, ME, {}, cookie);
    expect(me.data?.me).toBeNull();
  });

  it('refuses an expired session', async () => {
    const em = api.orm.em.fork();
    const person = await aPerson(em);
    const res = await gql(api.url, SIGN_IN, { input: { email: person.email, password: person.password } });
    await api.orm.em.fork().nativeUpdate(AuthSession, { person: person.id }, { expiresAt: new Date(Date.now() - 1000) });
    const me = await gql<{ me: null }>(api.url, ME, {}, cookieFrom(res.setCookie));
    expect(me.data?.me).toBeNull();
  });

  it('keeps a session in use alive: extended once past half its life, and its last use noted every few minutes, not on every request', async () => {
    const em = api.orm.em.fork();
    const person = await aPerson(em, { agency: undefined });
    const res = await gql(api.url, SIGN_IN, { input: { email: person.email, password: person.password } });
    const cookie = cookieFrom(res.setCookie);
    const session = () => api.orm.em.fork().findOneOrFail(AuthSession, { person: person.id });
    const hour = 3_600_000;
    // an hour from its end and last used an hour ago: the next request extends it and notes its use
    const soon = new Date(Date.now() + hour);
    const anHourAgo = new Date(Date.now() - hour);
    await api.orm.em.fork().nativeUpdate(AuthSession, { person: person.id }, { expiresAt: soon, lastUsedAt: anHourAgo });
    const me = await gql<{ me: { id: string; roles: string[] } }>(api.url, ME, {}, cookie);
    expect(me.data?.me).toMatchObject({ id: person.id, roles: ['PRACTITIONER'] });
    const used = await session();
    expect(used.expiresAt.getTime()).toBeGreaterThan(Date.now() + 2 * hour);
    expect(used.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // used again straight away: nothing to write (still well within its life, last use just noted)
    const noted = new Date(Date.now() - 30_000);
    await api.orm.em.fork().nativeUpdate(AuthSession, { person: person.id }, { lastUsedAt: noted });
    await gql(api.url, ME, {}, cookie);
    expect((await session()).lastUsedAt!.getTime()).toBe(noted.getTime());
    expect((await session()).expiresAt.getTime()).toBe(used.expiresAt.getTime());
  });

  it('lets only active accounts sign in, says why after the right password, and ends the sessions of an account that is closed', async () => {
    const em = api.orm.em.fork();
    const cases: [PersonStatus, RegExp][] = [
      [PersonStatus.UNVERIFIED, /Confirm your email address first/],
      [PersonStatus.PENDING_APPROVAL, /waiting for the training team to approve/],
      [PersonStatus.REFUSED, /not approved/],
      [PersonStatus.DEACTIVATED, /account has been closed/],
    ];
    for (const [status, message] of cases) {
      const person = await aPerson(em, { status });
      const wrong = await gql(api.url, SIGN_IN, { input: { email: person.email, password: 'not-it' } });
      expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
      const right = await gql(api.url, SIGN_IN, { input: { email: person.email, password: person.password } });
      expect(right.errors?.[0]?.extensions?.code).toBe('ACCOUNT_NOT_ACTIVE');
      expect(right.errors?.[0]?.message).toMatch(message);
      expect(right.setCookie.some((c) => c.startsWith('lh_session='))).toBe(false);
    }

    const leaver = await aPerson(em);
    const res = await gql(api.url, SIGN_IN, { input: { email: leaver.email, password: leaver.password } });
    await api.orm.em.fork().nativeUpdate(Person, { id: leaver.id }, { status: PersonStatus.DEACTIVATED });
    const me = await gql<{ me: null }>(api.url, ME, {}, cookieFrom(res.setCookie));
    expect(me.data?.me).toBeNull();
  });
});
