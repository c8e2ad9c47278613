import { Migration } from '@mikro-orm/migrations';

/** Walk-ins and self check-in: provisional accounts, their mail, and check-in requests from people with no place. */
export class Migration20261201171000_walk_ins extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "person_status" add value if not exists 'PROVISIONAL';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'WALK_IN_ADDED';`);

    this.addSql(`create type "check_in_request_status" as enum ('PENDING', 'ACCEPTED', 'DISMISSED');`);
    this.addSql(`create table "check_in_request" ("id" uuid not null, "part_id" uuid not null, "person_id" uuid not null, "status" "check_in_request_status" not null default 'PENDING', "requested_at" timestamptz not null, "decided_by_id" uuid null, "decided_at" timestamptz null, constraint "check_in_request_pkey" primary key ("id"));`);
    this.addSql(`create index "check_in_request_person_id_index" on "check_in_request" ("person_id");`);
    this.addSql(`alter table "check_in_request" add constraint "check_in_request_part_person_unique" unique ("part_id", "person_id");`);
    this.addSql(`alter table "check_in_request" add constraint "check_in_request_part_id_foreign" foreign key ("part_id") references "session_part" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "check_in_request" add constraint "check_in_request_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "check_in_request" add constraint "check_in_request_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "check_in_request" cascade;`);
    this.addSql(`drop type "check_in_request_status";`);

    // PostgreSQL cannot drop an enum value: rebuild the types without them, after removing what used them.
    // An unclaimed walk-in account had no password and no confirmed address: what an unconfirmed registration is.
    this.addSql(`update "person" set "status" = 'UNVERIFIED' where "status"::text = 'PROVISIONAL';`);
    this.addSql(`alter table "person" alter column "status" drop default;`);
    this.addSql(`alter type "person_status" rename to "person_status_old";`);
    this.addSql(`create type "person_status" as enum ('UNVERIFIED', 'PENDING_APPROVAL', 'ACTIVE', 'REFUSED', 'DEACTIVATED');`);
    this.addSql(`alter table "person" alter column "status" type "person_status" using "status"::text::"person_status";`);
    this.addSql(`alter table "person" alter column "status" set default 'ACTIVE';`);
    this.addSql(`drop type "person_status_old";`);

    this.addSql(`delete from "outbox_message" where "kind"::text = 'WALK_IN_ADDED';`);
    this.addSql(`alter type "mail_kind" rename to "mail_kind_old";`);
    this.addSql(`create type "mail_kind" as enum ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED', 'PLACE_OFFERED', 'OFFER_EXPIRED', 'APPROVAL_REQUESTED', 'BOOKING_APPROVED', 'BOOKING_DECLINED', 'BOOKING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REMINDER', 'JOINING_INSTRUCTIONS', 'APPROVAL_PENDING', 'APPROVAL_DECIDED', 'ACCOUNT_VERIFY', 'ACCOUNT_EXISTS', 'SIGN_IN_LINK', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'REGISTRATION_APPROVED', 'REGISTRATION_REFUSED', 'ACCOUNT_INVITED', 'AGENCY_REQUEST_DECIDED', 'BOOKING_MOVED', 'TRAINER_ASSIGNED', 'TRAINER_SESSION_CHANGED', 'TRAINER_REMOVED', 'TRAINER_SESSION_CANCELLED');`);
    this.addSql(`alter table "outbox_message" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`drop type "mail_kind_old";`);
  }

}
