import { BookingStatus, CourseOutcome, SessionStatus } from '@lh/domain';

/**
 * The SQL behind every report figure, in one place: each figure is counted here exactly as the glossary
 * (libs/domain/src/report-definitions.ts) words it, and every report and export reads these queries.
 * Attendance comes from the decided outcomes (`attendance_outcome`), the agency from the booking (the agency
 * the place was booked under, never the person's agency today). All aggregation happens in PostgreSQL.
 *
 * A scope covers one or more periods back to back (newest first: period 0, 1, ...); rows carry their
 * period index, so a report and its comparison with earlier periods come from the same query.
 */

/** What a query is asked for: the periods' instants and the filters (already validated). */
export interface ReportScope {
  /** Start of each period (the London midnight of its first day), newest first. */
  periodStarts: readonly Date[];
  /** End of the newest period (the London midnight after its last day). */
  end: Date;
  /** The time of the report: a session is delivered once it has started. */
  now: Date;
  priorityAreaId?: string | null;
  level?: number | null;
  format?: string | null;
  courseId?: string | null;
  trainerId?: string | null;
  agencyId?: string | null;
  sector?: string | null;
}

/** What a figure is counted by: everything, or a course, priority area, agency (at booking) or its sector. */
export type ReportKey = 'ALL' | 'COURSE' | 'PRIORITY_AREA' | 'AGENCY' | 'SECTOR';
/** The keys the session figures can be counted by. */
export type SessionReportKey = Exclude<ReportKey, 'AGENCY' | 'SECTOR'>;

/** The group key of a row of `sess` (sessions): agency and sector do not apply to sessions. */
const sessionKey: Record<SessionReportKey, string> = {
  ALL: `'all'`,
  COURSE: `course_id::text`,
  PRIORITY_AREA: `priority_area_id::text`,
};

/** The group key of a row of `places`, `moved` or `waited`. */
const placeKey: Record<ReportKey, string> = {
  ...sessionKey,
  AGENCY: `coalesce(agency_id::text, 'none')`,
  SECTOR: `coalesce(sector::text, 'none')`,
};

/** The agency of a `report_place_total` row of places booked under no agency. */
const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

const ATTENDED = `(outcome = '${CourseOutcome.ATTENDED}' or (outcome = '${CourseOutcome.PARTLY_ATTENDED}' and partly_completes))`;

/**
 * A session's training days (the London days its parts touch) as a lateral join on the session `alias`: only the
 * figures that show training days compute them, for delivered sessions only.
 */
export const trainingDaysJoin = (alias: string) => `left join lateral (
      select count(distinct d::date) as days
        from session_part sp
        cross join lateral generate_series((sp.starts_at at time zone 'Europe/London')::date,
                                           (greatest(sp.starts_at, sp.ends_at - interval '1 microsecond') at time zone 'Europe/London')::date,
                                           interval '1 day') d
       where sp.session_id = ${alias}.id and ${alias}.delivered) td on true`;

/**
 * The common table expressions every figure is counted from:
 * - `sess`: sessions whose first part starts in the scope, with the course's filters, the period and whether
 *   delivered (not cancelled and started); their training days come from `trainingDaysJoin` where shown;
 * - `places`: the places on sessions delivered that count: confirmed (booked beforehand or walk-ins) and
 *   places cancelled after the cut-off, each with its decided outcome, the agency booked under and its live
 *   charge (standing in `amount_pence`, waived in `waived_pence`; at most one charge per booking is not void);
 *   the drill-down lists and the trainers and charges reports read it;
 * - `place_sums`: the same places counted per session and agency (`report_place_total`, kept by triggers in the
 *   database), which the place figures add up instead of joining every booking with its outcome and charge;
 * - `moved`: places moved out of a session in the scope;
 * - `waited`: a person, course and period where the person waited and never got a place on that course (a booking's
 *   `ever_waitlisted` and `ever_confirmed`, which the database keeps as its status changes).
 * Returns the SQL and its parameters, in order.
 */
