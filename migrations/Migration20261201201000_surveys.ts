import { Migration } from '@mikro-orm/migrations';

/** Surveys: templates and their versions, each course's choice, invitations (the seam for delivery) and responses. */
export class Migration20261201201000_surveys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "survey_stage" as enum ('END_OF_COURSE', 'SIX_MONTHS', 'TWELVE_MONTHS');`);
    this.addSql(`create type "survey_audience" as enum ('ATTENDEE', 'LINE_MANAGER');`);
    this.addSql(`create type "survey_mode" as enum ('ANONYMOUS', 'IDENTIFIED');`);
    this.addSql(`create type "survey_invitation_status" as enum ('OPEN', 'SUBMITTED', 'CLOSED', 'WITHDRAWN');`);
    this.addSql(`create table "survey_template" ("id" uuid not null, "name" varchar(200) not null, "stage" "survey_stage" not null, "audience" "survey_audience" not null, "default_key" varchar(80) null, "created_at" timestamptz not null default now(), constraint "survey_template_pkey" primary key ("id"));`);
    this.addSql(`alter table "survey_template" add constraint "survey_template_default_key_unique" unique ("default_key");`);
    this.addSql(`create table "course_survey_settings" ("course_id" uuid not null, "end_of_course_id" uuid null, "six_months_id" uuid null, "twelve_months_id" uuid null, "six_months_manager_id" uuid null, "twelve_months_manager_id" uuid null, "send_manager_surveys" boolean not null default false, constraint "course_survey_settings_pkey" primary key ("course_id"));`);
    this.addSql(`create table "survey_template_version" ("id" uuid not null, "template_id" uuid not null, "version" int not null, "mode" "survey_mode" not null, "questions" jsonb not null, "created_at" timestamptz not null, constraint "survey_template_version_pkey" primary key ("id"));`);
    this.addSql(`create index "survey_template_version_template_id_index" on "survey_template_version" ("template_id");`);
    this.addSql(`alter table "survey_template_version" add constraint "survey_template_version_unique" unique ("template_id", "version");`);
    this.addSql(`create table "survey_invitation" ("id" uuid not null, "booking_id" uuid not null, "session_id" uuid not null, "stage" "survey_stage" not null, "audience" "survey_audience" not null, "person_id" uuid not null, "manager_email" varchar(320) null, "template_version_id" uuid not null, "status" "survey_invitation_status" not null default 'OPEN', "created_at" timestamptz not null, "expires_at" timestamptz not null, "reminder_count" smallint not null default 0, "last_reminded_at" timestamptz null, "next_reminder_at" timestamptz null, "submitted_at" timestamptz null, "closed_at" timestamptz null, "withdrawn_at" timestamptz null, "withdrawn_reason" text null, "draft" jsonb null, "draft_saved_at" timestamptz null, "action_plan_text" text null, constraint "survey_invitation_pkey" primary key ("id"));`);
    this.addSql(`create index "survey_invitation_session_id_index" on "survey_invitation" ("session_id");`);
    this.addSql(`create index "survey_invitation_person_id_index" on "survey_invitation" ("person_id");`);
    this.addSql(`create index "survey_invitation_template_version_id_index" on "survey_invitation" ("template_version_id");`);
    this.addSql(`create unique index "survey_invitation_one_live" on "survey_invitation" ("booking_id", "stage", "audience") where "status" <> 'WITHDRAWN';`);
    this.addSql(`create table "survey_response" ("id" uuid not null, "template_version_id" uuid not null, "stage" "survey_stage" not null, "audience" "survey_audience" not null, "course_id" uuid not null, "session_month" varchar(7) not null, "agency_sector" "agency_sector" null, "identified" boolean not null, "invitation_id" uuid null, "person_id" uuid null, "submitted_at" timestamptz null, "submitted_month" varchar(7) not null, "answers" jsonb not null, constraint "survey_response_pkey" primary key ("id"), constraint survey_response_anonymity_check check ((identified and invitation_id is not null and person_id is not null) or (not identified and invitation_id is null and person_id is null)));`);
    this.addSql(`create index "survey_response_template_version_id_index" on "survey_response" ("template_version_id");`);
    this.addSql(`create index "survey_response_course_id_index" on "survey_response" ("course_id");`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_invitation_unique" unique ("invitation_id");`);
    this.addSql(`create index "survey_response_person_id_index" on "survey_response" ("person_id");`);
    this.addSql(`alter table "course_survey_settings" add constraint "course_survey_settings_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "course_survey_settings" add constraint "course_survey_settings_end_of_course_id_foreign" foreign key ("end_of_course_id") references "survey_template" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "course_survey_settings" add constraint "course_survey_settings_six_months_id_foreign" foreign key ("six_months_id") references "survey_template" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "course_survey_settings" add constraint "course_survey_settings_twelve_months_id_foreign" foreign key ("twelve_months_id") references "survey_template" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "course_survey_settings" add constraint "course_survey_settings_six_months_manager_id_foreign" foreign key ("six_months_manager_id") references "survey_template" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "course_survey_settings" add constraint "course_survey_settings_twelve_months_manager_id_foreign" foreign key ("twelve_months_manager_id") references "survey_template" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "survey_template_version" add constraint "survey_template_version_template_id_foreign" foreign key ("template_id") references "survey_template" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_invitation" add constraint "survey_invitation_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_invitation" add constraint "survey_invitation_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_invitation" add constraint "survey_invitation_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_invitation" add constraint "survey_invitation_template_version_id_foreign" foreign key ("template_version_id") references "survey_template_version" ("id") on update cascade;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_template_version_id_foreign" foreign key ("template_version_id") references "survey_template_version" ("id") on update cascade;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_invitation_id_foreign" foreign key ("invitation_id") references "survey_invitation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "survey_response" cascade;`);
    this.addSql(`drop table if exists "survey_invitation" cascade;`);
    this.addSql(`drop table if exists "course_survey_settings" cascade;`);
    this.addSql(`drop table if exists "survey_template_version" cascade;`);
    this.addSql(`drop table if exists "survey_template" cascade;`);
    this.addSql(`drop type "survey_invitation_status";`);
    this.addSql(`drop type "survey_mode";`);
    this.addSql(`drop type "survey_audience";`);
    this.addSql(`drop type "survey_stage";`);
  }

}
