import { Migration } from '@mikro-orm/migrations';

const ACCOUNT_MAIL = [
  'ACCOUNT_VERIFY',
  'ACCOUNT_EXISTS',
  'SIGN_IN_LINK',
  'PASSWORD_RESET',
  'PASSWORD_CHANGED',
  'REGISTRATION_APPROVED',
  'REGISTRATION_REFUSED',
  'ACCOUNT_INVITED',
  'AGENCY_REQUEST_DECIDED',
];

/** Accounts (issue "People and accounts"): account status, verified email, team, agency settings, the agency a booking was made under. */
export class Migration20261201140000_accounts extends Migration {
  override async up(): Promise<void> {
    for (const kind of ACCOUNT_MAIL) {
      this.addSql(`alter type "mail_kind" add value if not exists '${kind}';`);
    }
    this.addSql(`create type "person_status" as enum ('UNVERIFIED', 'PENDING_APPROVAL', 'ACTIVE', 'REFUSED', 'DEACTIVATED');`);
    this.addSql(
      `alter table "person" add column "team" varchar(200) null, add column "status" "person_status" not null default 'ACTIVE', add column "email_verified_at" timestamptz null;`,
    );
    // Everyone who has an account today was added by the training team: their addresses count as confirmed.
    this.addSql(`update "person" set "email_verified_at" = "created_at";`);
    this.addSql(
      `alter table "agency" add column "statutory_partner" boolean not null default false, add column "retired_at" timestamptz null, add column "sso_tenant_ids" text[] not null default '{}', add column "password_sign_in" boolean not null default true;`,
    );
    this.addSql(`create type "account_token_purpose" as enum ('VERIFY_EMAIL', 'SIGN_IN', 'RESET_PASSWORD', 'INVITE');`);
    this.addSql(
      `create table "account_token" ("id" uuid not null, "token_hash" varchar(64) not null, "person_id" uuid not null, "purpose" "account_token_purpose" not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "account_token_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "account_token" add constraint "account_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "account_token_person_id_index" on "account_token" ("person_id");`);
    this.addSql(
      `alter table "account_token" add constraint "account_token_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "auth_session" add column "last_used_at" timestamptz null, add column "user_agent" varchar(300) null, add column "method" varchar(20) null;`);
    this.addSql(`alter table "booking" add column "agency_id" uuid null;`);
    this.addSql(
      `alter table "booking" add constraint "booking_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "booking_agency_id_index" on "booking" ("agency_id");`);
    this.addSql(`update "booking" b set "agency_id" = p."agency_id" from "person" p where p."id" = b."person_id";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "booking" drop constraint "booking_agency_id_foreign";`);
    this.addSql(`drop index "booking_agency_id_index";`);
    this.addSql(`alter table "booking" drop column "agency_id";`);
    this.addSql(`alter table "auth_session" drop column "last_used_at", drop column "user_agent", drop column "method";`);
    this.addSql(`drop table "account_token";`);
    this.addSql(`drop type "account_token_purpose";`);
    this.addSql(`alter table "agency" drop column "statutory_partner", drop column "retired_at", drop column "sso_tenant_ids", drop column "password_sign_in";`);
    this.addSql(`alter table "person" drop column "team", drop column "status", drop column "email_verified_at";`);
    this.addSql(`drop type "person_status";`);
    // PostgreSQL cannot drop an enum value: rebuild the type without the account mail, after removing it.
    this.addSql(`delete from "outbox_message" where "kind"::text in (${ACCOUNT_MAIL.map((k) => `'${k}'`).join(', ')});`);
    this.addSql(`alter type "mail_kind" rename to "mail_kind_old";`);
    this.addSql(
      `create type "mail_kind" as enum ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED', 'PLACE_OFFERED', 'OFFER_EXPIRED', 'APPROVAL_REQUESTED', 'BOOKING_APPROVED', 'BOOKING_DECLINED', 'BOOKING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REMINDER', 'JOINING_INSTRUCTIONS', 'APPROVAL_PENDING', 'APPROVAL_DECIDED');`,
    );
    this.addSql(`alter table "outbox_message" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`drop type "mail_kind_old";`);
  }
}
