// A real OpenID Connect provider (the oidc-provider package) on loopback, for single sign-on in
// development (`npm start`) and in the tests. Its sign-in page accepts any email address with any
// password; the ID token then carries that address as `email` and, for addresses on a domain listed in
// `tenants`, a Microsoft Entra style `tid` claim, so multi-tenant rules can be tried without Microsoft.
// Addresses starting "unverified." come with `email_verified: false`. Development and tests only.
import Provider from 'oidc-provider';
import { createServer } from 'node:http';

/**
 * @param {object} o
 * @param {{ client_id: string, client_secret: string, redirect_uris: string[] }[]} o.clients
 * @param {Record<string, string>} [o.tenants]   email domain → tenant id put in the `tid` claim
 * @param {number} [o.port]
 * @param {number} [o.codeTtlSeconds]             how long an authorization code works (default 60)
 * @param {boolean} [o.quiet]                    leave out the library's development-only warnings
 */
export async function startOidcProvider({ clients, tenants = {}, port = 0, codeTtlSeconds = 60, quiet = false }) {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const warn = console.warn;
  if (quiet) {
    console.warn = () => {};
  }
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({ grant_types: ['authorization_code'], response_types: ['code'], ...c })),
    pkce: { required: () => true },
    ttl: { AuthorizationCode: codeTtlSeconds, Session: 3600, Interaction: 600, Grant: 3600, IdToken: 600, AccessToken: 600 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'tid'] },
    features: { devInteractions: { enabled: true } },
    // Like Microsoft Entra: the claims asked for are in the ID token itself.
    conformIdTokenClaims: false,
    cookies: { keys: ['learning-hub-test-provider-cookie-key'] },
    // First-party client: no consent screen, the grant is given at sign-in.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, id) {
      const email = String(id).trim().toLowerCase();
      const domain = email.split('@')[1] ?? '';
      const local = email.split('@')[0] ?? email;
      const name = local
        .replace(/^unverified\./, '')
        .split(/[._-]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join(' ');
      return {
        accountId: email,
        async claims() {
          return {
            sub: `sub-${email}`,
            email,
            email_verified: !local.startsWith('unverified.'),
            name,
            ...(tenants[domain] ? { tid: tenants[domain] } : {}),
          };
        },
      };
    },
  });
  console.warn = warn;
  // The library warns about its development-only views; in this role that is the point.
  provider.on('server_error', (_ctx, err) => console.error('test OpenID provider:', err));
  server.on('request', provider.callback());
  return {
    issuer,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
