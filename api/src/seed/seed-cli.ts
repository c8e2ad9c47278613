/**
 * Loads the demo data once: does nothing when the database already holds agencies.
 *   node -r @swc-node/register api/src/seed/seed-cli.ts
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config/config';
import { ormOptions } from '../db/orm-options';
import { Agency } from '../people/agency.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './demo-data';

/** Any fixed number: stops two seeders started at once from both loading the data. */
const SEED_LOCK_KEY = 7316052;

async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await MikroORM.init(ormOptions(config.databaseUrl));
  try {
    const summary = await orm.em.fork().transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
      if ((await em.count(Agency)) > 0) {
        return null;
      }
      return seedDemoData(em);
    });
    if (!summary) {
      console.log('Demo data already loaded');
      return;
    }
    console.log('Loaded demo data:');
    for (const [what, count] of Object.entries(summary)) {
      console.log(`  ${what}: ${count}`);
    }
    console.log(`Sign in with password ${DEMO_PASSWORD} as:`);
    for (const a of DEMO_ACCOUNTS) {
      console.log(`  ${a.role}: ${a.email}`);
    }
  } finally {
    await orm.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
