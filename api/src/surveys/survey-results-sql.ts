import type { SurveyAudience, SurveyStage } from '@lh/domain';
import { SurveyBreakdown, type SurveyResultsFilter } from './survey-results.types';

/**
 * The SQL behind survey results: every figure is aggregated in PostgreSQL, grouped by the key the
 * breakdown asks for. Anonymous responses keep only the course, the session's month and the agency's
 * sector, so under a breakdown by session or agency they fall in one group with a null key.
 */

/** The group key of a response (r: survey_response; b: its booking when named, joined for AGENCY only). */
const responseKey: Record<SurveyBreakdown, string> = {
  NONE: `'all'`,
  COURSE: `r.course_id::text`,
  SESSION: `r.session_id::text`,
  AGENCY: `b.agency_id::text`,
  SECTOR: `r.agency_sector::text`,
};

/** The group key of an invitation (i, its session s, booking b and the booking's agency a). */
const invitationKey: Record<SurveyBreakdown, string> = {
  NONE: `'all'`,
  COURSE: `s.course_id::text`,
  SESSION: `i.session_id::text`,
  AGENCY: `b.agency_id::text`,
  SECTOR: `a.sector::text`,
};

/**
 * What the results cover: session months (London, YYYY-MM) and the filters. Survey results and the
 * evaluation report both read their figures through a scope, so the two always agree. Anonymous answers
 * keep only the course, the session's month and the agency's sector: a trainer or agency filter leaves
 * them out (which is said on screen); invitations always know their session and booking.
 */
export interface SurveyScope {
  fromMonth: string;
  toMonth: string;
  courseId?: string | null;
  priorityAreaId?: string | null;
  level?: number | null;
  format?: string | null;
  trainerId?: string | null;
  agencyId?: string | null;
  sector?: string | null;
}

/** SQL with its parameters, in the order the SQL reads them. */
export interface Sql {
  sql: string;
  params: unknown[];
}

export function scopeOf(filter: SurveyResultsFilter): SurveyScope {
  return {
    fromMonth: filter.fromMonth ?? '0000-01',
    toMonth: filter.toMonth ?? '9999-12',
    courseId: filter.courseId ?? null,
    sector: filter.sector ?? null,
  };
}

/** Makes placeholders in the order they are written, so write them in the order the SQL reads them. */
function placeholders(): { p: (value: unknown) => string; params: unknown[] } {
  const params: unknown[] = [];
  return { params, p: (value) => (params.push(value ?? null), '?') };
}

/** The course filters on a course id column: the course itself, its priority area, level and format. */
const courseIn = (column: string, scope: SurveyScope, p: (v: unknown) => string) => `${column} in (
    select fc.id from course fc
     where (${p(scope.courseId)}::uuid is null or fc.id = ${p(scope.courseId)}::uuid)
       and (${p(scope.priorityAreaId)}::uuid is null or fc.priority_area_id = ${p(scope.priorityAreaId)}::uuid)
       and (${p(scope.level)}::int is null or fc.level = ${p(scope.level)}::int)
       and (${p(scope.format)}::text is null or fc.format::text = ${p(scope.format)}::text))`;

/** The filter on survey_response `r`: session months, course filters, trainer and agency (named only), sector. */
export const responsesInScope = (
  scope: SurveyScope,
  p: (v: unknown) => string,
) => `r.session_month between ${p(scope.fromMonth)} and ${p(scope.toMonth)}
  and ${courseIn('r.course_id', scope, p)}
  and (${p(scope.trainerId)}::uuid is null or exists (
        select 1 from session_trainer st where st.session_id = r.session_id and st.person_id = ${p(scope.trainerId)}::uuid))
  and (${p(scope.agencyId)}::uuid is null or exists (
        select 1 from booking ab where ab.id = r.booking_id and ab.agency_id = ${p(scope.agencyId)}::uuid))
  and (${p(scope.sector)}::text is null or r.agency_sector::text = ${p(scope.sector)}::text)`;

