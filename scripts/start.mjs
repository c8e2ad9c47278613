// `npm start`: installs what is missing, then starts everything for development and demos.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Learning Hub needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
const installed = path.join(root, 'node_modules/.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(path.join(root, 'package-lock.json')).mtimeMs) {
  console.log('Installing dependencies (npm install)...');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.exit(r.status ?? 1);
  }
}

const { startStack } = await import('./lib/stack.mjs');
const { default: demo } = await import('../api/src/seed/demo-accounts.json', { with: { type: 'json' } });
const DEMO_PASSWORD = demo.password;
const DEMO_ACCOUNTS = demo.accounts;

const stack = await startStack({
  name: 'dev',
  web: 'dev',
  apiPort: Number(process.env.API_PORT ?? 3000),
  webPort: Number(process.env.WEB_PORT ?? 5173),
}).catch((e) => {
  console.error(`\nLearning Hub could not start: ${e.message}`);
  process.exit(1);
});

console.log(`
────────────────────────────────────────────────────────────
 Learning Hub is running:  ${stack.webUrl}
 GraphQL API:              ${stack.apiUrl}/graphql
 Mail sent by the app:     ${process.env.SMTP_URL ? process.env.SMTP_URL : `caught locally, saved in ${path.relative(root, stack.mailDir)}/`}

 Demo accounts (password: ${DEMO_PASSWORD})
${DEMO_ACCOUNTS.map((a) => `   ${a.role.padEnd(13)} ${a.email}`).join('\n')}

 Press Ctrl+C to stop.
────────────────────────────────────────────────────────────`);

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log('\nStopping...');
    await stack.stop();
    process.exit(0);
  });
}
