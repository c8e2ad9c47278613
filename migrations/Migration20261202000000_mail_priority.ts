import { Migration } from '@mikro-orm/migrations';

/** Mail priority: sign-in and confirmation links go before the batches a sign-off or a reminder run queues. */
export class Migration20261202000000_mail_priority extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_message" add column "priority" smallint not null default 1;`);
    // mail already waiting takes its kind's priority; the default (PERSONAL) is for rows written by hand (MailPriority in libs/domain/src/mail.ts)
    this.addSql(`update "outbox_message" set "priority" = case when kind::text in ('ACCOUNT_VERIFY', 'ACCOUNT_EXISTS', 'SIGN_IN_LINK', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'ACCOUNT_INVITED', 'WALK_IN_ADDED') then 0 when kind::text in ('REMINDER', 'JOINING_INSTRUCTIONS', 'NON_ATTENDANCE', 'NON_ATTENDANCE_MANAGER_COPY', 'CERTIFICATE_ISSUED', 'CERTIFICATE_REVOKED', 'TRAINING_DUE', 'TRAINING_OVERDUE', 'SURVEY_INVITATION', 'SURVEY_REMINDER', 'SURVEY_MANAGER_INVITATION') then 2 else 1 end;`);
    this.addSql(`drop index "outbox_message_due_idx";`);
    this.addSql(`create index "outbox_message_due_idx" on "outbox_message" ("status", "priority", "next_attempt_at", "created_at");`);
    // a mail waits for an earlier one to the same address (one person's mails arrive in order)
    this.addSql(`create index "outbox_message_recipient_idx" on "outbox_message" ("to_email", "status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "outbox_message_recipient_idx";`);
    this.addSql(`drop index "outbox_message_due_idx";`);
    this.addSql(`create index "outbox_message_due_idx" on "outbox_message" ("status", "next_attempt_at");`);
    this.addSql(`alter table "outbox_message" drop column "priority";`);
  }

}
