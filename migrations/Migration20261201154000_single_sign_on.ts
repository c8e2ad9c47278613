import { Migration } from '@mikro-orm/migrations';

/** Single sign-on: attempts in progress, and the identity linked to an account. */
export class Migration20261201154000_single_sign_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sso_attempt" ("state_hash" varchar(64) not null, "code_verifier" varchar(200) not null, "nonce" varchar(200) not null, "next_path" varchar(2000) not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), constraint "sso_attempt_pkey" primary key ("state_hash"));`,
    );
    this.addSql(`alter table "person" add column "sso_subject" varchar(400) null;`);
    this.addSql(`alter table "person" add constraint "person_sso_subject_unique" unique ("sso_subject");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "person" drop constraint "person_sso_subject_unique";`);
    this.addSql(`alter table "person" drop column "sso_subject";`);
    this.addSql(`drop table "sso_attempt";`);
  }
}
