import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000337_notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "mail_kind" as enum ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED', 'PLACE_OFFERED', 'OFFER_EXPIRED', 'APPROVAL_REQUESTED', 'BOOKING_APPROVED', 'BOOKING_DECLINED', 'BOOKING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REMINDER', 'JOINING_INSTRUCTIONS');`);
    this.addSql(`create type "mail_status" as enum ('PENDING', 'SENT', 'FAILED', 'CANCELLED');`);
    this.addSql(`create type "invite_method" as enum ('REQUEST', 'CANCEL');`);
    this.addSql(`create table "outbox_message" ("id" uuid not null, "kind" "mail_kind" not null, "status" "mail_status" not null default 'PENDING', "to_email" varchar(320) not null, "to_name" varchar(200) not null, "subject" text not null, "text" text not null, "html" text not null, "ics" text null, "ics_method" "invite_method" null, "ics_uid" varchar(200) null, "ics_sequence" int null, "message_id" varchar(200) not null, "attempts" int not null default 0, "last_error" text null, "next_attempt_at" timestamptz not null, "sent_at" timestamptz null, "created_at" timestamptz not null default now(), "person_id" uuid null, "session_id" uuid null, "booking_id" uuid null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_message_ics_uid_index" on "outbox_message" ("ics_uid");`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_message_id_unique" unique ("message_id");`);
    this.addSql(`create index "outbox_message_person_id_index" on "outbox_message" ("person_id");`);
    this.addSql(`create index "outbox_message_session_id_index" on "outbox_message" ("session_id");`);
    this.addSql(`create index "outbox_message_booking_id_index" on "outbox_message" ("booking_id");`);
    this.addSql(`create index "outbox_message_due_idx" on "outbox_message" ("status", "next_attempt_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop type "mail_kind";`);
    this.addSql(`drop type "mail_status";`);
    this.addSql(`drop type "invite_method";`);
  }

}
