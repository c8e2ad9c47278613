// End-to-end tests run against the whole system, started exactly as `npm start` starts it,
// but on a fresh database, with the built web app (adapter-node) and a local SMTP catcher.
// One stack per Jest worker (`--maxWorkers`; one with `--runInBand`): the spec files a worker runs use its
// stack only (e2e/src/worker-stack.ts), so files running at the same time never share data, mail or the
// demo trainer's diary. Within a worker, files run one after another, as they would in band.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startStack } from '../scripts/lib/stack.mjs';
import { root } from '../scripts/lib/processes.mjs';

/** @param {import('jest').Config.GlobalConfig} globalConfig */
export default async function globalSetup(globalConfig) {
  const count = globalConfig.runInBand ? 1 : Math.max(1, globalConfig.maxWorkers);
  const log = process.env.E2E_LOG === 'true';
  const started = await Promise.allSettled(
    Array.from({ length: count }, (_, i) => {
      // each stack's API and web logs are kept, for global teardown to check they hold no personal data
      const logDir = path.join(root, '.data', `logs-e2e-${i + 1}-${process.pid}`);
      mkdirSync(logDir, { recursive: true });
      return startStack({ name: `e2e-${i + 1}`, fresh: true, web: 'built', log, logDir });
    }),
  );
  const stacks = started.filter((s) => s.status === 'fulfilled').map((s) => s.value);
  globalThis.__lhStacks = stacks;
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(stacks.map((s) => s.stop()));
    throw failed.reason;
  }
  process.env.E2E_STACKS = JSON.stringify(
    stacks.map((s) => ({ webUrl: s.webUrl, apiUrl: s.apiUrl, databaseUrl: s.databaseUrl, mailDir: s.mailDir })),
  );
}
