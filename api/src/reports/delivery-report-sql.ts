import { SurveyAudience, SurveyStage } from '@lh/domain';
import { answersCtes, scopeOf } from '../surveys/survey-results-sql';
import { SurveyBreakdown } from '../surveys/survey-results.types';
import { reportCte, trainingDaysJoin, type ReportScope } from './report-sql';

/**
 * The SQL of the charges (invoicing) and trainers reports, after the one report CTE (report-sql.ts), so
 * "did not attend", "late cancellations", "charges", "sessions delivered" and "training days" mean what
 * they mean everywhere. Period 0 only. All aggregation happens in PostgreSQL.
 */

type Query = { sql: string; params: unknown[] };

/**
 * Non-attendance and charges by agency type (the sector of the agency booked under) and, within each, by
 * agency, with each type's subtotal and the total (grouping sets: `g_agency` 1 on a subtotal, `g_sector` 1
 * on the total). Only groups with something to invoice or explain: a non-attendance, a late cancellation or
 * a charge (a charge is only ever for one of the two). Sums of `place_sums`, whose columns count `places` under
 * the same conditions (report-place-totals.int-spec.ts).
 */
export function chargeRows(scope: ReportScope): Query {
  const cte = reportCte(scope);
  return {
    params: cte.params,
    sql: `${cte.sql}
  select grouping(p.sector) as g_sector, grouping(p.agency_id) as g_agency,
         coalesce(p.sector::text, 'none') as sector, coalesce(p.agency_id::text, 'none') as agency_id,
         coalesce(min(ag.name), 'No agency') as name,
         sum(p.did_not_attend) as did_not_attend,
         sum(p.late_cancellations) as late_cancellations,
         sum(p.charges_pence) + sum(p.waived_pence) as raised_pence,
         sum(p.waived_pence) as waived_pence,
         sum(p.charges_pence) as charges_pence
    from place_sums p
    left join agency ag on ag.id = p.agency_id
   where p.period = 0
   group by grouping sets ((p.sector, p.agency_id), (p.sector), ())
  having sum(p.did_not_attend) + sum(p.late_cancellations) + sum(p.charges_pence) + sum(p.waived_pence) > 0
   order by grouping(p.sector), coalesce(p.sector::text, 'none'), grouping(p.agency_id), lower(min(ag.name)), 4`,
  };
}

/**
 * The trainers report's common table expressions: `taught` (a trainer and a session delivered they trained,
 * with its training days and the trainer's agency), and `rated` (each rating answer, not confidence, of a
 * named end-of-course response about a session delivered: the survey results' own `ans`, read from the sessions).
 */
function trainerCte(scope: ReportScope): Query {
  const cte = reportCte(scope);
  // the answers about the sessions `taught` picks, found from those sessions' end-of-course invitations
  const survey = answersCtes(scopeOf({}), SurveyBreakdown.SESSION, {
    sessionsOf: 'taught',
    stage: SurveyStage.END_OF_COURSE,
    audience: SurveyAudience.ATTENDEE,
  });
  return {
    params: [...cte.params, ...survey.params],
    sql: `${cte.sql}, taught as (
    select st.person_id, coalesce(tp.agency_id::text, 'none') as agency_key, s.id as session_id, td.days
      from sess s
      ${trainingDaysJoin('s')}
      join session_trainer st on st.session_id = s.id
      join person tp on tp.id = st.person_id
     where s.delivered and s.period = 0
  ), ${survey.sql}, rated as (
    select ans.gkey::uuid as session_id, ans.id as response_id, (ans.answer->>'value')::numeric as value
      from ans
     where ans.stage = 'END_OF_COURSE' and ans.audience = 'ATTENDEE' and ans.question->>'kind' = 'RATING'
       and coalesce(ans.question->>'confidence', 'false') <> 'true' and jsonb_typeof(ans.answer->'value') = 'number'
       and ans.gkey is not null
  ), rated_sessions as (
    -- per session first (a response is about one session): the groups then add a few rows up, not every answer
    select session_id, sum(value) as total, count(*) as answers, count(distinct response_id) as responses from rated group by session_id
  )`,
  };
}

/** The groups of the trainers report: each trainer (coordinators only), each trainer's agency (today), everyone. */
export type TrainerGroup = 'TRAINER' | 'AGENCY' | 'ALL';

/**
 * The trainers report in one statement: sessions delivered, training days and ratings per group (`gkind`, `gkey`),
 * each session once per group (two trainers of one agency on a session count it once for the agency); the per-trainer
 * rows only `withTrainers`. Rows carry the trainer's or agency's name and, for a trainer, their agency's; sorted by
 * kind then name.
 */
export function trainerReportRows(scope: ReportScope, withTrainers: boolean): Query {
  const cte = trainerCte(scope);
  return {
    params: cte.params,
    sql: `${cte.sql}
  , grouped as (
    ${withTrainers ? `select distinct 'TRAINER' as gkind, person_id::text as gkey, session_id, days from taught union all` : ''}
    select distinct 'AGENCY' as gkind, agency_key as gkey, session_id, days from taught
    union all select distinct 'ALL', 'all', session_id, days from taught
  ), delivered as (
    select gkind, gkey, count(*) as sessions_delivered, coalesce(sum(days), 0) as training_days from grouped group by gkind, gkey
  ), ratings as (
    select g.gkind, g.gkey, sum(r.total) / sum(r.answers) as average_rating, sum(r.responses) as ratings_given
      from grouped g join rated_sessions r on r.session_id = g.session_id group by g.gkind, g.gkey
  )
  select d.gkind, d.gkey, d.sessions_delivered, d.training_days, r.average_rating, coalesce(r.ratings_given, 0) as ratings_given,
         case d.gkind when 'TRAINER' then tp.name when 'AGENCY' then coalesce(ag.name, 'No agency') end as name,
         coalesce(tag.name, 'No agency') as agency_name
    from delivered d
    left join ratings r on r.gkind = d.gkind and r.gkey = d.gkey
    left join person tp on d.gkind = 'TRAINER' and tp.id::text = d.gkey
    left join agency tag on tag.id = tp.agency_id
    left join agency ag on d.gkind = 'AGENCY' and ag.id::text = d.gkey
   order by d.gkind, lower(case d.gkind when 'TRAINER' then tp.name else coalesce(ag.name, 'No agency') end), d.gkey`,
  };
}
