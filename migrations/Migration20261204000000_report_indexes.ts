import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes the reports' plans ask for on a decade of data (docs/performance.md, "Reports on a decade of
 * data"): a session's bookings with every column the report CTE reads (index-only, instead of a scan of
 * every booking), a booking's events by status and action (the moved-out and waiting-list tests), its
 * decided outcome and its live charge, each read without touching the table.
 */
export class Migration20261204000000_report_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "booking_session_report_idx" on "booking" ("session_id") include ("id", "status", "late_cancellation", "walk_in", "agency_id", "person_id", "waitlisted_at");`,
    );
    this.addSql(`create index "booking_event_booking_status_action_idx" on "booking_event" ("booking_id", "to_status", "action");`);
    this.addSql(`create index "attendance_outcome_booking_outcome_idx" on "attendance_outcome" ("booking_id") include ("outcome");`);
    this.addSql(
      `create index "non_attendance_charge_charged_idx" on "non_attendance_charge" ("booking_id") include ("amount_pence") where "status" = 'CHARGED';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "non_attendance_charge_charged_idx";`);
    this.addSql(`drop index if exists "attendance_outcome_booking_outcome_idx";`);
    this.addSql(`drop index if exists "booking_event_booking_status_action_idx";`);
    this.addSql(`drop index if exists "booking_session_report_idx";`);
  }
}