export function reportCte(scope: ReportScope): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value ?? null);
    return '?';
  };
  const period =
    scope.periodStarts.length === 1
      ? '0'
      : `case ${scope.periodStarts
          .slice(0, -1)
          .map((start, i) => `when s.starts_at >= ${p(start)}::timestamptz then ${i}`)
          .join(' ')} else ${scope.periodStarts.length - 1} end`;
  // placeholders are numbered in the order they are made: make them in the order the SQL reads them
  const now = p(scope.now);
  const start = scope.periodStarts[scope.periodStarts.length - 1];
  const sessionFilters = `s.starts_at >= ${p(start)}::timestamptz and s.starts_at < ${p(scope.end)}::timestamptz
       and (${p(scope.priorityAreaId)}::uuid is null or c.priority_area_id = ${p(scope.priorityAreaId)}::uuid)
       and (${p(scope.level)}::int is null or c.level = ${p(scope.level)}::int)
       and (${p(scope.format)}::text is null or c.format::text = ${p(scope.format)}::text)
       and (${p(scope.courseId)}::uuid is null or c.id = ${p(scope.courseId)}::uuid)
       and (${p(scope.trainerId)}::uuid is null
            or exists (select 1 from session_trainer st where st.session_id = s.id and st.person_id = ${p(scope.trainerId)}::uuid))`;
  const agencyFilter = () => `(${p(scope.agencyId)}::uuid is null or b.agency_id = ${p(scope.agencyId)}::uuid)
       and (${p(scope.sector)}::text is null or a.sector::text = ${p(scope.sector)}::text)`;
  const sql = `
  with sess as (
    select s.id, s.course_id, c.priority_area_id, s.capacity, s.status::text as status, c.partly_attended_completes as partly_completes,
           ${period} as period,
           (s.status = '${SessionStatus.SCHEDULED}' and s.starts_at <= ${now}::timestamptz) as delivered
      from session s
      join course c on c.id = s.course_id
     where ${sessionFilters}
  ), places as (
    select b.id, b.person_id, s.id as session_id, s.course_id, s.priority_area_id, s.period, s.partly_completes,
           b.agency_id, a.sector, b.walk_in, o.outcome::text as outcome,
           case when ch.status = 'CHARGED' then ch.amount_pence end as amount_pence,
           case when ch.status = 'WAIVED' then ch.amount_pence end as waived_pence
      from booking b
      join sess s on s.id = b.session_id and s.delivered
      left join agency a on a.id = b.agency_id
      left join attendance_outcome o on o.booking_id = b.id
      left join non_attendance_charge ch on ch.booking_id = b.id and ch.status <> 'VOID'
     where (b.status = '${BookingStatus.CONFIRMED}' or (b.status = '${BookingStatus.CANCELLED}' and b.late_cancellation and not b.walk_in))
       and ${agencyFilter()}
  ), place_sums as (
    select s.id as session_id, s.course_id, s.priority_area_id, s.period, nullif(b.agency_id, '${NO_AGENCY}'::uuid) as agency_id, a.sector,
           b.booked, b.walk_ins, b.attended_fully, b.attended_partly, b.absent_with_apology, b.did_not_attend,
           b.late_cancellations, b.awaiting_register, b.charges_pence, b.waived_pence,
           b.attended_fully + case when s.partly_completes then b.attended_partly else 0 end as attended,
           b.attended_fully_booked + case when s.partly_completes then b.attended_partly_booked else 0 end as attended_booked
      from report_place_total b
      join sess s on s.id = b.session_id and s.delivered
      left join agency a on a.id = b.agency_id
     where ${agencyFilter()}
  ), moved as (
    select b.id, b.person_id, s.id as session_id, s.course_id, s.priority_area_id, s.period, b.agency_id, a.sector
      from booking b
      join sess s on s.id = b.session_id
      left join agency a on a.id = b.agency_id
     where exists (select 1 from booking_event e where e.booking_id = b.id and e.action = 'moved-out')
       and ${agencyFilter()}
  ), waited as (
    select distinct b.person_id, s.course_id, s.priority_area_id, s.period, b.agency_id, a.sector
      from booking b
      join sess s on s.id = b.session_id
      left join agency a on a.id = b.agency_id
     where b.ever_waitlisted
       and ${agencyFilter()}
       and not exists (
         select 1 from booking g join sess gs on gs.id = g.session_id
          where g.person_id = b.person_id and gs.course_id = s.course_id and gs.period = s.period
            and g.ever_confirmed)
  )`;
  return { sql, params };
}

/**
 * Each figure a coordinator can drill into, with the one condition that picks its rows of `sess` or
 * `places` (moved and waiting-list demand take every row of `moved` and `waited`). The session counts below and the
 * drill-down lists (report-drill-down.ts) read these; the place counts are sums of `place_sums`, whose columns are
 * these conditions counted by the database's triggers, and report-place-totals.int-spec.ts checks the two agree, so
 * a list's length is always its figure.
 */
export const SESSION_CONDITIONS = {
  SESSIONS_DELIVERED: `delivered`,
  SESSIONS_CANCELLED: `status = '${SessionStatus.CANCELLED}'`,
} as const;
export const PLACE_CONDITIONS = {
  BOOKED: `not walk_in`,
  ATTENDED: ATTENDED,
  DID_NOT_ATTEND: `outcome = '${CourseOutcome.DID_NOT_ATTEND}'`,
  LATE_CANCELLATIONS: `outcome = '${CourseOutcome.LATE_CANCELLATION}'`,
  WALK_INS: `walk_in`,
} as const;

/** Session figures per key and period: delivered, courses, cancelled, training days, places offered. */
export const sessionFigures = (key: SessionReportKey) => `
  select ${sessionKey[key]} as gkey, period,
         count(*) filter (where ${SESSION_CONDITIONS.SESSIONS_DELIVERED}) as sessions_delivered,
         count(distinct course_id) filter (where delivered) as courses_delivered,
         count(*) filter (where ${SESSION_CONDITIONS.SESSIONS_CANCELLED}) as sessions_cancelled,
         coalesce(sum(td.days) filter (where delivered), 0) as training_days,
         coalesce(sum(capacity) filter (where delivered), 0) as places_offered
    from sess ${trainingDaysJoin('sess')} group by 1, 2`;

