import { Migration } from '@mikro-orm/migrations';

/** Training records: completions (from registers, learning elsewhere, e-learning), the agency lead role, and the mail kinds of records, certificates, mandatory training and surveys. */
export class Migration20261201200000_training_completions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "completion_source" as enum ('SESSION', 'EXTERNAL', 'E_LEARNING');`);
    this.addSql(`create table "training_completion" ("id" uuid not null, "person_id" uuid not null, "source" "completion_source" not null, "course_id" uuid null, "booking_id" uuid null, "session_id" uuid null, "outcome" "course_outcome" null, "title" varchar(200) not null, "provider" varchar(200) null, "level" smallint null, "priority_area_id" uuid null, "minutes" int not null, "started_on" date not null, "completed_on" date not null, "agency_id" uuid null, "recorded_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" text null, constraint "training_completion_pkey" primary key ("id"));`);
    this.addSql(`create index "training_completion_course_id_index" on "training_completion" ("course_id");`);
    this.addSql(`alter table "training_completion" add constraint "training_completion_booking_id_unique" unique ("booking_id");`);
    this.addSql(`create index "training_completion_session_id_index" on "training_completion" ("session_id");`);
    this.addSql(`create index "training_completion_agency_id_index" on "training_completion" ("agency_id");`);
    this.addSql(`create index "training_completion_person_idx" on "training_completion" ("person_id", "completed_on");`);

    this.addSql(`alter table "training_completion" add constraint "training_completion_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_completion" add constraint "training_completion_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_completion" add constraint "training_completion_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_completion" add constraint "training_completion_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_completion" add constraint "training_completion_priority_area_id_foreign" foreign key ("priority_area_id") references "priority_area" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_completion" add constraint "training_completion_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete set null;`);
    this.addSql(`alter type "mail_kind" add value if not exists 'CERTIFICATE_ISSUED' after 'NON_ATTENDANCE_MANAGER_COPY';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'CERTIFICATE_REVOKED' after 'CERTIFICATE_ISSUED';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'EXTERNAL_LEARNING_DECIDED' after 'CERTIFICATE_REVOKED';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'TRAINING_DUE' after 'EXTERNAL_LEARNING_DECIDED';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'TRAINING_OVERDUE' after 'TRAINING_DUE';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'SURVEY_INVITATION' after 'TRAINING_OVERDUE';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'SURVEY_REMINDER' after 'SURVEY_INVITATION';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'SURVEY_MANAGER_INVITATION' after 'SURVEY_REMINDER';`);

    this.addSql(`alter type "person_role" add value if not exists 'AGENCY_LEAD';`);
    this.addSql(`alter table "course" add column "partly_attended_completes" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "training_completion" cascade;`);
    this.addSql(`alter table "course" drop column "partly_attended_completes";`);
    this.addSql(`drop type "completion_source";`);

    // PostgreSQL cannot drop an enum value: rebuild the types without the new values, after removing their uses.
    this.addSql(`update "person" set "roles" = array_remove("roles", 'AGENCY_LEAD');`);
    this.addSql(`update "course" set "audience_roles" = array_remove("audience_roles", 'AGENCY_LEAD');`);
    this.addSql(`alter type "person_role" rename to "person_role_old";`);
    this.addSql(`create type "person_role" as enum ('PRACTITIONER', 'TRAINER', 'COORDINATOR', 'REVIEWER');`);
    this.addSql(`alter table "person" alter column "roles" type "person_role"[] using "roles"::text[]::"person_role"[];`);
    this.addSql(`alter table "course" alter column "audience_roles" drop default;`);
    this.addSql(`alter table "course" alter column "audience_roles" type "person_role"[] using "audience_roles"::text[]::"person_role"[];`);
    this.addSql(`alter table "course" alter column "audience_roles" set default '{}';`);
    this.addSql(`drop type "person_role_old";`);

    this.addSql(`delete from "outbox_message" where "kind"::text in ('CERTIFICATE_ISSUED', 'CERTIFICATE_REVOKED', 'EXTERNAL_LEARNING_DECIDED', 'TRAINING_DUE', 'TRAINING_OVERDUE', 'SURVEY_INVITATION', 'SURVEY_REMINDER', 'SURVEY_MANAGER_INVITATION');`);
    this.addSql(`alter type "mail_kind" rename to "mail_kind_old";`);
    this.addSql(`create type "mail_kind" as enum ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED', 'PLACE_OFFERED', 'OFFER_EXPIRED', 'APPROVAL_REQUESTED', 'BOOKING_APPROVED', 'BOOKING_DECLINED', 'BOOKING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REMINDER', 'JOINING_INSTRUCTIONS', 'APPROVAL_PENDING', 'APPROVAL_DECIDED', 'ACCOUNT_VERIFY', 'ACCOUNT_EXISTS', 'SIGN_IN_LINK', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'REGISTRATION_APPROVED', 'REGISTRATION_REFUSED', 'ACCOUNT_INVITED', 'AGENCY_REQUEST_DECIDED', 'BOOKING_MOVED', 'TRAINER_ASSIGNED', 'TRAINER_SESSION_CHANGED', 'TRAINER_REMOVED', 'TRAINER_SESSION_CANCELLED', 'WALK_IN_ADDED', 'NON_ATTENDANCE', 'NON_ATTENDANCE_MANAGER_COPY');`);
    this.addSql(`alter table "outbox_message" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`drop type "mail_kind_old";`);
  }

}
