import { Migration } from '@mikro-orm/migrations';

/**
 * When each mail first fell due (`due_at`), which retries never move: one person's mails go out in this
 * order. Mail already queued takes its next attempt time, the best that is known.
 */
export class Migration20261203008000_mail_due_at extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_message" add column "due_at" timestamptz not null default now();`);
    this.addSql(`update "outbox_message" set "due_at" = "next_attempt_at";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox_message" drop column "due_at";`);
  }
}
