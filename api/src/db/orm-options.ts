import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import path from 'node:path';
import { entities } from './entities';

const migrationsPath = path.resolve(__dirname, '../../../migrations');

/** MikroORM options for a database URL: the single definition used by the app, migrations, seed and tests. */
export function ormOptions(databaseUrl: string, opts: { debug?: boolean } = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    debug: opts.debug ?? false,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: 10 },
    migrations: {
      path: migrationsPath,
      pathTs: migrationsPath,
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      snapshot: false,
      silent: true,
      fileName: (timestamp, name) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
  });
}
