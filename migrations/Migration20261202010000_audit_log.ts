import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log: one append-only row per sensitive action. A trigger refuses UPDATE and DELETE of any
 * row, and TRUNCATE of the table, so the application (which connects as the table's owner) cannot
 * change or remove an entry; only dropping the table (this migration's down) removes them.
 */
export class Migration20261202010000_audit_log extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "audit_action" as enum ('ROLES_CHANGED', 'AGENCY_CHANGED', 'REGISTER_CORRECTED', 'CHARGE_WAIVED', 'PERSONAL_DATA_EXPORTED', 'PEOPLE_MERGED', 'PERSON_ERASED', 'SINGLE_SIGN_ON', 'SETTINGS_CHANGED');`);
    this.addSql(`create table "audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "actor_name" varchar(200) not null, "action" "audit_action" not null, "subject_type" varchar(50) not null, "subject_id" varchar(100) not null, "subject_person_id" uuid null, "subject_person_name" varchar(200) null, "before" jsonb null, "after" jsonb null, "reason" text null, "request_id" varchar(100) null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_actor_id_index" on "audit_entry" ("actor_id");`);
    this.addSql(`create index "audit_entry_subject_person_id_index" on "audit_entry" ("subject_person_id");`);
    this.addSql(`create function "audit_entry_append_only"() returns trigger language plpgsql as $$ begin raise exception 'audit entries cannot be changed or removed (% on audit_entry)', tg_op using errcode = 'insufficient_privilege'; end; $$;`);
    this.addSql(`create trigger "audit_entry_no_update_or_delete" before update or delete on "audit_entry" for each row execute function "audit_entry_append_only"();`);
    this.addSql(`create trigger "audit_entry_no_truncate" before truncate on "audit_entry" for each statement execute function "audit_entry_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists "audit_entry_append_only"();`);
    this.addSql(`drop type if exists "audit_action";`);
  }

}
