import { Migration } from '@mikro-orm/migrations';

/** Registration (issue "People and accounts"): requests for an agency that is not listed, or to move agency, decided by a coordinator. */
export class Migration20261201150000_registration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "agency_request_kind" as enum ('JOIN', 'MOVE');`);
    this.addSql(`create type "agency_request_status" as enum ('PENDING', 'CREATED', 'MAPPED', 'REFUSED');`);
    this.addSql(
      `create table "agency_request" ("id" uuid not null, "person_id" uuid not null, "kind" "agency_request_kind" not null, "requested_name" varchar(200) null, "requested_agency_id" uuid null, "from_agency_id" uuid null, "status" "agency_request_status" not null default 'PENDING', "result_agency_id" uuid null, "decided_by_id" uuid null, "decided_at" timestamptz null, "reason" varchar(500) null, "created_at" timestamptz not null default now(), constraint "agency_request_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "agency_request_person_id_index" on "agency_request" ("person_id");`);
    // one request waiting per person: asking again replaces it
    this.addSql(`create unique index "agency_request_one_pending" on "agency_request" ("person_id") where "status" = 'PENDING';`);
    this.addSql(
      `alter table "agency_request" add constraint "agency_request_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`,
    );
    for (const column of ['requested_agency_id', 'from_agency_id', 'result_agency_id']) {
      this.addSql(
        `alter table "agency_request" add constraint "agency_request_${column}_foreign" foreign key ("${column}") references "agency" ("id") on update cascade on delete set null;`,
      );
    }
    this.addSql(
      `alter table "agency_request" add constraint "agency_request_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "agency_request";`);
    this.addSql(`drop type "agency_request_status";`);
    this.addSql(`drop type "agency_request_kind";`);
  }
}
