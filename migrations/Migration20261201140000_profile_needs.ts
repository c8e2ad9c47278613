import { Migration } from '@mikro-orm/migrations';

export class Migration20261201140000_profile_needs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "person" add column "access_needs" text null, add column "dietary_needs" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "person" drop column "access_needs", drop column "dietary_needs";`);
  }

}
