import { Migration } from '@mikro-orm/migrations';

/** Agency administration: agency names are unique whatever their case. */
export class Migration20261201153000_agencies_admin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "agency" drop constraint "agency_name_unique";`);
    this.addSql(`create unique index "agency_name_lower_unique" on "agency" (lower("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "agency_name_lower_unique";`);
    this.addSql(`alter table "agency" add constraint "agency_name_unique" unique ("name");`);
  }
}
