import { Migration } from '@mikro-orm/migrations';

export class Migration20261122003832_calendar_feed extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "calendar_feed" ("id" uuid not null, "person_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null default now(), constraint "calendar_feed_pkey" primary key ("id"));`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_person_unique" unique ("person_id");`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calendar_feed" cascade;`);
  }

}
