import { Migration } from '@mikro-orm/migrations';

/** Training records: learning done elsewhere with its evidence files, and e-learning courses' link and provider code. */
export class Migration20261201203000_training_records extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "external_learning_status" as enum ('PENDING', 'VERIFIED', 'REJECTED');`);
    this.addSql(`create table "evidence_file" ("id" uuid not null, "file_name" varchar(255) not null, "content_type" varchar(100) not null, "size_bytes" int not null, "stored_in" varchar(20) not null, "content" bytea null, "created_at" timestamptz not null, constraint "evidence_file_pkey" primary key ("id"));`);
    this.addSql(`create table "external_learning" ("id" uuid not null, "person_id" uuid not null, "title" varchar(200) not null, "provider" varchar(200) not null, "completed_on" date not null, "minutes" int not null, "level" smallint null, "evidence_id" uuid not null, "status" "external_learning_status" not null, "submitted_at" timestamptz not null, "decided_by_id" uuid null, "decided_at" timestamptz null, "rejection_reason" text null, "completion_id" uuid null, constraint "external_learning_pkey" primary key ("id"));`);
    this.addSql(`create index "external_learning_person_id_index" on "external_learning" ("person_id");`);
    this.addSql(`alter table "external_learning" add constraint "external_learning_evidence_id_unique" unique ("evidence_id");`);
    this.addSql(`alter table "external_learning" add constraint "external_learning_completion_id_unique" unique ("completion_id");`);
    this.addSql(`create index "external_learning_status_idx" on "external_learning" ("status", "submitted_at");`);
    this.addSql(`alter table "external_learning" add constraint "external_learning_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "external_learning" add constraint "external_learning_evidence_id_foreign" foreign key ("evidence_id") references "evidence_file" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "external_learning" add constraint "external_learning_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "external_learning" add constraint "external_learning_completion_id_foreign" foreign key ("completion_id") references "training_completion" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "course" add column "learning_url" varchar(500) null, add column "external_code" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "external_learning" cascade;`);
    this.addSql(`drop table if exists "evidence_file" cascade;`);
    this.addSql(`drop type "external_learning_status";`);
    this.addSql(`alter table "course" drop column "learning_url", drop column "external_code";`);
  }

}
