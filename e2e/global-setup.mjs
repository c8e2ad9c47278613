// End-to-end tests run against the whole system, started exactly as `npm start` starts it,
// but on a fresh database, with the built web app (adapter-node) and a local SMTP catcher.
import { startStack } from '../scripts/lib/stack.mjs';

export default async function globalSetup() {
  const stack = await startStack({ name: 'e2e', fresh: true, web: 'built', log: process.env.E2E_LOG === 'true' });
  process.env.E2E_WEB_URL = stack.webUrl;
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  process.env.E2E_MAIL_DIR = stack.mailDir;
  globalThis.__lhStack = stack;
}
