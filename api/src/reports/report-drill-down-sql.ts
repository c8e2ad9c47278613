import { ReportFigure } from '@lh/domain';
import { PLACE_CONDITIONS, SESSION_CONDITIONS } from './report-sql';

/** A figure a coordinator can drill into: the sessions (and, for places, the people) behind it. */
export enum DrillDownFigure {
  BOOKED = 'BOOKED',
  ATTENDED = 'ATTENDED',
  DID_NOT_ATTEND = 'DID_NOT_ATTEND',
  LATE_CANCELLATIONS = 'LATE_CANCELLATIONS',
  WALK_INS = 'WALK_INS',
  MOVED = 'MOVED',
  WAITING_LIST_DEMAND = 'WAITING_LIST_DEMAND',
  SESSIONS_DELIVERED = 'SESSIONS_DELIVERED',
  SESSIONS_CANCELLED = 'SESSIONS_CANCELLED',
}

/** The glossary's figure a drill-down figure is (same names: its term and definition). */
export const reportFigureOf = (figure: DrillDownFigure): ReportFigure => ReportFigure[figure];

/** Whether a figure counts sessions (no people listed) or people. */
export const isSessionFigure = (figure: DrillDownFigure) =>
  figure === DrillDownFigure.SESSIONS_DELIVERED || figure === DrillDownFigure.SESSIONS_CANCELLED;

/**
 * The rows of reportCte's `sess`, `places`, `moved` or `waited` behind a figure of period 0, picked by the
 * same condition that counts it (report-sql.ts), with what a coordinator reads: the session, the person,
 * the agency booked under and the outcome. Every select gives the same columns, so one row type fits all.
 */
function rowsOf(figure: DrillDownFigure): string {
  const columns = (person: string, agency: string, outcome: string) => `
         s.id as session_id, c.title as course_title, s.starts_at, s.status::text as session_status,
         ${person === 'pe' ? 'pe.id' : 'null::uuid'} as person_id, ${person === 'pe' ? 'pe.name' : 'null::text'} as person_name, ${agency} as agency_name, ${outcome} as outcome, x.sort_key`;
  if (isSessionFigure(figure)) {
    const cond = SESSION_CONDITIONS[figure as keyof typeof SESSION_CONDITIONS];
    return `select ${columns('none', 'null::text', 'null::text')}
      from (select id, id::text as sort_key from sess where period = 0 and ${cond}) x
      join session s on s.id = x.id join course c on c.id = s.course_id`;
  }
  if (figure === DrillDownFigure.WAITING_LIST_DEMAND) {
    // people once per course, as the figure counts them: the course's earliest session in the period
    return `select ${columns('pe', 'ag.name', 'null::text')}
      from (select distinct on (w.person_id, w.course_id) w.person_id, w.agency_id, w.course_id,
                   (w.person_id::text || w.course_id::text) as sort_key
              from waited w where w.period = 0 order by w.person_id, w.course_id, w.agency_id) x
      join person pe on pe.id = x.person_id
      left join agency ag on ag.id = x.agency_id
      join lateral (select ss.* from session ss join sess on sess.id = ss.id
                     where ss.course_id = x.course_id and sess.period = 0 order by ss.starts_at limit 1) s on true
      join course c on c.id = s.course_id`;
  }
  const source =
    figure === DrillDownFigure.MOVED
      ? `select session_id, person_id, agency_id, null::text as outcome, id::text as sort_key from moved where period = 0`
      : `select session_id, person_id, agency_id, outcome, id::text as sort_key from places
          where period = 0 and ${PLACE_CONDITIONS[figure as keyof typeof PLACE_CONDITIONS]}`;
  return `select ${columns('pe', 'ag.name', 'x.outcome')}
      from (${source}) x
      join session s on s.id = x.session_id join course c on c.id = s.course_id
      join person pe on pe.id = x.person_id
      left join agency ag on ag.id = x.agency_id`;
}

/** One page of a figure's rows (after reportCte's SQL; parameters: limit then offset), soonest session first. */
export const drillDownRows = (figure: DrillDownFigure) => `
  , rows as (${rowsOf(figure)})
  select * from rows order by starts_at, course_title, person_name nulls first, sort_key limit ?::int offset ?::int`;

/** How many rows a figure has: its figure, by construction. */
export const drillDownCount = (figure: DrillDownFigure) => `, rows as (${rowsOf(figure)}) select count(*)::int as n from rows`;
