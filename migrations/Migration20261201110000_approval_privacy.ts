import { Migration } from '@mikro-orm/migrations';

export class Migration20261201110000_approval_privacy extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "mail_kind" add value if not exists 'APPROVAL_PENDING';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'APPROVAL_DECIDED';`);
    this.addSql(`alter table "person" add column "line_manager_email" varchar(320) null;`);
    this.addSql(`alter table "agency" add column "email_domains" text[] not null default '{}', add column "manager_email_on_domains" boolean not null default false;`);
    this.addSql(`alter table "booking_event" add column "actor_email" varchar(320) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "booking_event" drop column "actor_email";`);
    this.addSql(`alter table "agency" drop column "email_domains", drop column "manager_email_on_domains";`);
    this.addSql(`alter table "person" drop column "line_manager_email";`);
    // PostgreSQL cannot drop an enum value: rebuild the type without the two, after removing their mail.
    this.addSql(`delete from "outbox_message" where "kind"::text in ('APPROVAL_PENDING', 'APPROVAL_DECIDED');`);
    this.addSql(`alter type "mail_kind" rename to "mail_kind_old";`);
    this.addSql(`create type "mail_kind" as enum ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED', 'PLACE_OFFERED', 'OFFER_EXPIRED', 'APPROVAL_REQUESTED', 'BOOKING_APPROVED', 'BOOKING_DECLINED', 'BOOKING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REMINDER', 'JOINING_INSTRUCTIONS');`);
    this.addSql(`alter table "outbox_message" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`drop type "mail_kind_old";`);
  }

}
