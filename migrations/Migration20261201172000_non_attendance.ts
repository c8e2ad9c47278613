import { Migration } from '@mikro-orm/migrations';

/** Non-attendance: the policy per agency type, charges as facts, agencies that copy line managers in, and its mail. */
export class Migration20261201172000_non_attendance extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "charge_status" as enum ('CHARGED', 'WAIVED', 'VOID');`);
    this.addSql(`create table "non_attendance_policy" ("agency_type" varchar(40) not null, "non_attendance_pence" int not null default 0, "late_cancellation_pence" int not null default 0, "updated_at" timestamptz not null, "updated_by_id" uuid null, constraint "non_attendance_policy_pkey" primary key ("agency_type"));`);
    this.addSql(`alter table "non_attendance_policy" add constraint "non_attendance_policy_updated_by_id_foreign" foreign key ("updated_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`create table "non_attendance_charge" ("id" uuid not null, "booking_id" uuid not null, "session_id" uuid not null, "person_id" uuid not null, "agency_id" uuid null, "outcome" "course_outcome" not null, "agency_type" varchar(40) not null, "days" smallint not null, "per_day_pence" int not null, "amount_pence" int not null, "rule" text not null, "charged_at" timestamptz not null, "status" "charge_status" not null, "status_reason" text null, "status_changed_at" timestamptz null, "status_changed_by_id" uuid null, "status_changed_by_name" text null, constraint "non_attendance_charge_pkey" primary key ("id"));`);
    this.addSql(`create index "non_attendance_charge_booking_id_index" on "non_attendance_charge" ("booking_id");`);
    this.addSql(`create index "non_attendance_charge_session_id_index" on "non_attendance_charge" ("session_id");`);
    this.addSql(`create index "non_attendance_charge_agency_id_index" on "non_attendance_charge" ("agency_id");`);
    this.addSql(`create unique index "non_attendance_charge_one_live_per_booking" on "non_attendance_charge" ("booking_id") where "status" <> 'VOID';`);
    this.addSql(`alter table "non_attendance_charge" add constraint "non_attendance_charge_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "non_attendance_charge" add constraint "non_attendance_charge_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "non_attendance_charge" add constraint "non_attendance_charge_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "non_attendance_charge" add constraint "non_attendance_charge_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "non_attendance_charge" add constraint "non_attendance_charge_status_changed_by_id_foreign" foreign key ("status_changed_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "agency" add column "copy_managers_on_non_attendance" boolean not null default false;`);

    this.addSql(`alter type "mail_kind" add value if not exists 'NON_ATTENDANCE';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'NON_ATTENDANCE_MANAGER_COPY';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "non_attendance_charge" cascade;`);
    this.addSql(`drop table if exists "non_attendance_policy" cascade;`);
    this.addSql(`drop type "charge_status";`);
    this.addSql(`alter table "agency" drop column "copy_managers_on_non_attendance";`);
    // PostgreSQL cannot drop an enum value: rebuild the type without the two, after removing their mail.
    this.addSql(`delete from "outbox_message" where "kind"::text in ('NON_ATTENDANCE', 'NON_ATTENDANCE_MANAGER_COPY');`);
    this.addSql(`alter type "mail_kind" rename to "mail_kind_old";`);
    this.addSql(`create type "mail_kind" as enum ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED', 'PLACE_OFFERED', 'OFFER_EXPIRED', 'APPROVAL_REQUESTED', 'BOOKING_APPROVED', 'BOOKING_DECLINED', 'BOOKING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REMINDER', 'JOINING_INSTRUCTIONS', 'APPROVAL_PENDING', 'APPROVAL_DECIDED', 'ACCOUNT_VERIFY', 'ACCOUNT_EXISTS', 'SIGN_IN_LINK', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'REGISTRATION_APPROVED', 'REGISTRATION_REFUSED', 'ACCOUNT_INVITED', 'AGENCY_REQUEST_DECIDED', 'BOOKING_MOVED', 'TRAINER_ASSIGNED', 'TRAINER_SESSION_CHANGED', 'TRAINER_REMOVED', 'TRAINER_SESSION_CANCELLED', 'WALK_IN_ADDED');`);
    this.addSql(`alter table "outbox_message" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`drop type "mail_kind_old";`);
  }

}
