import { Migration } from '@mikro-orm/migrations';

/** Certificates: one per completion as issued (code, printed fields, status, what replaced what), and how long a course's certificates stay valid. */
export class Migration20261201202000_certificates extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "certificate_status" as enum ('VALID', 'REVOKED', 'SUPERSEDED');`);
    this.addSql(`create table "certificate" ("id" uuid not null, "code" varchar(20) not null, "completion_id" uuid not null, "person_id" uuid not null, "course_id" uuid null, "holder_name" varchar(200) not null, "course_title" varchar(200) not null, "level" smallint null, "started_on" date not null, "completed_on" date not null, "minutes" int not null, "partnership_name" varchar(200) not null, "issued_at" timestamptz not null, "expires_on" date null, "status" "certificate_status" not null default 'VALID', "revoked_at" timestamptz null, "revoked_reason" text null, "replaces_id" uuid null, "superseded_by_id" uuid null, constraint "certificate_pkey" primary key ("id"));`);
    this.addSql(`alter table "certificate" add constraint "certificate_code_unique" unique ("code");`);
    this.addSql(`create index "certificate_completion_id_index" on "certificate" ("completion_id");`);
    this.addSql(`create index "certificate_person_id_index" on "certificate" ("person_id");`);
    this.addSql(`alter table "certificate" add constraint "certificate_completion_id_foreign" foreign key ("completion_id") references "training_completion" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "certificate" add constraint "certificate_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "certificate" add constraint "certificate_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "certificate" add constraint "certificate_replaces_id_foreign" foreign key ("replaces_id") references "certificate" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "certificate" add constraint "certificate_superseded_by_id_foreign" foreign key ("superseded_by_id") references "certificate" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "course" add column "certificate_valid_months" smallint null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certificate" cascade;`);
    this.addSql(`drop type "certificate_status";`);
    this.addSql(`alter table "course" drop column "certificate_valid_months";`);
  }

}
