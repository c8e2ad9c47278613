import { Migration } from '@mikro-orm/migrations';

export class Migration20261122004114_admin extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "session_trainer" ("session_id" uuid not null, "person_id" uuid not null, constraint "session_trainer_pkey" primary key ("session_id", "person_id"));`);

    this.addSql(`alter table "session_trainer" add constraint "session_trainer_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "session_trainer" add constraint "session_trainer_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "venue" add column "rooms" text[] not null default '{}', add column "capacity" int null;`);
    this.addSql(`alter table "venue" add constraint venue_capacity_check check(capacity IS NULL OR capacity > 0);`);

    this.addSql(`alter table "session" add column "room" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "session_trainer" cascade;`);

    this.addSql(`alter table "session" drop column "room";`);

    this.addSql(`alter table "venue" drop constraint venue_capacity_check;`);
    this.addSql(`alter table "venue" drop column "rooms", drop column "capacity";`);
  }

}
