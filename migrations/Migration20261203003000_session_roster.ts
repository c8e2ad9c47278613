import { Migration } from '@mikro-orm/migrations';

/**
 * The session roster: the training team's notes about attendees (one per booking, for coordinators and the
 * session's trainers), and the messages coordinators send to everyone on a session in one status.
 */
export class Migration20261203003000_session_roster extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "booking_note" ("id" uuid not null, "booking_id" uuid not null, "text" text not null, "written_by_id" uuid not null, "written_by_name" varchar(200) not null, "written_at" timestamptz not null, constraint "booking_note_pkey" primary key ("id"));`);
    this.addSql(`alter table "booking_note" add constraint "booking_note_booking_unique" unique ("booking_id");`);
    this.addSql(`alter table "booking_note" add constraint "booking_note_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
    this.addSql(`create table "session_message" ("id" uuid not null, "session_id" uuid not null, "audience" varchar(30) not null, "subject" varchar(200) not null, "body" text not null, "recipients" int not null, "sent_by_id" uuid not null, "sent_by_name" varchar(200) not null, "sent_at" timestamptz not null, "idempotency_key" varchar(100) not null, constraint "session_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "session_message" add constraint "session_message_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`alter table "session_message" add constraint "session_message_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "session_message" cascade;`);
    this.addSql(`drop table if exists "booking_note" cascade;`);
  }

}
