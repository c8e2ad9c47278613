import { Migration } from '@mikro-orm/migrations';

const NO_AGENCY = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** A place counts in the reports when confirmed (booked or walk-in), or cancelled after the cut-off. */
const counted = (b: string) => `(${b}.status = 'CONFIRMED' or (${b}.status = 'CANCELLED' and ${b}.late_cancellation and not ${b}.walk_in))`;

/**
 * The place counts of every session, by the agency each place was booked under (docs/performance.md,
 * "A summary table of places"): the place figures of every report are sums over these rows instead of a
 * join of each booking with its outcome and charge. The rows are kept by triggers on `booking`,
 * `attendance_outcome` and `non_attendance_charge`, adding and taking away a place's part in the same
 * transaction as the change (an upsert that adds, so concurrent changes never lose one another's), and
 * `report_place_total_rebuild()` counts them afresh from the tables (here, and after a bulk load that
 * skipped triggers). Each column is one condition of `PLACE_CONDITIONS` in api/src/reports/report-sql.ts;
 * report-place-totals.int-spec.ts checks the triggers' rows against a fresh count after every kind of change.
 */
export class Migration20261205000000_report_place_totals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "report_place_total" (
      "session_id" uuid not null, "agency_id" uuid not null,
      "booked" int not null default 0, "walk_ins" int not null default 0,
      "attended_fully" int not null default 0, "attended_fully_booked" int not null default 0,
      "attended_partly" int not null default 0, "attended_partly_booked" int not null default 0,
      "absent_with_apology" int not null default 0, "did_not_attend" int not null default 0,
      "late_cancellations" int not null default 0, "awaiting_register" int not null default 0,
      "charges_pence" bigint not null default 0, "waived_pence" bigint not null default 0,
      constraint "report_place_total_pkey" primary key ("session_id", "agency_id"));`);

    // one place's part (sign +1 or -1) added to its session and agency's row
    this.addSql(`create function "report_place_add"(p_session uuid, p_agency uuid, p_walk_in boolean, p_outcome text,
        p_charge_status text, p_amount int, p_sign int) returns void language sql as $$
      insert into "report_place_total" as t ("session_id", "agency_id", "booked", "walk_ins", "attended_fully", "attended_fully_booked",
          "attended_partly", "attended_partly_booked", "absent_with_apology", "did_not_attend", "late_cancellations",
          "awaiting_register", "charges_pence", "waived_pence")
      values (p_session, coalesce(p_agency, ${NO_AGENCY}),
          p_sign * (not p_walk_in)::int, p_sign * p_walk_in::int,
          p_sign * (p_outcome is not distinct from 'ATTENDED')::int, p_sign * (not p_walk_in and p_outcome is not distinct from 'ATTENDED')::int,
          p_sign * (p_outcome is not distinct from 'PARTLY_ATTENDED')::int, p_sign * (not p_walk_in and p_outcome is not distinct from 'PARTLY_ATTENDED')::int,
          p_sign * (p_outcome is not distinct from 'ABSENT_WITH_APOLOGY')::int, p_sign * (p_outcome is not distinct from 'DID_NOT_ATTEND')::int,
          p_sign * (p_outcome is not distinct from 'LATE_CANCELLATION')::int, p_sign * (not p_walk_in and p_outcome is null)::int,
          p_sign * case when p_charge_status = 'CHARGED' then coalesce(p_amount, 0) else 0 end,
          p_sign * case when p_charge_status = 'WAIVED' then coalesce(p_amount, 0) else 0 end)
      on conflict ("session_id", "agency_id") do update set
        "booked" = t."booked" + excluded."booked", "walk_ins" = t."walk_ins" + excluded."walk_ins",
        "attended_fully" = t."attended_fully" + excluded."attended_fully",
        "attended_fully_booked" = t."attended_fully_booked" + excluded."attended_fully_booked",
        "attended_partly" = t."attended_partly" + excluded."attended_partly",
        "attended_partly_booked" = t."attended_partly_booked" + excluded."attended_partly_booked",
        "absent_with_apology" = t."absent_with_apology" + excluded."absent_with_apology",
        "did_not_attend" = t."did_not_attend" + excluded."did_not_attend",
        "late_cancellations" = t."late_cancellations" + excluded."late_cancellations",
        "awaiting_register" = t."awaiting_register" + excluded."awaiting_register",
        "charges_pence" = t."charges_pence" + excluded."charges_pence", "waived_pence" = t."waived_pence" + excluded."waived_pence";
    $$;`);

    // a booking's part, with its outcome and live charge as they are now, if the place counts
    this.addSql(`create function "report_place_add_booking"(p_booking "booking", p_sign int) returns void language plpgsql as $$
      declare o text; cs text; ca int;
      begin
        if not ${counted('p_booking')} then return; end if;
        select outcome::text into o from "attendance_outcome" where "booking_id" = p_booking.id;
        select status::text, amount_pence into cs, ca from "non_attendance_charge" where "booking_id" = p_booking.id and "status" <> 'VOID' limit 1;
        perform "report_place_add"(p_booking.session_id, p_booking.agency_id, p_booking.walk_in, o, cs, ca, p_sign);
      end;
    $$;`);

    this.addSql(`create function "report_place_total_booking"() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then perform "report_place_add_booking"(old, -1); end if;
        if tg_op in ('INSERT', 'UPDATE') then perform "report_place_add_booking"(new, 1); end if;
        return case when tg_op = 'DELETE' then old else null end;
      end;
    $$;`);
    this.addSql(`create trigger "report_place_total_booking_insert" after insert on "booking"
      for each row when (${counted('new')}) execute function "report_place_total_booking"();`);
    this.addSql(`create trigger "report_place_total_booking_update" after update of "status", "late_cancellation", "walk_in", "agency_id", "session_id" on "booking"
      for each row when ((${counted('old')} or ${counted('new')}) and (old.status, old.late_cancellation, old.walk_in, old.agency_id, old.session_id)
        is distinct from (new.status, new.late_cancellation, new.walk_in, new.agency_id, new.session_id))
      execute function "report_place_total_booking"();`);
    // before the delete, while its outcome and charge are still there (their rows go with it)
    this.addSql(`create trigger "report_place_total_booking_delete" before delete on "booking"
      for each row when (${counted('old')}) execute function "report_place_total_booking"();`);

    // an outcome or a charge inserted, changed or deleted: the booking's part with the old one (none when inserted) taken
    // away and with the new one (none when deleted) added; the other table's columns cancel out, so neither reads it
    this.addSql(`create function "report_place_total_outcome"() returns trigger language plpgsql as $$
      declare b "booking";
      begin
        select * into b from "booking" where "id" = coalesce(new.booking_id, old.booking_id);
        if b.id is null or not ${counted('b')} then return null; end if;
        perform "report_place_add"(b.session_id, b.agency_id, b.walk_in, case when tg_op <> 'INSERT' then old.outcome::text end, null, null, -1);
        perform "report_place_add"(b.session_id, b.agency_id, b.walk_in, case when tg_op <> 'DELETE' then new.outcome::text end, null, null, 1);
        return null;
      end;
    $$;`);
    this.addSql(`create trigger "report_place_total_outcome" after insert or delete or update of "outcome" on "attendance_outcome"
      for each row execute function "report_place_total_outcome"();`);

    this.addSql(`create function "report_place_total_charge"() returns trigger language plpgsql as $$
      declare b "booking";
      begin
        select * into b from "booking" where "id" = coalesce(new.booking_id, old.booking_id);
        if b.id is null or not ${counted('b')} then return null; end if;
        perform "report_place_add"(b.session_id, b.agency_id, b.walk_in, null,
          case when tg_op <> 'INSERT' then old.status::text end, case when tg_op <> 'INSERT' then old.amount_pence end, -1);
        perform "report_place_add"(b.session_id, b.agency_id, b.walk_in, null,
          case when tg_op <> 'DELETE' then new.status::text end, case when tg_op <> 'DELETE' then new.amount_pence end, 1);
        return null;
      end;
    $$;`);
    this.addSql(`create trigger "report_place_total_charge" after insert or delete or update of "status", "amount_pence" on "non_attendance_charge"
      for each row execute function "report_place_total_charge"();`);

    // every row counted afresh from the tables
    this.addSql(`create function "report_place_total_rebuild"() returns void language sql as $$
      delete from "report_place_total";
      insert into "report_place_total" ("session_id", "agency_id", "booked", "walk_ins", "attended_fully", "attended_fully_booked",
          "attended_partly", "attended_partly_booked", "absent_with_apology", "did_not_attend", "late_cancellations",
          "awaiting_register", "charges_pence", "waived_pence")
      select b.session_id, coalesce(b.agency_id, ${NO_AGENCY}),
             count(*) filter (where not b.walk_in), count(*) filter (where b.walk_in),
             count(*) filter (where o.outcome = 'ATTENDED'), count(*) filter (where not b.walk_in and o.outcome = 'ATTENDED'),
             count(*) filter (where o.outcome = 'PARTLY_ATTENDED'), count(*) filter (where not b.walk_in and o.outcome = 'PARTLY_ATTENDED'),
             count(*) filter (where o.outcome = 'ABSENT_WITH_APOLOGY'), count(*) filter (where o.outcome = 'DID_NOT_ATTEND'),
             count(*) filter (where o.outcome = 'LATE_CANCELLATION'), count(*) filter (where not b.walk_in and o.outcome is null),
             coalesce(sum(ch.amount_pence) filter (where ch.status = 'CHARGED'), 0), coalesce(sum(ch.amount_pence) filter (where ch.status = 'WAIVED'), 0)
        from "booking" b
        left join "attendance_outcome" o on o.booking_id = b.id
        left join "non_attendance_charge" ch on ch.booking_id = b.id and ch.status <> 'VOID'
       where ${counted('b')}
       group by 1, 2;
    $$;`);
    this.addSql(`select "report_place_total_rebuild"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "report_place_total_charge" on "non_attendance_charge";`);
    this.addSql(`drop trigger if exists "report_place_total_outcome" on "attendance_outcome";`);
    this.addSql(`drop trigger if exists "report_place_total_booking_delete" on "booking";`);
    this.addSql(`drop trigger if exists "report_place_total_booking_update" on "booking";`);
    this.addSql(`drop trigger if exists "report_place_total_booking_insert" on "booking";`);
    this.addSql(`drop function if exists "report_place_total_rebuild"();`);
    this.addSql(`drop function if exists "report_place_total_charge"();`);
    this.addSql(`drop function if exists "report_place_total_outcome"();`);
    this.addSql(`drop function if exists "report_place_total_booking"();`);
    this.addSql(`drop function if exists "report_place_add_booking"("booking", int);`);
    this.addSql(`drop function if exists "report_place_add"(uuid, uuid, boolean, text, text, int, int);`);
    this.addSql(`drop table if exists "report_place_total" cascade;`);
  }
}
