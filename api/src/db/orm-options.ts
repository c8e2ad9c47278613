import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import path from 'node:path';
import { entities } from './entities';

const migrationsPath = path.resolve(__dirname, '../../../migrations');

/** MikroORM options for a database URL: the single definition used by the app, migrations, seed and tests. */
export function ormOptions(databaseUrl: string, opts: { debug?: boolean; poolSize?: number; waitSeconds?: number } = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    debug: opts.debug ?? false,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    // a request that cannot get a connection in time fails with "busy, try again" (graphql-errors.ts), not a long hang
    pool: { min: 0, max: opts.poolSize ?? 10, acquireTimeoutMillis: (opts.waitSeconds ?? 30) * 1000 },
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
