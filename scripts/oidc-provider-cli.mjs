// Starts the loopback OpenID provider (scripts/lib/oidc-provider.mjs) from a JSON argument and prints
// "ready <issuer>" when it listens. Used by integration tests, which run as CommonJS under Jest.
import { startOidcProvider } from './lib/oidc-provider.mjs';

const options = JSON.parse(process.argv[2] ?? '{}');
const p = await startOidcProvider(options);
process.stdout.write(`ready ${p.issuer}\n`);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => p.stop().then(() => process.exit(0)));
}
