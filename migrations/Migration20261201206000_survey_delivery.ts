import { Migration } from '@mikro-orm/migrations';

/** Survey delivery: the 6- and 12-month surveys due per place (swept by a job) and who opted out of impact surveys. */
export class Migration20261201206000_survey_delivery extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "survey_schedule_status" as enum ('WAITING', 'SENT', 'SKIPPED', 'CANCELLED');`);
    this.addSql(`create table "survey_opt_out" ("person_id" uuid not null, "opted_out_at" timestamptz not null, constraint "survey_opt_out_pkey" primary key ("person_id"));`);
    this.addSql(`create table "survey_schedule" ("id" uuid not null, "booking_id" uuid not null, "stage" "survey_stage" not null, "due_at" timestamptz not null, "status" "survey_schedule_status" not null default 'WAITING', "done_at" timestamptz null, "note" text null, constraint "survey_schedule_pkey" primary key ("id"));`);
    this.addSql(`create index "survey_schedule_due_idx" on "survey_schedule" ("status", "due_at");`);
    this.addSql(`alter table "survey_schedule" add constraint "survey_schedule_booking_id_stage_unique" unique ("booking_id", "stage");`);
    this.addSql(`alter table "survey_opt_out" add constraint "survey_opt_out_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_schedule" add constraint "survey_schedule_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
    // the reminder sweep looks for open invitations whose next reminder, or expiry, has come
    this.addSql(`create index "survey_invitation_due_idx" on "survey_invitation" ("status", "next_reminder_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "survey_invitation_due_idx";`);
    this.addSql(`drop table if exists "survey_opt_out" cascade;`);
    this.addSql(`drop table if exists "survey_schedule" cascade;`);
    this.addSql(`drop type "survey_schedule_status";`);
  }

}
