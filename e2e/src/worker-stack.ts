// Runs before each e2e spec file (jest setupFiles): points it at its worker's own stack (e2e/global-setup.mjs),
// through the variables the specs read: E2E_WEB_URL, E2E_API_URL, E2E_DATABASE_URL and E2E_MAIL_DIR.
const stacks = JSON.parse(process.env.E2E_STACKS ?? '[]') as { webUrl: string; apiUrl: string; databaseUrl: string; mailDir: string }[];
if (stacks.length) {
  const stack = stacks[(Number(process.env.JEST_WORKER_ID ?? '1') - 1) % stacks.length]!;
  process.env.E2E_WEB_URL = stack.webUrl;
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  process.env.E2E_MAIL_DIR = stack.mailDir;
}
