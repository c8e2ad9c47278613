import { Migration } from '@mikro-orm/migrations';

/** Survey results: quotes picked for the annual report; the default 6- and 12-month "confidence now" ratings are marked as confidence. */
export class Migration20261202001000_survey_quotes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "survey_quote_pick" ("id" uuid not null, "response_id" uuid not null, "answer_key" varchar(80) not null, "picked_by_id" uuid not null, "picked_at" timestamptz not null, constraint "survey_quote_pick_pkey" primary key ("id"));`);
    this.addSql(`alter table "survey_quote_pick" add constraint "survey_quote_pick_answer_unique" unique ("response_id", "answer_key");`);
    this.addSql(`alter table "survey_quote_pick" add constraint "survey_quote_pick_response_id_foreign" foreign key ("response_id") references "survey_response" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_quote_pick" add constraint "survey_quote_pick_picked_by_id_foreign" foreign key ("picked_by_id") references "person" ("id") on update cascade on delete cascade;`);
    // the defaults made before questions could be marked as confidence: their "confidence now" rating is one
    this.addSql(`update "survey_template_version" v set "questions" = (
        select jsonb_agg(case when q->>'id' = 'confidence-now' and q->>'kind' = 'RATING' then q || '{"confidence": true}'::jsonb else q end order by n)
          from jsonb_array_elements(v."questions") with ordinality as e(q, n))
      where v."template_id" in (select "id" from "survey_template" where "default_key" is not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "survey_quote_pick" cascade;`);
  }

}
