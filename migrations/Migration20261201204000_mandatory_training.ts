import { Migration } from '@mikro-orm/migrations';

/** Mandatory training: requirements (whom, which courses, validity, new starters, refresher window) and the reminders sent. */
export class Migration20261201204000_mandatory_training extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mandatory_requirement" ("id" uuid not null, "name" varchar(200) not null, "roles" "person_role"[] not null default '{}', "agency_ids" uuid[] not null default '{}', "sectors" "agency_sector"[] not null default '{}', "course_ids" uuid[] not null default '{}', "external_min_level" smallint null, "validity_months" smallint not null, "new_starter_months" smallint not null, "refresher_months" smallint not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "updated_by_id" uuid null, constraint "mandatory_requirement_pkey" primary key ("id"));`);
    this.addSql(`create table "mandatory_reminder" ("id" uuid not null, "person_id" uuid not null, "requirement_id" uuid not null, "kind" "mail_kind" not null, "sent_on" date not null, "sent_at" timestamptz not null, constraint "mandatory_reminder_pkey" primary key ("id"));`);
    this.addSql(`create index "mandatory_reminder_requirement_id_index" on "mandatory_reminder" ("requirement_id");`);
    this.addSql(`create index "mandatory_reminder_latest_idx" on "mandatory_reminder" ("person_id", "requirement_id", "sent_at");`);
    this.addSql(`alter table "mandatory_reminder" add constraint "mandatory_reminder_once_a_day" unique ("person_id", "requirement_id", "sent_on");`);

    this.addSql(`alter table "mandatory_requirement" add constraint "mandatory_requirement_updated_by_id_foreign" foreign key ("updated_by_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "mandatory_reminder" add constraint "mandatory_reminder_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mandatory_reminder" add constraint "mandatory_reminder_requirement_id_foreign" foreign key ("requirement_id") references "mandatory_requirement" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mandatory_reminder" cascade;`);
    this.addSql(`drop table if exists "mandatory_requirement" cascade;`);
  }

}
