/**
 * Migrations from the command line:
 *   migrate-cli up             apply pending migrations (nx run api:migrate, npm run migrate)
 *   migrate-cli down           undo the last migration
 *   migrate-cli create [name]  write a new migration from the difference between entities and the database
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config/config';
import { ormOptions } from './orm-options';

async function main(): Promise<void> {
  const [command = 'up', name] = process.argv.slice(2);
  const config = loadConfig();
  const orm = await MikroORM.init(ormOptions(config.databaseUrl));
  try {
    const migrator = orm.getMigrator();
    switch (command) {
      case 'up': {
        const done = await migrator.up();
        console.log(done.length ? `Applied ${done.map((m) => m.name).join(', ')}` : 'Database is up to date');
        break;
      }
      case 'down': {
        const done = await migrator.down();
        console.log(done.length ? `Reverted ${done.map((m) => m.name).join(', ')}` : 'Nothing to revert');
        break;
      }
      case 'create': {
        const result = await migrator.createMigration(undefined, false, false, name);
        console.log(result.fileName ? `Wrote migrations/${result.fileName}` : 'No changes: entities match the database');
        break;
      }
      default:
        throw new Error(`Unknown command "${command}": use up, down or create`);
    }
  } finally {
    await orm.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
