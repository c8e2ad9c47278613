import { Migration } from '@mikro-orm/migrations';

/** The training team's notes about attendees (one per booking): for coordinators and the session's trainers. */
export class Migration20261203003000_booking_notes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "booking_note" ("id" uuid not null, "booking_id" uuid not null, "text" text not null, "written_by_id" uuid not null, "written_by_name" varchar(200) not null, "written_at" timestamptz not null, constraint "booking_note_pkey" primary key ("id"));`);
    this.addSql(`alter table "booking_note" add constraint "booking_note_booking_unique" unique ("booking_id");`);
    this.addSql(`alter table "booking_note" add constraint "booking_note_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "booking_note" cascade;`);
  }

}