/**
 * The place figures of one period, as columns named `<name><suffix>` (the period's index picks the rows): sums of
 * `place_sums`, each column the count of `places` under one of `PLACE_CONDITIONS` (report-place-totals.int-spec.ts).
 */
const placeColumns = (periodIndex: number | null, suffix = '') => {
  const inPeriod = periodIndex === null ? '' : ` filter (where period = ${periodIndex})`;
  const f = (column: string, name = column) => `coalesce(sum(${column})${inPeriod}, 0) as ${name}${suffix}`;
  return ['booked', 'attended', 'attended_fully', 'attended_partly', 'attended_booked', 'absent_with_apology', 'did_not_attend']
    .concat(['late_cancellations', 'awaiting_register', 'walk_ins'])
    .map((column) => f(column))
    .concat(f('charges_pence'))
    .join(',\n         ');
};

/** Place figures per key and period. */
export const placeFigures = (key: ReportKey) => `
  select ${placeKey[key]} as gkey, period, ${placeColumns(null)} from place_sums group by 1, 2`;

/** Places moved out, per key and period. */
export const movedFigures = (key: ReportKey) => `select ${placeKey[key]} as gkey, period, count(*) as moved from moved group by 1, 2`;

/** Waiting-list demand per key and period: people once per course. */
export const waitingFigures = (key: ReportKey) =>
  `select ${placeKey[key]} as gkey, period, count(distinct (person_id, course_id)) as waiting_list_demand from waited group by 1, 2`;

/** The columns a report by agency or sector sorts by, and the SQL of each (on the pivoted row). */
export const AGENCY_SORT_SQL = {
  NAME: `lower(name)`,
  BOOKED: `booked_0`,
  ATTENDED: `attended_0`,
  ATTENDANCE_RATE: `attended_booked_0::numeric / nullif(booked_0, 0)`,
  DID_NOT_ATTEND: `did_not_attend_0`,
  LATE_CANCELLATIONS: `late_cancellations_0`,
  CHARGES: `charges_pence_0`,
} as const;
export type AgencySortColumn = keyof typeof AGENCY_SORT_SQL;

/** The four kinds of figure rows: sessions (`sess`), places, places moved out and waiting-list demand. */
export const FIGURE_KINDS = ['sessions', 'places', 'moved', 'waiting'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];
const kindQuery: Record<FigureKind, (key: SessionReportKey) => string> = {
  sessions: sessionFigures,
  places: placeFigures,
  moved: movedFigures,
  waiting: waitingFigures,
};

/**
 * One kind of figure rows for each of `keys` in one statement after `reportCte` (the rows tagged with their key,
 * `gkind`), so a report by several keys builds the CTE once per kind, not once per kind and key. The kinds run
 * side by side; PostgreSQL skips the CTEs a statement does not read, so a kind costs only its own tables.
 */
export function keyedFigures(keys: readonly SessionReportKey[], kind: FigureKind): string {
  return keys.map((k) => `select '${k}' as gkind, x.* from (${kindQuery[kind](k)}) x`).join(' union all ');
}

/**
 * Place figures by agency (at booking) or its sector, one row per group with the figures of every period
 * side by side (`booked_0`, `booked_1`, ...), sorted in PostgreSQL by a column of the newest period
 * (then by name). `name` is the agency's name, or the sector's key.
 */
export function agencyRows(by: 'AGENCY' | 'SECTOR', periods: number, sort: AgencySortColumn, descending: boolean): string {
  const columns = Array.from({ length: periods }, (_, i) => placeColumns(i, `_${i}`)).join(',\n         ');
  const name = by === 'AGENCY' ? `coalesce(min(ag.name), 'No agency')` : `coalesce(min(place_sums.sector::text), 'none')`;
  return `
  , grouped as (
    select ${placeKey[by].replace(/(agency_id|sector)/, 'place_sums.$1')} as gkey, ${name} as name,
           ${columns}
      from place_sums
      left join agency ag on ag.id = place_sums.agency_id
     group by 1
  )
  select * from grouped
   order by ${AGENCY_SORT_SQL[sort]} ${descending ? 'desc nulls last' : 'asc nulls first'}, lower(name), gkey`;
}

/** The same columns as `agencyRows`, over every place: the report's total row. */
export function agencyTotals(periods: number): string {
  const columns = Array.from({ length: periods }, (_, i) => placeColumns(i, `_${i}`)).join(',\n         ');
  return `select ${columns} from place_sums`;
}

/** Names of the courses and priority areas a report lists, by id. */
export const COURSE_NAMES = `select c.id, c.title, c.priority_area_id, pa.name as area from course c join priority_area pa on pa.id = c.priority_area_id where c.id = any(?::uuid[])`;
export const AREA_NAMES = `select id, name from priority_area where id = any(?::uuid[])`;

/**
 * Session and place figures of every period of the scope (key ALL), one row per period, in ONE query:
 * the dashboard's months are the scope's periods.
 */
export const periodFigures = () => `
  select * from (${sessionFigures('ALL')}) s full join (${placeFigures('ALL')}) p using (gkey, period) order by period`;
