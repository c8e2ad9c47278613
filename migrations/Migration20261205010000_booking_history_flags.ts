import { Migration } from '@mikro-orm/migrations';

const REPORT_INDEX = (flags: boolean) =>
  `create index "booking_session_report_idx" on "booking" ("session_id") include ("id", "status", "late_cancellation", "walk_in", "agency_id", "person_id", ${
    flags ? `"ever_waitlisted", "ever_confirmed"` : `"waitlisted_at"`
  });`;

/**
 * Whether a booking ever waited in the queue and whether it ever held a place, kept on the booking itself
 * (docs/performance.md, "Waiting-list demand from the booking's own row"): the waiting-list demand of the reports
 * (people who waited and never got a place) read both from each booking's events, two index probes per booking of
 * the period. A trigger before every insert and update of a booking sets them from the row's status as it changes
 * (once set they stay set); `booking_history_flags_rebuild()` sets them afresh from the events (here, and after a
 * bulk load that skipped triggers). The reports' covering index carries them instead of `waitlisted_at`.
 */
export class Migration20261205010000_booking_history_flags extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "booking" add column "ever_waitlisted" boolean not null default false,
      add column "ever_confirmed" boolean not null default false;`);
    this.addSql(`create function "booking_history_flags"() returns trigger language plpgsql as $$
      begin
        -- old is null on insert; once set, a flag stays set whatever an update says
        new.ever_waitlisted := coalesce(old.ever_waitlisted, false) or new.ever_waitlisted or new.status = 'WAITLISTED' or new.waitlisted_at is not null;
        new.ever_confirmed := coalesce(old.ever_confirmed, false) or new.ever_confirmed or new.status = 'CONFIRMED' or new.late_cancellation;
        return new;
      end;
    $$;`);
    this.addSql(`create trigger "booking_history_flags" before insert or update on "booking"
      for each row execute function "booking_history_flags"();`);
    this.addSql(`create function "booking_history_flags_rebuild"() returns void language sql as $$
      update "booking" b set
        "ever_waitlisted" = b.status = 'WAITLISTED' or b.waitlisted_at is not null
          or exists (select 1 from "booking_event" e where e.booking_id = b.id and e.to_status = 'WAITLISTED'),
        "ever_confirmed" = b.status = 'CONFIRMED' or b.late_cancellation
          or exists (select 1 from "booking_event" e where e.booking_id = b.id and e.to_status = 'CONFIRMED');
    $$;`);
    this.addSql(`select "booking_history_flags_rebuild"();`);
    this.addSql(`drop index if exists "booking_session_report_idx";`);
    this.addSql(REPORT_INDEX(true));
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "booking_session_report_idx";`);
    this.addSql(`drop trigger if exists "booking_history_flags" on "booking";`);
    this.addSql(`drop function if exists "booking_history_flags_rebuild"();`);
    this.addSql(`drop function if exists "booking_history_flags"();`);
    this.addSql(`alter table "booking" drop column "ever_waitlisted", drop column "ever_confirmed";`);
    this.addSql(REPORT_INDEX(false));
  }
}