/** SQL on survey_response `r` alone (quotes, counts): `build` gets the scope's condition and `p` for its own parameters. */
export function responsesSql(scope: SurveyScope, build: (where: string, p: (v: unknown) => string) => string): Sql {
  const { p, params } = placeholders();
  return { sql: build(responsesInScope(scope, p), p), params };
}

/**
 * Responses in scope (`resp`) and each of their answers beside its question (`ans`), as common table
 * expressions without the leading `with` (so a report can put them after its own), with the scope's params.
 * `invited` limits them to the named responses at one stage and audience about the sessions of an earlier CTE of
 * the caller's (`sessionsOf`, with a `session_id` column), found from the sessions (the trainers report).
 */
export function answersCtes(
  scope: SurveyScope,
  by: SurveyBreakdown,
  invited?: { sessionsOf: string; stage: SurveyStage; audience: SurveyAudience },
): Sql {
  const { p, params } = placeholders();
  const sql = `
  resp as (
    select r.id, r.stage::text as stage, r.audience::text as audience, r.identified, r.booking_id, r.answers, r.template_version_id,
           ${responseKey[by]} as gkey
      from survey_response r
      ${by === SurveyBreakdown.AGENCY ? 'left join booking b on b.id = r.booking_id' : ''}
     where ${responsesInScope(scope, p)}
       ${invited ? `and r.session_id in (select session_id from ${invited.sessionsOf}) and r.stage = '${invited.stage}' and r.audience = '${invited.audience}'` : ''}
  ), ans as (
    -- each answer beside its question: the versions' questions are listed once, then matched by version and id
    select resp.gkey, resp.id, resp.stage, resp.audience, resp.identified, resp.booking_id, vq.q as question, a as answer
      from resp
      cross join lateral jsonb_array_elements(resp.answers) a
      join (select v.id as version_id, q from survey_template_version v cross join lateral jsonb_array_elements(v.questions) q) vq
        on vq.version_id = resp.template_version_id and vq.q->>'id' = a->>'questionId'
  ), conf as (
    -- one row per response with a confidence answer: before (end of course) and now
    select gkey, id, stage, booking_id,
           avg((answer->'value'->>'before')::numeric) filter (where question->>'kind' = 'CONFIDENCE_PAIR') as before,
           avg(case when question->>'kind' = 'CONFIDENCE_PAIR' then (answer->'value'->>'now')::numeric
                    else (answer->>'value')::numeric end) as now
      from ans
     where audience = 'ATTENDEE'
       and ((question->>'kind' = 'CONFIDENCE_PAIR' and jsonb_typeof(answer->'value') = 'object')
         or (question->>'kind' = 'RATING' and question->>'confidence' = 'true' and jsonb_typeof(answer->'value') = 'number'))
     group by gkey, id, stage, booking_id
  )`;
  return { sql, params };
}

/** The same, as a query's `with` clause. */
function answersCte(scope: SurveyScope, by: SurveyBreakdown): Sql {
  const ctes = answersCtes(scope, by);
  return { sql: `with ${ctes.sql}`, params: ctes.params };
}

const GROUP_COUNTS = `select gkey, count(*) as responses, count(*) filter (where not identified) as anonymous from resp group by gkey`;

/** Each rating question's average over its answers and the responses that gave one (per response first: no sort). */
const RATINGS = `
  select gkey, stage, audience, question_id, min(question) as question, min(measures) as measures, count(*) as responses,
         sum(total) / sum(answers) as average
    from (select gkey, stage, audience, question->>'id' as question_id, id, min(question->>'text') as question,
                 min(question->>'measures') as measures, sum((answer->>'value')::numeric) as total, count(*) as answers
            from ans
           where question->>'kind' = 'RATING' and jsonb_typeof(answer->'value') = 'number'
           group by gkey, stage, audience, question->>'id', id) per_response
   group by gkey, stage, audience, question_id`;

const CONFIDENCE = `select gkey, stage, count(*) as responses, avg(before) as before, avg(now) as now from conf group by gkey, stage`;

/** The same place (booking) at the end of the course and later: named surveys only, since anonymous ones hold no booking. */
const CONFIDENCE_PAIRS = `
  select l.gkey, l.stage, count(*) as people, avg(e.before) as before, avg(e.now) as after, avg(l.now) as later
    from conf l join conf e on e.booking_id = l.booking_id and e.stage = 'END_OF_COURSE' and e.before is not null
   where l.stage <> 'END_OF_COURSE'
   group by l.gkey, l.stage`;

