import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../../test/test-db';
import { ormOptions } from './orm-options';

describe('migrations', () => {
  it('go down to an empty database and up again', async () => {
    const orm = await MikroORM.init(ormOptions(await createTestDatabase()));
    try {
      const tables = async () =>
        (
          await orm.em
            .getConnection()
            .execute<{ table_name: string }[]>(`select table_name from information_schema.tables where table_schema = 'public' order by 1`)
        ).map((r) => r.table_name);

      expect(await tables()).toEqual(expect.arrayContaining(['agency', 'person', 'course', 'session', 'session_part', 'booking']));
      const migrator = orm.getMigrator();
      await migrator.down({ to: 0 });
      expect(await tables()).toEqual(['mikro_orm_migrations']);
      await migrator.up();
      expect(await migrator.getPendingMigrations()).toEqual([]);
      expect(await tables()).toEqual(expect.arrayContaining(['agency', 'person', 'course', 'session', 'session_part', 'booking']));
      // entities and migrations agree: nothing left to generate
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close();
    }
  });
});
