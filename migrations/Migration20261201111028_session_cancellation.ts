import { Migration } from '@mikro-orm/migrations';

export class Migration20261201111028_session_cancellation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "session" add column "cancelled_at" timestamptz null, add column "cancellation_reason" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "session" drop column "cancelled_at", drop column "cancellation_reason";`);
  }

}