const PRACTICE_CHANGE = `
  select gkey, stage, count(*) as answered, count(*) filter (where answer->>'value' = 'true') as yes
    from ans
   where audience = 'ATTENDEE' and stage <> 'END_OF_COURSE' and question->>'kind' = 'YES_NO' and question->>'measures' = 'BEHAVIOUR'
     and jsonb_typeof(answer->'value') = 'boolean'
   group by gkey, stage`;

const ACTION_PLANS = `
  select gkey, stage, count(*) filter (where answer->>'value' = 'DONE') as done,
         count(*) filter (where answer->>'value' = 'PARTLY') as partly, count(*) filter (where answer->>'value' = 'NOT_YET') as not_yet
    from ans
   where question->>'kind' = 'ACTION_PLAN_REVIEW'
   group by gkey, stage`;

/**
 * Invitations in scope, by group, stage and audience: asked (not withdrawn) and answered, with the scope's params.
 * Sessions are chosen by their start (an index) within the London months; the booking and its agency are joined
 * only when the breakdown or a filter reads them.
 */
function responseRates(scope: SurveyScope, by: SurveyBreakdown): Sql {
  const { p, params } = placeholders();
  const byBooking = by === SurveyBreakdown.AGENCY || by === SurveyBreakdown.SECTOR || !!scope.agencyId || !!scope.sector;
  const sql = `
  select ${invitationKey[by]} as gkey, i.stage::text as stage, i.audience::text as audience,
         count(*) filter (where i.status <> 'WITHDRAWN') as invited, count(*) filter (where i.status = 'SUBMITTED') as answered
    from survey_invitation i
    join session s on s.id = i.session_id
    ${byBooking ? 'join booking b on b.id = i.booking_id left join agency a on a.id = b.agency_id' : ''}
   where s.starts_at >= (greatest(${p(scope.fromMonth)}, '1900-01') || '-01')::timestamp at time zone 'Europe/London'
     and s.starts_at < ((${p(scope.toMonth)} || '-01')::timestamp + interval '1 month') at time zone 'Europe/London'
     and ${courseIn('s.course_id', scope, p)}
     and (${p(scope.trainerId)}::uuid is null
          or exists (select 1 from session_trainer st where st.session_id = s.id and st.person_id = ${p(scope.trainerId)}::uuid))
     ${byBooking ? `and (${p(scope.agencyId)}::uuid is null or b.agency_id = ${p(scope.agencyId)}::uuid)` : ''}
     ${byBooking ? `and (${p(scope.sector)}::text is null or a.sector::text = ${p(scope.sector)}::text)` : ''}
   group by 1, 2, 3`;
  return { sql, params };
}

/** The parts of a group's figures read from the answers, each a query after `answersCte`. */
const ANSWER_PARTS = {
  counts: GROUP_COUNTS,
  ratings: RATINGS,
  confidence: CONFIDENCE,
  pairs: CONFIDENCE_PAIRS,
  practice: PRACTICE_CHANGE,
  plans: ACTION_PLANS,
} as const;
export type ResultPart = keyof typeof ANSWER_PARTS | 'rates';

/**
 * Every figure of survey results by a breakdown in ONE statement: the response rates and each part read from the
 * answers, each row as JSON (`row`) tagged with its part (`part`), so the answers are expanded once (PostgreSQL
 * keeps a CTE read several times) and not once per part.
 */
export function resultFigures(scope: SurveyScope, by: SurveyBreakdown): Sql {
  const cte = answersCte(scope, by);
  const rates = responseRates(scope, by);
  const parts = Object.entries(ANSWER_PARTS).map(([part, query]) => `select '${part}' as part, to_jsonb(x) as row from (${query}) x`);
  return {
    sql: `${cte.sql} ${[...parts, `select 'rates', to_jsonb(x) from (${rates.sql}) x`].join(' union all ')}`,
    params: [...cte.params, ...rates.params],
  };
}
