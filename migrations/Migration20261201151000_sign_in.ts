import { Migration } from '@mikro-orm/migrations';

/** Signing in: rate-limit counts (rate-limiter-flexible's own table layout) and an id for each session that can be shown. */
export class Migration20261201151000_sign_in extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rate_limit" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "rate_limit_pkey" primary key ("key"));`,
    );
    this.addSql(`alter table "auth_session" add column "public_id" uuid not null default gen_random_uuid();`);
    this.addSql(`alter table "auth_session" add constraint "auth_session_public_id_unique" unique ("public_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "auth_session" drop constraint "auth_session_public_id_unique";`);
    this.addSql(`alter table "auth_session" drop column "public_id";`);
    this.addSql(`drop table "rate_limit";`);
  }
}
