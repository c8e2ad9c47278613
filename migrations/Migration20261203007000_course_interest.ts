import { Migration } from '@mikro-orm/migrations';

/**
 * "Tell me when new dates are added": a person's request about a course with no dates (one open request per
 * person and course), and the mail kind that tells them the new dates.
 */
export class Migration20261203007000_course_interest extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "mail_kind" add value if not exists 'NEW_DATES' after 'SESSION_MESSAGE';`);
    this.addSql(
      `create table "course_interest" ("id" uuid not null, "person_id" uuid not null, "course_id" uuid not null, "asked_at" timestamptz not null, "notified_at" timestamptz null, "stopped_at" timestamptz null, constraint "course_interest_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "course_interest_person_id_index" on "course_interest" ("person_id");`);
    this.addSql(`create index "course_interest_course_idx" on "course_interest" ("course_id");`);
    this.addSql(
      `create unique index "course_interest_one_open_per_person_course" on "course_interest" ("person_id", "course_id") where "notified_at" is null and "stopped_at" is null;`,
    );
    this.addSql(
      `alter table "course_interest" add constraint "course_interest_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "course_interest" add constraint "course_interest_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "course_interest" cascade;`);
    this.addSql(`update "outbox_message" set "kind" = 'SESSION_MESSAGE' where "kind"::text = 'NEW_DATES';`);
    this.addSql(`alter type "mail_kind" rename to "mail_kind_old";`);
    this.addSql(
      `create type "mail_kind" as enum ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED', 'PLACE_OFFERED', 'OFFER_EXPIRED', 'APPROVAL_REQUESTED', 'BOOKING_APPROVED', 'BOOKING_DECLINED', 'BOOKING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REMINDER', 'JOINING_INSTRUCTIONS', 'APPROVAL_PENDING', 'APPROVAL_DECIDED', 'ACCOUNT_VERIFY', 'ACCOUNT_EXISTS', 'SIGN_IN_LINK', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'REGISTRATION_APPROVED', 'REGISTRATION_REFUSED', 'ACCOUNT_INVITED', 'AGENCY_REQUEST_DECIDED', 'BOOKING_MOVED', 'TRAINER_ASSIGNED', 'TRAINER_SESSION_CHANGED', 'TRAINER_REMOVED', 'TRAINER_SESSION_CANCELLED', 'WALK_IN_ADDED', 'NON_ATTENDANCE', 'NON_ATTENDANCE_MANAGER_COPY', 'CERTIFICATE_ISSUED', 'CERTIFICATE_REVOKED', 'EXTERNAL_LEARNING_DECIDED', 'TRAINING_DUE', 'TRAINING_OVERDUE', 'SURVEY_INVITATION', 'SURVEY_REMINDER', 'SURVEY_MANAGER_INVITATION', 'SESSION_MESSAGE');`,
    );
    this.addSql(`alter table "outbox_message" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`alter table "mandatory_reminder" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`drop type "mail_kind_old";`);
  }
}
