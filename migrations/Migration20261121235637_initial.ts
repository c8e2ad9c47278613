import { Migration } from '@mikro-orm/migrations';

export class Migration20261121235637_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "agency_sector" as enum ('CHILDRENS_SOCIAL_CARE', 'EARLY_HELP', 'EDUCATION', 'EARLY_YEARS', 'HEALTH', 'POLICE', 'PROBATION', 'YOUTH_JUSTICE', 'HOUSING', 'VOLUNTARY_AND_COMMUNITY', 'FAITH', 'SPORT', 'OTHER');`);
    this.addSql(`create type "person_role" as enum ('PRACTITIONER', 'TRAINER', 'COORDINATOR', 'REVIEWER');`);
    this.addSql(`create type "course_format" as enum ('FACE_TO_FACE', 'VIRTUAL', 'E_LEARNING', 'LEARNING_CIRCLE', 'PRACTITIONER_LEARNING_EVENT', 'CONFERENCE', 'BRIEFING');`);
    this.addSql(`create type "session_status" as enum ('SCHEDULED', 'CANCELLED');`);
    this.addSql(`create type "booking_status" as enum ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED', 'DECLINED', 'EXPIRED');`);
    this.addSql(`create table "agency" ("id" uuid not null, "name" varchar(200) not null, "sector" "agency_sector" not null, "approval_exempt" boolean not null default false, "created_at" timestamptz not null default now(), constraint "agency_pkey" primary key ("id"));`);
    this.addSql(`alter table "agency" add constraint "agency_name_unique" unique ("name");`);

    this.addSql(`create table "person" ("id" uuid not null, "name" varchar(200) not null, "email" varchar(320) not null, "job_title" varchar(200) null, "agency_id" uuid null, "roles" "person_role"[] not null, "password_hash" varchar(200) null, "created_at" timestamptz not null default now(), constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);
    this.addSql(`create index "person_agency_id_index" on "person" ("agency_id");`);

    this.addSql(`create table "auth_session" ("token_hash" varchar(64) not null, "person_id" uuid not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, constraint "auth_session_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "auth_session_person_id_index" on "auth_session" ("person_id");`);

    this.addSql(`create table "priority_area" ("id" uuid not null, "name" varchar(200) not null, constraint "priority_area_pkey" primary key ("id"));`);
    this.addSql(`alter table "priority_area" add constraint "priority_area_name_unique" unique ("name");`);

    this.addSql(`create table "course" ("id" uuid not null, "title" varchar(200) not null, "summary" text not null, "learning_outcomes" text[] not null, "priority_area_id" uuid not null, "level" smallint not null, "format" "course_format" not null, "duration_minutes" int not null, "requires_approval" boolean not null default false, "audience_agency_ids" uuid[] not null default '{}', "audience_sectors" "agency_sector"[] not null default '{}', "audience_roles" "person_role"[] not null default '{}', "prerequisite_id" uuid null, "cancellation_cutoff_working_days" smallint not null default 5, "created_at" timestamptz not null default now(), constraint "course_pkey" primary key ("id"), constraint course_duration_check check (duration_minutes > 0), constraint course_level_check check (level >= 1 AND level <= 4));`);
    this.addSql(`create index "course_priority_area_id_index" on "course" ("priority_area_id");`);

    this.addSql(`create table "venue" ("id" uuid not null, "name" varchar(200) not null, "address" text not null, "accessibility_notes" text null, constraint "venue_pkey" primary key ("id"));`);

    this.addSql(`create table "session" ("id" uuid not null, "course_id" uuid not null, "venue_id" uuid null, "online_url" text null, "capacity" int not null, "status" "session_status" not null default 'SCHEDULED', "starts_at" timestamptz not null, "ends_at" timestamptz not null, "booking_opens_at" timestamptz null, "booking_closes_at" timestamptz null, "auto_offer_waitlist" boolean not null default true, constraint "session_pkey" primary key ("id"), constraint session_place_check check (venue_id IS NOT NULL OR online_url IS NOT NULL), constraint session_capacity_check check (capacity >= 0));`);
    this.addSql(`create index "session_course_id_index" on "session" ("course_id");`);
    this.addSql(`create index "session_starts_at_index" on "session" ("starts_at");`);

    this.addSql(`create table "session_part" ("id" uuid not null, "session_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, constraint "session_part_pkey" primary key ("id"), constraint session_part_order_check check (ends_at > starts_at));`);
    this.addSql(`create index "session_part_session_id_index" on "session_part" ("session_id");`);

    this.addSql(`create table "booking" ("id" uuid not null, "session_id" uuid not null, "person_id" uuid not null, "status" "booking_status" not null, "access_needs" text null, "dietary_needs" text null, "manager_email" varchar(320) null, "waitlisted_at" timestamptz null, "offer_expires_at" timestamptz null, "approval_expires_at" timestamptz null, "cancelled_at" timestamptz null, "late_cancellation" boolean not null default false, "idempotency_key" varchar(100) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "booking_pkey" primary key ("id"));`);
    this.addSql(`create index "booking_person_id_index" on "booking" ("person_id");`);
    this.addSql(`create unique index "booking_one_live_per_person_session" on "booking" ("session_id", "person_id") where "status" in ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'OFFERED');`);
    this.addSql(`create index "booking_session_status_idx" on "booking" ("session_id", "status");`);
    this.addSql(`alter table "booking" add constraint "booking_person_idempotency_key_unique" unique ("person_id", "idempotency_key");`);

    this.addSql(`create table "booking_event" ("id" uuid not null, "booking_id" uuid not null, "at" timestamptz not null default now(), "actor_id" uuid null, "action" varchar(50) not null, "from_status" "booking_status" null, "to_status" "booking_status" not null, "reason" text null, constraint "booking_event_pkey" primary key ("id"));`);
    this.addSql(`create index "booking_event_booking_id_index" on "booking_event" ("booking_id");`);

    this.addSql(`alter table "person" add constraint "person_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "auth_session" add constraint "auth_session_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "course" add constraint "course_priority_area_id_foreign" foreign key ("priority_area_id") references "priority_area" ("id") on update cascade;`);
    this.addSql(`alter table "course" add constraint "course_prerequisite_id_foreign" foreign key ("prerequisite_id") references "course" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "session" add constraint "session_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade;`);
    this.addSql(`alter table "session" add constraint "session_venue_id_foreign" foreign key ("venue_id") references "venue" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "session_part" add constraint "session_part_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "booking" add constraint "booking_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade;`);
    this.addSql(`alter table "booking" add constraint "booking_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "booking_event" add constraint "booking_event_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "booking_event" add constraint "booking_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "person" drop constraint "person_agency_id_foreign";`);

    this.addSql(`alter table "auth_session" drop constraint "auth_session_person_id_foreign";`);

    this.addSql(`alter table "booking" drop constraint "booking_person_id_foreign";`);

    this.addSql(`alter table "booking_event" drop constraint "booking_event_actor_id_foreign";`);

    this.addSql(`alter table "course" drop constraint "course_priority_area_id_foreign";`);

    this.addSql(`alter table "course" drop constraint "course_prerequisite_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_course_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_venue_id_foreign";`);

    this.addSql(`alter table "session_part" drop constraint "session_part_session_id_foreign";`);

    this.addSql(`alter table "booking" drop constraint "booking_session_id_foreign";`);

    this.addSql(`alter table "booking_event" drop constraint "booking_event_booking_id_foreign";`);

    this.addSql(`drop table if exists "agency" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "auth_session" cascade;`);

    this.addSql(`drop table if exists "priority_area" cascade;`);

    this.addSql(`drop table if exists "course" cascade;`);

    this.addSql(`drop table if exists "venue" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "session_part" cascade;`);

    this.addSql(`drop table if exists "booking" cascade;`);

    this.addSql(`drop table if exists "booking_event" cascade;`);

    this.addSql(`drop type "agency_sector";`);
    this.addSql(`drop type "person_role";`);
    this.addSql(`drop type "course_format";`);
    this.addSql(`drop type "session_status";`);
    this.addSql(`drop type "booking_status";`);
  }

}
