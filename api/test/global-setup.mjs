// Integration tests: one embedded PostgreSQL for the run, one migrated template database;
// each test file copies it (CREATE DATABASE ... TEMPLATE) so files never share data.
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgres } from '../../scripts/lib/postgres.mjs';
import { runTs } from '../../scripts/lib/processes.mjs';

export default async function globalSetup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lh-int-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as user `postgres`, who must reach the data dir
  const pg = await startPostgres({ databaseDir: path.join(dir, 'pg'), persistent: false });
  await pg.createDatabase('lh_template');
  await runTs('api/src/db/migrate-cli.ts', ['up'], { env: { DATABASE_URL: pg.url('lh_template') }, quiet: true });
  process.env.LH_TEST_PG_ADMIN_URL = pg.url('postgres');
  process.env.LH_TEST_PG_TEMPLATE = 'lh_template';
  globalThis.__lhPostgres = pg;
}
