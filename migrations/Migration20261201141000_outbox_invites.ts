import { Migration } from '@mikro-orm/migrations';

/** A mail carries any number of invites (one per session part; a move's new invites and old cancellations together). */
export class Migration20261201141000_outbox_invites extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outbox_invite" ("id" uuid not null, "message_id" uuid not null, "position" int not null, "ics" text not null, "method" "invite_method" not null, "uid" varchar(200) not null, "sequence" int not null, constraint "outbox_invite_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_invite_uid_index" on "outbox_invite" ("uid");`);
    this.addSql(`alter table "outbox_invite" add constraint "outbox_invite_message_id_position_unique" unique ("message_id", "position");`);
    this.addSql(`alter table "outbox_invite" add constraint "outbox_invite_message_id_foreign" foreign key ("message_id") references "outbox_message" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "outbox_invite" ("id", "message_id", "position", "ics", "method", "uid", "sequence") select gen_random_uuid(), "id", 0, "ics", "ics_method", "ics_uid", coalesce("ics_sequence", 0) from "outbox_message" where "ics" is not null and "ics_method" is not null and "ics_uid" is not null;`);
    this.addSql(`drop index if exists "outbox_message_ics_uid_index";`);
    this.addSql(`alter table "outbox_message" drop column "ics", drop column "ics_method", drop column "ics_uid", drop column "ics_sequence";`);
    this.addSql(`alter type "mail_kind" add value if not exists 'BOOKING_MOVED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox_message" add column "ics" text null, add column "ics_method" "invite_method" null, add column "ics_uid" varchar(200) null, add column "ics_sequence" int null;`);
    this.addSql(`create index "outbox_message_ics_uid_index" on "outbox_message" ("ics_uid");`);
    // one invite per mail before: keep each mail's first
    this.addSql(`update "outbox_message" m set "ics" = i."ics", "ics_method" = i."method", "ics_uid" = i."uid", "ics_sequence" = i."sequence" from "outbox_invite" i where i."message_id" = m."id" and i."position" = 0;`);
    this.addSql(`drop table "outbox_invite";`);
    // PostgreSQL cannot drop an enum value: rebuild the type without it, after removing its mail.
    this.addSql(`delete from "outbox_message" where "kind"::text = 'BOOKING_MOVED';`);
    this.addSql(`alter type "mail_kind" rename to "mail_kind_old";`);
    this.addSql(`create type "mail_kind" as enum ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED', 'PLACE_OFFERED', 'OFFER_EXPIRED', 'APPROVAL_REQUESTED', 'BOOKING_APPROVED', 'BOOKING_DECLINED', 'BOOKING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REMINDER', 'JOINING_INSTRUCTIONS', 'APPROVAL_PENDING', 'APPROVAL_DECIDED', 'ACCOUNT_VERIFY', 'ACCOUNT_EXISTS', 'SIGN_IN_LINK', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'REGISTRATION_APPROVED', 'REGISTRATION_REFUSED', 'ACCOUNT_INVITED', 'AGENCY_REQUEST_DECIDED');`);
    this.addSql(`alter table "outbox_message" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`drop type "mail_kind_old";`);
  }

}
