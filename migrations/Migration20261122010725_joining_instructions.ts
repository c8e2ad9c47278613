import { Migration } from '@mikro-orm/migrations';

export class Migration20261122010725_joining_instructions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "session" add column "joining_instructions" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "session" drop column "joining_instructions";`);
  }

}
