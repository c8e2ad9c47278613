import { CourseOutcome } from '@lh/domain';
import { answersCtes, scopeOf } from '../surveys/survey-results-sql';
import { SurveyBreakdown } from '../surveys/survey-results.types';
import { reportCte, trainingDaysJoin, type ReportScope } from './report-sql';

/**
 * The SQL of the charges (invoicing) and trainers reports, after the one report CTE (report-sql.ts), so
 * "did not attend", "late cancellations", "charges", "sessions delivered" and "training days" mean what
 * they mean everywhere. Period 0 only. All aggregation happens in PostgreSQL.
 */

type Query = { sql: string; params: unknown[] };

const DNA = `outcome = '${CourseOutcome.DID_NOT_ATTEND}'`;
const LATE = `outcome = '${CourseOutcome.LATE_CANCELLATION}'`;

/**
 * Non-attendance and charges by agency type (the sector of the agency booked under) and, within each, by
 * agency, with each type's subtotal and the total (grouping sets: `g_agency` 1 on a subtotal, `g_sector` 1
 * on the total). Only places with something to invoice or explain: a non-attendance, a late cancellation or
 * a charge.
 */
export function chargeRows(scope: ReportScope): Query {
  const cte = reportCte(scope);
  return {
    params: cte.params,
    sql: `${cte.sql}
  select grouping(p.sector) as g_sector, grouping(p.agency_id) as g_agency,
         coalesce(p.sector::text, 'none') as sector, coalesce(p.agency_id::text, 'none') as agency_id,
         coalesce(min(ag.name), 'No agency') as name,
         count(*) filter (where ${DNA}) as did_not_attend,
         count(*) filter (where ${LATE}) as late_cancellations,
         coalesce(sum(p.amount_pence), 0) + coalesce(sum(p.waived_pence), 0) as raised_pence,
         coalesce(sum(p.waived_pence), 0) as waived_pence,
         coalesce(sum(p.amount_pence), 0) as charges_pence
    from places p
    left join agency ag on ag.id = p.agency_id
   where p.period = 0 and (${DNA} or ${LATE} or p.amount_pence is not null or p.waived_pence is not null)
   group by grouping sets ((p.sector, p.agency_id), (p.sector), ())
   order by grouping(p.sector), coalesce(p.sector::text, 'none'), grouping(p.agency_id), lower(min(ag.name)), 4`,
  };
}

/**
 * The trainers report's common table expressions: `taught` (a trainer and a session delivered they trained,
 * with its training days and the trainer's agency), and `rated` (each rating answer, not confidence, of a
 * named end-of-course response about a session delivered: the survey results' own `ans`).
 */
function trainerCte(scope: ReportScope): Query {
  const cte = reportCte(scope);
  // every answer about a session: the sessions in scope are picked by `taught`
  const survey = answersCtes(scopeOf({}), SurveyBreakdown.SESSION);
  return {
    params: [...cte.params, ...survey.params],
    sql: `${cte.sql}, ${survey.sql}, taught as (
    select st.person_id, coalesce(tp.agency_id::text, 'none') as agency_key, s.id as session_id, td.days
      from sess s
      ${trainingDaysJoin('s')}
      join session_trainer st on st.session_id = s.id
      join person tp on tp.id = st.person_id
     where s.delivered and s.period = 0
  ), rated as (
    select ans.gkey::uuid as session_id, ans.id as response_id, (ans.answer->>'value')::numeric as value
      from ans
     where ans.stage = 'END_OF_COURSE' and ans.audience = 'ATTENDEE' and ans.question->>'kind' = 'RATING'
       and coalesce(ans.question->>'confidence', 'false') <> 'true' and jsonb_typeof(ans.answer->'value') = 'number'
       and ans.gkey is not null
  )`,
  };
}

/** Sessions, training days and ratings per group of `taught` sessions (`figs`): each session once per group. */
const perGroup = (group: string) => `
  , grouped as (select distinct ${group} as gkey, session_id, days from taught)
  , delivered as (select gkey, count(*) as sessions_delivered, coalesce(sum(days), 0) as training_days from grouped group by gkey)
  , ratings as (
    select g.gkey, avg(r.value) as average_rating, count(distinct r.response_id) as ratings_given
      from grouped g join rated r on r.session_id = g.session_id group by g.gkey
  ), figs as (
    select d.gkey, d.sessions_delivered, d.training_days, r.average_rating, coalesce(r.ratings_given, 0) as ratings_given
      from delivered d left join ratings r on r.gkey = d.gkey
  )`;

/** Per trainer (coordinators only: names): their name and agency, sorted by name. */
export function trainerRows(scope: ReportScope): Query {
  const cte = trainerCte(scope);
  return {
    params: cte.params,
    sql: `${cte.sql} ${perGroup('person_id::text')}
    select x.*, tp.name, coalesce(ag.name, 'No agency') as agency_name from figs x
      join person tp on tp.id = x.gkey::uuid left join agency ag on ag.id = tp.agency_id
     order by lower(tp.name), x.gkey`,
  };
}

/** Per trainer's agency (their agency today), sorted by name. */
export function trainerAgencyRows(scope: ReportScope): Query {
  const cte = trainerCte(scope);
  return {
    params: cte.params,
    sql: `${cte.sql} ${perGroup('agency_key')}
    select x.*, coalesce(ag.name, 'No agency') as name from figs x
      left join agency ag on ag.id::text = x.gkey
     order by lower(coalesce(ag.name, 'No agency')), x.gkey`,
  };
}

/** Every session delivered with a trainer, once: the trainers report's total. */
export function trainerTotals(scope: ReportScope): Query {
  const cte = trainerCte(scope);
  return { params: cte.params, sql: `${cte.sql} ${perGroup(`'all'`)} select * from figs` };
}
