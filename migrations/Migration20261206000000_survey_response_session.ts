import { Migration } from '@mikro-orm/migrations';

/**
 * A named survey response keeps its invitation's session and booking, so the survey results and the evaluation
 * and trainers reports read a response alone instead of joining every response to its invitation (docs/performance.md,
 * "Evaluation and trainers"); responses are chosen by their session month through an index. Anonymous responses
 * keep neither, as before (the anonymity check says so). Existing named responses take theirs from the invitation.
 */
export class Migration20261206000000_survey_response_session extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "survey_response" drop constraint survey_response_anonymity_check;`);
    this.addSql(`alter table "survey_response" add column "session_id" uuid null, add column "booking_id" uuid null;`);
    this.addSql(`update "survey_response" r set "session_id" = i."session_id", "booking_id" = i."booking_id"
      from "survey_invitation" i where i."id" = r."invitation_id";`);
    this.addSql(
      `alter table "survey_response" add constraint "survey_response_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "survey_response" add constraint "survey_response_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create index "survey_response_session_month_index" on "survey_response" ("session_month");`);
    this.addSql(`create index "survey_response_session_id_index" on "survey_response" ("session_id");`);
    this.addSql(
      `alter table "survey_response" add constraint survey_response_anonymity_check check((identified and invitation_id is not null and person_id is not null and session_id is not null and booking_id is not null) or (not identified and invitation_id is null and person_id is null and session_id is null and booking_id is null));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "survey_response" drop constraint survey_response_anonymity_check;`);
    this.addSql(`drop index if exists "survey_response_session_id_index";`);
    this.addSql(`drop index if exists "survey_response_session_month_index";`);
    this.addSql(`alter table "survey_response" drop constraint "survey_response_booking_id_foreign";`);
    this.addSql(`alter table "survey_response" drop constraint "survey_response_session_id_foreign";`);
    this.addSql(`alter table "survey_response" drop column "session_id", drop column "booking_id";`);
    this.addSql(
      `alter table "survey_response" add constraint survey_response_anonymity_check check((identified and invitation_id is not null and person_id is not null) or (not identified and invitation_id is null and person_id is null));`,
    );
  }
}
