// Reports 4-7 for the reports stage of the bench (bench/reports.mjs times them): evaluation and impact,
// mandatory training compliance, trainers, and charges for invoicing, each asked of the API beside the same
// figures counted by a plain hand-written SQL query straight from the tables; the two must agree.

const LONDON = (d) => `('${d}'::date::timestamp at time zone 'Europe/London')`;
const inYear = (fy, s = 's') => `${s}.starts_at >= ${LONDON(fy.from)} and ${s}.starts_at < ${LONDON(fy.to)}`;
const delivered = (s = 's') => `${s}.status = 'SCHEDULED' and ${s}.starts_at <= now()`;
/** The day before a 'YYYY-MM-DD'. */
const dayBefore = (d) => new Date(Date.parse(`${d}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const EVALUATION = `query Evaluation($filter: ReportFilterInput!) { evaluationReport(filter: $filter) {
  overall { responses hidden responseRates { stage audience invited answered } ratings { stage audience questionId responses average } }
  groups { key responses } } }`;
const COMPLIANCE = `query Compliance($filter: ReportFilterInput!) { complianceReport(filter: $filter) { asAt previousAsAt
  requirements { requirementId agencies { agencyId applies } total { applies previousApplies statuses { status count } } } } }`;
const TRAINERS = `query Trainers($filter: ReportFilterInput!) { trainersReport(filter: $filter) {
  trainers { trainerId figures { sessionsDelivered trainingDays ratingsGiven } } total { sessionsDelivered trainingDays ratingsGiven } } }`;
const CHARGES = `query Charges($filter: ReportFilterInput!) { chargesReport(filter: $filter) {
  types { sector agencies { agencyId didNotAttend lateCancellations raisedPence waivedPence chargesPence } }
  total { didNotAttend lateCancellations raisedPence waivedPence chargesPence } } }`;

// Invitations by the month their session started, responses by the month they keep; ratings are every numeric answer
// to a rating question that is not about confidence, per stage, audience and question; per course, the responses.
const plainEvaluation = (months) => `
  select 'rate' as kind, i.stage::text as stage, i.audience::text as audience, null as question_id, null as course_id,
         count(*) filter (where i.status <> 'WITHDRAWN') as invited, count(*) filter (where i.status = 'SUBMITTED') as answered, null::numeric as average
    from survey_invitation i join session s on s.id = i.session_id
   where to_char(s.starts_at at time zone 'Europe/London', 'YYYY-MM') between '${months.from}' and '${months.to}'
   group by 2, 3
  union all
  select 'rating', r.stage::text, r.audience::text, q->>'id', null, count(distinct r.id), null, avg((a->>'value')::numeric)
    from survey_response r join survey_template_version v on v.id = r.template_version_id,
         jsonb_array_elements(r.answers) a, jsonb_array_elements(v.questions) q
   where r.session_month between '${months.from}' and '${months.to}' and q->>'id' = a->>'questionId'
     and q->>'kind' = 'RATING' and jsonb_typeof(a->'value') = 'number'
   group by 2, 3, 4
  union all
  select 'course', null, null, null, r.course_id::text, count(*), null, null
    from survey_response r where r.session_month between '${months.from}' and '${months.to}' group by r.course_id`;

// Where each person stood against each requirement that applies to them on the two as-at dates.
const plainCompliance = (asAt, previousAsAt) => `
  with app as (
    select d.as_at, r.id as requirement_id, p.agency_id, r.validity_months, r.new_starter_months, r.refresher_months,
           (p.created_at at time zone 'Europe/London')::date as joined,
           (select max(c.completed_on) from training_completion c
             where c.person_id = p.id and c.revoked_at is null and c.completed_on <= d.as_at
               and (c.course_id = any(r.course_ids) or (c.source = 'EXTERNAL' and c.level >= r.external_min_level))) as done
      from (values ('${asAt}'::date), ('${previousAsAt}'::date)) d(as_at)
      cross join mandatory_requirement r
      join person p on p.status = 'ACTIVE' and (p.created_at at time zone 'Europe/London')::date <= d.as_at
      left join agency a on a.id = p.agency_id
     where p.roles && r.roles or p.agency_id = any(r.agency_ids) or a.sector = any(r.sectors)
  )
  select to_char(as_at, 'YYYY-MM-DD') as as_at, requirement_id, agency_id,
         case when done is null then case when as_at > joined + new_starter_months * interval '1 month' then 'OVERDUE' else 'NOT_YET_DUE' end
              when as_at > done + validity_months * interval '1 month' then 'EXPIRED'
              when as_at >= (done + validity_months * interval '1 month')::date - refresher_months * interval '1 month' then 'DUE_SOON'
              else 'CURRENT' end as status,
         count(*) as people
    from app group by 1, 2, 3, 4`;

// Each trainer's sessions delivered in the year, their training days (the London days the parts touch) and the
// named end-of-course responses rating them (rating questions not about confidence), and every session delivered with
// a trainer once.
const plainTrainers = (fy) => `
  with days as (
    select s.id, count(distinct d::date) as days
      from session s join session_part sp on sp.session_id = s.id,
           generate_series((sp.starts_at at time zone 'Europe/London')::date,
                           ((sp.ends_at - interval '1 microsecond') at time zone 'Europe/London')::date, interval '1 day') d
     where ${inYear(fy)} and ${delivered()}
     group by s.id
  ), rated as (
    select distinct r.session_id, r.id
      from survey_response r join survey_template_version v on v.id = r.template_version_id,
           jsonb_array_elements(r.answers) a, jsonb_array_elements(v.questions) q
     where r.session_id in (select id from days) and r.stage = 'END_OF_COURSE' and r.audience = 'ATTENDEE'
       and q->>'id' = a->>'questionId' and q->>'kind' = 'RATING' and coalesce(q->>'confidence', 'false') <> 'true'
       and jsonb_typeof(a->'value') = 'number'
  ), ratings as (select session_id, count(*) as n from rated group by session_id)
  select st.person_id as trainer_id, count(*) as sessions_delivered, sum(days.days) as training_days, coalesce(sum(ratings.n), 0) as ratings_given
    from days join session_trainer st on st.session_id = days.id left join ratings on ratings.session_id = days.id
   group by st.person_id
  union all
  select null, count(*), coalesce(sum(days), 0), coalesce(sum(ratings.n), 0)
    from days left join ratings on ratings.session_id = days.id
   where exists (select 1 from session_trainer st where st.session_id = days.id)`;

// Non-attendance and charges per agency booked under: places on sessions delivered in the year.
const plainCharges = (fy) => `
  select coalesce(b.agency_id::text, 'none') as agency_id,
         count(*) filter (where o.outcome = 'DID_NOT_ATTEND') as did_not_attend,
         count(*) filter (where o.outcome = 'LATE_CANCELLATION') as late_cancellations,
         coalesce(sum(ch.amount_pence) filter (where ch.status in ('CHARGED', 'WAIVED')), 0) as raised_pence,
         coalesce(sum(ch.amount_pence) filter (where ch.status = 'WAIVED'), 0) as waived_pence,
         coalesce(sum(ch.amount_pence) filter (where ch.status = 'CHARGED'), 0) as charges_pence
    from booking b join session s on s.id = b.session_id
    left join attendance_outcome o on o.booking_id = b.id
    left join non_attendance_charge ch on ch.booking_id = b.id and ch.status <> 'VOID'
   where ${inYear(fy)} and ${delivered()}
     and (b.status = 'CONFIRMED' or (b.status = 'CANCELLED' and b.late_cancellation and not b.walk_in))
     and (o.outcome in ('DID_NOT_ATTEND', 'LATE_CANCELLATION') or ch.id is not null)
   group by 1`;

const snake = (s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** The names whose numbers differ between an API object and a SQL row (snake_case columns). */
const differ = (label, api, sql, names) =>
  names.filter((n) => Number(api?.[n]) !== Number(sql?.[snake(n)])).map((n) => `${label}: ${n} ${api?.[n]} ≠ ${sql?.[snake(n)]}`);
/** Two sets of keyed rows must have the same keys. */
const sameKeys = (what, apiKeys, sqlKeys) => {
  const [a, s] = [new Set(apiKeys), new Set(sqlKeys)];
  return [
    ...[...s].filter((k) => !a.has(k)).map((k) => `${what} ${k}: missing from the API`),
    ...[...a].filter((k) => !s.has(k)).map((k) => `${what} ${k}: not in the plain SQL`),
  ];
};
const TRAINER_FIGURES = ['sessionsDelivered', 'trainingDays', 'ratingsGiven'];
const CHARGE_FIGURES = ['didNotAttend', 'lateCancellations', 'raisedPence', 'waivedPence', 'chargesPence'];

/** Reports 4-7 for the financial year `fy` (from, to exclusive), as `reports` in bench/reports.mjs lists them. */
export function moreReports(fy) {
  const filter = { periodKind: 'FINANCIAL_YEAR', from: fy.from };
  const lastDay = dayBefore(fy.to);
  const today = new Date().toISOString().slice(0, 10);
  const asAt = lastDay < today ? lastDay : today;
  const previousAsAt = dayBefore(fy.from);
  return [
    {
      name: 'evaluation and impact',
      query: EVALUATION,
      variables: { filter },
      sql: plainEvaluation({ from: fy.from.slice(0, 7), to: lastDay.slice(0, 7) }),
      differences: ({ evaluationReport: r }, rows) => {
        const of = (kind) => rows.filter((x) => x.kind === kind);
        const rates = new Map(of('rate').map((x) => [`${x.stage} ${x.audience}`, x]));
        const ratings = new Map(of('rating').map((x) => [`${x.stage} ${x.audience} ${x.question_id}`, x]));
        const courses = new Map(of('course').map((x) => [x.course_id, x]));
        const responses = of('course').reduce((n, x) => n + Number(x.invited), 0);
        return [
          ...(r.overall.hidden ? ['the overall answers are hidden'] : []),
          ...(r.overall.responses === responses ? [] : [`responses ${r.overall.responses} ≠ ${responses}`]),
          ...sameKeys(
            'response rate',
            r.overall.responseRates.map((x) => `${x.stage} ${x.audience}`),
            rates.keys(),
          ),
          ...r.overall.responseRates.flatMap((x) =>
            differ(`${x.stage} ${x.audience}`, x, rates.get(`${x.stage} ${x.audience}`), ['invited', 'answered']),
          ),
          ...sameKeys(
            'rating',
            r.overall.ratings.map((x) => `${x.stage} ${x.audience} ${x.questionId}`),
            ratings.keys(),
          ),
          ...r.overall.ratings.flatMap((x) => {
            const sql = ratings.get(`${x.stage} ${x.audience} ${x.questionId}`);
            const close = sql && Math.abs(Number(sql.average) - x.average) < 0.01 && Number(sql.invited) === x.responses;
            return close ? [] : [`rating ${x.stage} ${x.questionId}: ${x.responses} at ${x.average} ≠ ${sql?.invited} at ${sql?.average}`];
          }),
          // a course with invitations and no response has a group too, of 0 responses
          ...sameKeys(
            'course',
            r.groups.filter((g) => g.responses > 0).map((g) => g.key),
            courses.keys(),
          ),
          ...r.groups.flatMap((g) =>
            Number(courses.get(g.key)?.invited ?? 0) === g.responses ? [] : [`course ${g.key}: responses ${g.responses}`],
          ),
        ];
      },
    },
    {
      name: 'mandatory compliance',
      query: COMPLIANCE,
      variables: { filter },
      sql: plainCompliance(asAt, previousAsAt),
      differences: ({ complianceReport: r }, rows) => {
        const dates =
          r.asAt === asAt && r.previousAsAt === previousAsAt
            ? []
            : [`as at ${r.asAt} and ${r.previousAsAt}, not ${asAt} and ${previousAsAt}`];
        const sum = (pick) => rows.filter(pick).reduce((n, x) => n + Number(x.people), 0);
        const ids = [...new Set(rows.map((x) => x.requirement_id))];
        return [
          ...dates,
          ...sameKeys(
            'requirement',
            r.requirements.map((q) => q.requirementId),
            ids,
          ),
          ...r.requirements.flatMap((q) => {
            const mine = (x) => x.requirement_id === q.requirementId;
            const now = (x) => mine(x) && x.as_at === asAt;
            const problems = q.total.statuses
              .filter((s) => s.count !== sum((x) => now(x) && x.status === s.status))
              .map((s) => `${q.requirementId} ${s.status}: ${s.count} ≠ ${sum((x) => now(x) && x.status === s.status)}`);
            if (q.total.previousApplies !== sum((x) => mine(x) && x.as_at === previousAsAt)) {
              problems.push(`${q.requirementId}: previous ${q.total.previousApplies} ≠ ${sum((x) => mine(x) && x.as_at === previousAsAt)}`);
            }
            return [
              ...problems,
              ...q.agencies
                .filter((a) => a.applies !== sum((x) => now(x) && x.agency_id === a.agencyId))
                .map((a) => `${q.requirementId} ${a.agencyId}: ${a.applies} ≠ ${sum((x) => now(x) && x.agency_id === a.agencyId)}`),
            ];
          }),
        ];
      },
    },
    {
      name: 'trainers',
      query: TRAINERS,
      variables: { filter },
      sql: plainTrainers(fy),
      differences: ({ trainersReport: r }, rows) => {
        const byTrainer = new Map(rows.filter((x) => x.trainer_id).map((x) => [x.trainer_id, x]));
        const total = rows.find((x) => !x.trainer_id);
        return [
          ...differ('total', r.total, total, TRAINER_FIGURES),
          ...sameKeys(
            'trainer',
            r.trainers.map((t) => t.trainerId),
            byTrainer.keys(),
          ),
          ...r.trainers.flatMap((t) => differ(t.trainerId, t.figures, byTrainer.get(t.trainerId), TRAINER_FIGURES)),
        ];
      },
    },
    {
      name: 'charges for invoicing',
      query: CHARGES,
      variables: { filter },
      sql: plainCharges(fy),
      differences: ({ chargesReport: r }, rows) => {
        const byAgency = new Map(rows.map((x) => [x.agency_id, x]));
        const agencies = r.types.flatMap((t) => t.agencies);
        const total = Object.fromEntries(CHARGE_FIGURES.map((f) => [snake(f), rows.reduce((n, x) => n + Number(x[snake(f)]), 0)]));
        return [
          ...differ('total', r.total, total, CHARGE_FIGURES),
          ...sameKeys(
            'agency',
            agencies.map((a) => a.agencyId),
            byAgency.keys(),
          ),
          ...agencies.flatMap((a) => differ(a.agencyId, a, byAgency.get(a.agencyId), CHARGE_FIGURES)),
        ];
      },
    },
  ];
}
