import { Migration } from '@mikro-orm/migrations';

/** Erasure (UK GDPR): a person's status ERASED, and a certificate REMOVED at its holder's request. */
export class Migration20261203004000_erasure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "person_status" add value if not exists 'ERASED';`);
    this.addSql(`alter type "certificate_status" add value if not exists 'REMOVED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "person" set "status" = 'DEACTIVATED' where "status"::text = 'ERASED';`);
    this.addSql(`alter table "person" alter column "status" drop default;`);
    this.addSql(`alter type "person_status" rename to "person_status_old";`);
    this.addSql(`create type "person_status" as enum ('UNVERIFIED', 'PENDING_APPROVAL', 'ACTIVE', 'REFUSED', 'DEACTIVATED', 'PROVISIONAL');`);
    this.addSql(`alter table "person" alter column "status" type "person_status" using "status"::text::"person_status";`);
    this.addSql(`alter table "person" alter column "status" set default 'ACTIVE';`);
    this.addSql(`drop type "person_status_old";`);

    this.addSql(`update "certificate" set "status" = 'REVOKED' where "status"::text = 'REMOVED';`);
    this.addSql(`alter table "certificate" alter column "status" drop default;`);
    this.addSql(`alter type "certificate_status" rename to "certificate_status_old";`);
    this.addSql(`create type "certificate_status" as enum ('VALID', 'REVOKED', 'SUPERSEDED');`);
    this.addSql(`alter table "certificate" alter column "status" type "certificate_status" using "status"::text::"certificate_status";`);
    this.addSql(`alter table "certificate" alter column "status" set default 'VALID';`);
    this.addSql(`drop type "certificate_status_old";`);
  }
}
