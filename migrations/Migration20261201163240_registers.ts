import { Migration } from '@mikro-orm/migrations';

export class Migration20261201163240_registers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "attendance_rule" as enum ('ALL_PARTS', 'SHARE_OF_TIME');`);
    this.addSql(`create type "attendance_mark" as enum ('PRESENT', 'LATE', 'LEFT_EARLY', 'ABSENT_WITH_APOLOGY', 'DID_NOT_ATTEND');`);
    this.addSql(`create type "mark_source" as enum ('TRAINER', 'SELF_CHECK_IN', 'IMPORT', 'SIGN_OFF', 'CORRECTION');`);
    this.addSql(`create type "course_outcome" as enum ('ATTENDED', 'PARTLY_ATTENDED', 'ABSENT_WITH_APOLOGY', 'DID_NOT_ATTEND', 'LATE_CANCELLATION');`);
    this.addSql(`create table "register_sign_off" ("id" uuid not null, "part_id" uuid not null, "signed_by_id" uuid null, "signed_by_name" text not null, "signed_at" timestamptz not null, "counts" jsonb not null, constraint "register_sign_off_pkey" primary key ("id"));`);
    this.addSql(`alter table "register_sign_off" add constraint "register_sign_off_part_unique" unique ("part_id");`);

    this.addSql(`create table "attendance_event" ("id" uuid not null, "part_id" uuid not null, "booking_id" uuid not null, "mark" "attendance_mark" null, "minutes" smallint null, "note" text null, "previous_mark" "attendance_mark" null, "previous_minutes" smallint null, "source" "mark_source" not null, "actor_id" uuid null, "reason" text null, "client_id" uuid not null, "at" timestamptz not null, "recorded_at" timestamptz not null default now(), constraint "attendance_event_pkey" primary key ("id"));`);
    this.addSql(`create index "attendance_event_booking_id_index" on "attendance_event" ("booking_id");`);
    this.addSql(`create index "attendance_event_current_idx" on "attendance_event" ("part_id", "booking_id", "at");`);
    this.addSql(`alter table "attendance_event" add constraint "attendance_event_client_booking_unique" unique ("client_id", "booking_id", "part_id");`);

    this.addSql(`create table "attendance_outcome" ("booking_id" uuid not null, "session_id" uuid not null, "person_id" uuid not null, "agency_id" uuid null, "outcome" "course_outcome" not null, "minutes_attended" int not null, "minutes_scheduled" int not null, "decided_at" timestamptz not null, constraint "attendance_outcome_pkey" primary key ("booking_id"));`);
    this.addSql(`create index "attendance_outcome_session_id_index" on "attendance_outcome" ("session_id");`);
    this.addSql(`create index "attendance_outcome_agency_id_index" on "attendance_outcome" ("agency_id");`);
    this.addSql(`create index "attendance_outcome_person_idx" on "attendance_outcome" ("person_id", "outcome");`);

    this.addSql(`alter table "register_sign_off" add constraint "register_sign_off_part_id_foreign" foreign key ("part_id") references "session_part" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "register_sign_off" add constraint "register_sign_off_signed_by_id_foreign" foreign key ("signed_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "attendance_event" add constraint "attendance_event_part_id_foreign" foreign key ("part_id") references "session_part" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attendance_event" add constraint "attendance_event_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attendance_event" add constraint "attendance_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "attendance_outcome" add constraint "attendance_outcome_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attendance_outcome" add constraint "attendance_outcome_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attendance_outcome" add constraint "attendance_outcome_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attendance_outcome" add constraint "attendance_outcome_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "course" add column "attendance_rule" "attendance_rule" not null default 'ALL_PARTS', add column "attendance_minimum_percent" smallint not null default 100;`);

    this.addSql(`alter table "booking" add column "walk_in" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "register_sign_off" cascade;`);

    this.addSql(`drop table if exists "attendance_event" cascade;`);

    this.addSql(`drop table if exists "attendance_outcome" cascade;`);

    this.addSql(`alter table "booking" drop column "walk_in";`);

    this.addSql(`alter table "course" drop column "attendance_rule", drop column "attendance_minimum_percent";`);

    this.addSql(`drop type "attendance_rule";`);
    this.addSql(`drop type "attendance_mark";`);
    this.addSql(`drop type "mark_source";`);
    this.addSql(`drop type "course_outcome";`);
  }

}
