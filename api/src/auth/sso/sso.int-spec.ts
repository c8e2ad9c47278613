import { AgencySector, PersonStatus } from '@lh/domain';
import { anAgency, aPerson } from '../../../test/builders';
import { startTestOidcProvider, TEST_CLIENT, type TestOidcProvider } from '../../../test/oidc-provider';
import { gql, startTestApi, type TestApi } from '../../../test/test-db';
import { Person } from '../../people/person.entity';
import { AuthSession } from '../auth-session.entity';
import { AuditEntry } from '../../audit/audit-entry.entity';

const START = `mutation($next: String) { startSingleSignOn(next: $next) { authorizationUrl state } }`;
const FINISH = `mutation($q: String!, $s: String!) { finishSingleSignOn(callbackQuery: $q, state: $s) { next me { id email name roles agencyId } } }`;
const ME = `{ me { id email } }`;
const NHS_TENANT = '6f1d2a8e-3b4c-4d5e-8f90-1a2b3c4d5e6f';
const OTHER_TENANT = '0a0b0c0d-1111-2222-3333-444455556666';
const WEB = 'http://localhost:5173';

type Finish = { finishSingleSignOn: { next: string; me: { id: string; email: string; name: string; agencyId: string | null } } };

describe('single sign-on against a real OpenID provider on loopback', () => {
  let provider: TestOidcProvider;
  let slowProvider: TestOidcProvider;
  let api: TestApi;
  let nhsId: string;

  beforeAll(async () => {
    const redirectUri = `${WEB}/sign-in/sso/callback`;
    const tenants = { 'nhs.example': NHS_TENANT, 'elsewhere.example': OTHER_TENANT };
    provider = await startTestOidcProvider({ redirectUri, tenants });
    api = await startTestApi({
      webOrigin: WEB,
      sso: {
        issuer: provider.issuer,
        clientId: TEST_CLIENT.client_id,
        clientSecret: TEST_CLIENT.client_secret,
        scopes: 'openid email profile',
        buttonLabel: 'Sign in with NHS mail',
      },
    });
    const em = api.orm.em.fork();
    const nhs = await anAgency(em, { name: 'Northshire NHS Trust', sector: AgencySector.HEALTH });
    nhs.ssoTenantIds = [NHS_TENANT];
    nhs.emailDomains = ['nhs.example'];
    const school = await anAgency(em, { name: 'Northshire Schools', sector: AgencySector.EDUCATION });
    school.emailDomains = ['school.example'];
    await em.flush();
    nhsId = nhs.id;
    slowProvider = await startTestOidcProvider({ redirectUri, tenants, codeTtlSeconds: 1 });
  });
  afterAll(async () => {
    await api?.close();
    await provider?.stop();
    await slowProvider?.stop();
  });

  async function signIn(email: string, next = '/bookings') {
    const start = await gql<{ startSingleSignOn: { authorizationUrl: string; state: string } }>(api.url, START, { next });
    expect(start.errors).toBeUndefined();
    const { authorizationUrl, state } = start.data!.startSingleSignOn;
    const query = await provider.signInAt(authorizationUrl, email);
    return { state, query, finish: (q = query, s = state) => gql<Finish>(api.url, FINISH, { q, s }) };
  }

  const cookieOf = (setCookie: string[]) => setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('lh_session='));

  it('says whether it is set up, with the words for the button', async () => {
    const res = await gql<{ singleSignOn: unknown }>(api.url, `{ singleSignOn { enabled buttonLabel } }`);
    expect(res.data!.singleSignOn).toEqual({ enabled: true, buttonLabel: 'Sign in with NHS mail' });
  });

  it('sends PKCE, state and nonce, creates an account in the agency of the tenant on first sign-in, and signs in', async () => {
    const { authorizationUrl } = (await gql<{ startSingleSignOn: { authorizationUrl: string } }>(api.url, START, {})).data!
      .startSingleSignOn;
    const params = new URL(authorizationUrl).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('redirect_uri')).toBe(`${WEB}/sign-in/sso/callback`);

    const { finish } = await signIn('amara.okafor@nhs.example');
    const res = await finish();
    expect(res.errors).toBeUndefined();
    expect(res.data!.finishSingleSignOn).toMatchObject({
      next: '/bookings',
      me: { email: 'amara.okafor@nhs.example', name: 'Amara Okafor', agencyId: nhsId },
    });
    const me = await gql<{ me: { email: string } }>(api.url, ME, {}, cookieOf(res.setCookie));
    expect(me.data!.me.email).toBe('amara.okafor@nhs.example');
    const person = await api.orm.em.fork().findOneOrFail(Person, { email: 'amara.okafor@nhs.example' });
    expect(person.status).toBe(PersonStatus.ACTIVE);
    expect(person.emailVerifiedAt).not.toBeNull();
    const sessions = await api.orm.em.fork().find(AuthSession, { person: person.id });
    expect(sessions.map((s) => s.method)).toEqual(['SSO']);
  });

  it('links to an existing account through a verified address, and finds it again by the identity after', async () => {
    const existing = await aPerson(api.orm.em.fork(), { email: 'ben.carter@nhs.example' });
    const first = await (await signIn('ben.carter@nhs.example')).finish();
    expect(first.data!.finishSingleSignOn.me.id).toBe(existing.id);
    const stored = await api.orm.em.fork().findOneOrFail(Person, existing.id);
    expect(stored.ssoSubject).toBe(`${provider.issuer} sub-ben.carter@nhs.example`);
    const again = await (await signIn('ben.carter@nhs.example')).finish();
    expect(again.data!.finishSingleSignOn.me.id).toBe(existing.id);
    // each sign-in by single sign-on is in the audit log, with the provider
    const audited = await api.orm.em.fork().find(AuditEntry, { subjectPersonId: existing.id }, { orderBy: { at: 'asc' } });
    expect(audited.map((e) => [e.action, e.actorId, e.after])).toEqual([
      ['SINGLE_SIGN_ON', existing.id, { email: 'ben.carter@nhs.example', provider: provider.issuer }],
      ['SINGLE_SIGN_ON', existing.id, { email: 'ben.carter@nhs.example', provider: provider.issuer }],
    ]);
  });

  it('does not link to an existing account when the provider has not verified the address', async () => {
    await aPerson(api.orm.em.fork(), { email: 'unverified.cara@school.example' });
    const res = await (await signIn('unverified.cara@school.example')).finish();
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(res.errors?.[0]?.message).toMatch(/An account already uses unverified.cara@school.example/);
    expect(cookieOf(res.setCookie)).toBeUndefined();
    const person = await api.orm.em.fork().findOneOrFail(Person, { email: 'unverified.cara@school.example' });
    expect(person.ssoSubject).toBeNull();
    expect(await api.orm.em.fork().count(AuditEntry, { subjectPersonId: person.id })).toBe(0);
  });

  it('refuses a token from a tenant no agency accepts, and creates nothing', async () => {
    const res = await (await signIn('dan@elsewhere.example')).finish();
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(res.errors?.[0]?.message).toContain(`tenant ${OTHER_TENANT}`);
    expect(await api.orm.em.fork().count(Person, { email: 'dan@elsewhere.example' })).toBe(0);
  });

  it("puts a first sign-in with no agency found in the coordinators' queue", async () => {
    const res = await (await signIn('eve@unknown.example')).finish();
    expect(res.errors?.[0]?.extensions?.code).toBe('ACCOUNT_NOT_ACTIVE');
    expect(res.errors?.[0]?.message).toMatch(/waiting for the training team to approve/);
    const person = await api.orm.em.fork().findOneOrFail(Person, { email: 'eve@unknown.example' });
    expect(person.status).toBe(PersonStatus.PENDING_APPROVAL);
  });

  it('refuses a tampered state, a state from another browser, and an answer used twice', async () => {
    const { state, query, finish } = await signIn('fay@nhs.example');
    const tampered = query.replace(/state=[^&]+/, 'state=not-the-state-we-sent-at-all');
    const bad = await finish(tampered, 'not-the-state-we-sent-at-all');
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    const otherBrowser = await finish(query, `${state}x`);
    expect(otherBrowser.errors?.[0]?.message).toMatch(/not started in this browser/);
    expect((await finish()).errors).toBeUndefined();
    const twice = await finish();
    expect(twice.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    expect(cookieOf(twice.setCookie)).toBeUndefined();
  });

  it('refuses an expired code', async () => {
    // the same client at a provider whose codes last one second
    const slowApi = await startTestApi({
      webOrigin: WEB,
      sso: {
        issuer: slowProvider.issuer,
        clientId: TEST_CLIENT.client_id,
        clientSecret: TEST_CLIENT.client_secret,
        scopes: 'openid email profile',
        buttonLabel: 'x',
      },
    });
    try {
      const start = (await gql<{ startSingleSignOn: { authorizationUrl: string; state: string } }>(slowApi.url, START, {})).data!
        .startSingleSignOn;
      const query = await slowProvider.signInAt(start.authorizationUrl, 'gus@nhs.example');
      await new Promise((r) => setTimeout(r, 2500));
      const res = await gql<Finish>(slowApi.url, FINISH, { q: query, s: start.state });
      expect(res.errors?.[0]?.extensions?.code).toBe('TOKEN_EXPIRED');
      expect(res.errors?.[0]?.message).toMatch(/had expired or was already used/);
    } finally {
      await slowApi.close();
    }
  });
});
