// The reports stage of the bench: each report the API offers (programme summary, annual-report table, by agency and
// by sector here; evaluation, compliance, trainers and charges in reports-more.mjs), timed through the GraphQL API
// over HTTP as a coordinator, beside the same figures counted by a plain hand-written SQL query on the same database
// in the same run; the two must agree.
import { randomBytes } from 'node:crypto';
import { hashToken } from './lib/data.mjs';
import { client } from './lib/http.mjs';
import { percentile } from './lib/stats.mjs';
import { moreReports } from './reports-more.mjs';

/** The last whole financial year before `today` (1 April to 31 March, London), as the report and the SQL read it. */
export function lastFinancialYear(today = new Date()) {
  const y = today.getUTCMonth() >= 3 ? today.getUTCFullYear() - 1 : today.getUTCFullYear() - 2;
  return { from: `${y}-04-01`, to: `${y + 1}-04-01`, earliest: `${y - 2}-04-01` };
}

/** A signed-in coordinator, written straight into the database; returns the cookie. */
export async function coordinatorCookie(db) {
  const token = randomBytes(32).toString('base64url');
  const {
    rows: [person],
  } = await db.query(
    `insert into person (id, name, email, roles, status) values (gen_random_uuid(), 'Bench Coordinator', 'bench-coordinator-' || $1 || '@bench.example',
       '{COORDINATOR}', 'ACTIVE') returning id`,
    [token.slice(0, 8)],
  );
  await db.query(
    `insert into auth_session (token_hash, person_id, created_at, expires_at, last_used_at, method) values ($1, $2, now(), now() + interval '1 day', now(), 'PASSWORD')`,
    [hashToken(token), person.id],
  );
  return `lh_session=${token}`;
}

const SUMMARY = `query Summary($filter: ReportFilterInput!) { programmeSummary(filter: $filter) { figures {
  coursesDelivered sessionsDelivered sessionsCancelled trainingDays placesOffered booked attended didNotAttend lateCancellations
  awaitingRegister walkIns moved waitingListDemand chargesPence } } }`;
const ANNUAL = `query Annual($filter: ReportFilterInput!) { annualReportTable(filter: $filter) {
  areas { courses { courseId delivered attendance } } total { delivered attendance } } }`;
const AGENCY = `query Agency($filter: ReportFilterInput!, $agency: AgencyReportInput!) { agencyReport(filter: $filter, input: $agency) {
  rows { key trend { booked } current { booked attended didNotAttend lateCancellations chargesPence } }
  total { current { booked attended didNotAttend lateCancellations chargesPence } } } }`;

// The plain SQL: the same figures straight from the tables, written as one would by hand.
const LONDON = (d) => `('${d}'::date::timestamp at time zone 'Europe/London')`;
const attended = `(o.outcome = 'ATTENDED' or (o.outcome = 'PARTLY_ATTENDED' and c.partly_attended_completes))`;
const countsPlace = `(b.status = 'CONFIRMED' or (b.status = 'CANCELLED' and b.late_cancellation and not b.walk_in))`;
const plainSummary = (fy) => `
  select
    (select count(*) from session s where s.starts_at >= ${LONDON(fy.from)} and s.starts_at < ${LONDON(fy.to)} and s.status = 'SCHEDULED' and s.starts_at <= now()) as sessions_delivered,
    (select count(distinct s.course_id) from session s where s.starts_at >= ${LONDON(fy.from)} and s.starts_at < ${LONDON(fy.to)} and s.status = 'SCHEDULED' and s.starts_at <= now()) as courses_delivered,
    (select count(*) from session s where s.starts_at >= ${LONDON(fy.from)} and s.starts_at < ${LONDON(fy.to)} and s.status = 'CANCELLED') as sessions_cancelled,
    (select coalesce(sum(s.capacity), 0) from session s where s.starts_at >= ${LONDON(fy.from)} and s.starts_at < ${LONDON(fy.to)} and s.status = 'SCHEDULED' and s.starts_at <= now()) as places_offered,
    (select count(*) from (select distinct sp.session_id, (sp.starts_at at time zone 'Europe/London')::date
       from session_part sp join session s on s.id = sp.session_id
      where s.starts_at >= ${LONDON(fy.from)} and s.starts_at < ${LONDON(fy.to)} and s.status = 'SCHEDULED' and s.starts_at <= now()) d) as training_days,
    p.*,
    (select count(*) from booking b join session s on s.id = b.session_id
      where s.starts_at >= ${LONDON(fy.from)} and s.starts_at < ${LONDON(fy.to)}
        and exists (select 1 from booking_event e where e.booking_id = b.id and e.action = 'moved-out')) as moved,
    (select count(*) from (select distinct b.person_id, s.course_id from booking b join session s on s.id = b.session_id
      where s.starts_at >= ${LONDON(fy.from)} and s.starts_at < ${LONDON(fy.to)} and b.waitlisted_at is not null
        and not exists (select 1 from booking g join session gs on gs.id = g.session_id
          where g.person_id = b.person_id and gs.course_id = s.course_id and gs.starts_at >= ${LONDON(fy.from)} and gs.starts_at < ${LONDON(fy.to)}
            and (g.status = 'CONFIRMED' or g.late_cancellation or exists (select 1 from booking_event ge where ge.booking_id = g.id and ge.to_status = 'CONFIRMED')))) w) as waiting_list_demand
  from (select count(*) filter (where not b.walk_in) as booked, count(*) filter (where ${attended}) as attended,
               count(*) filter (where o.outcome = 'DID_NOT_ATTEND') as did_not_attend, count(*) filter (where o.outcome = 'LATE_CANCELLATION') as late_cancellations,
               count(*) filter (where not b.walk_in and o.outcome is null) as awaiting_register, count(*) filter (where b.walk_in) as walk_ins,
               coalesce(sum(ch.amount_pence), 0) as charges_pence
          from booking b join session s on s.id = b.session_id join course c on c.id = s.course_id
          left join attendance_outcome o on o.booking_id = b.id
          left join non_attendance_charge ch on ch.booking_id = b.id and ch.status = 'CHARGED'
         where s.starts_at >= ${LONDON(fy.from)} and s.starts_at < ${LONDON(fy.to)} and s.status = 'SCHEDULED' and s.starts_at <= now() and ${countsPlace}) p`;
const plainAnnual = (fy) => `
  select s.course_id, count(distinct s.id) as delivered, count(*) filter (where ${countsPlace} and ${attended}) as attendance
    from session s join course c on c.id = s.course_id
    left join booking b on b.session_id = s.id
    left join attendance_outcome o on o.booking_id = b.id
   where s.starts_at >= ${LONDON(fy.from)} and s.starts_at < ${LONDON(fy.to)} and s.status = 'SCHEDULED' and s.starts_at <= now()
   group by s.course_id`;
const plainAgency = (fy, by) => `
  select ${by === 'SECTOR' ? `coalesce(a.sector::text, 'none')` : `coalesce(b.agency_id::text, 'none')`} as key,
         count(*) filter (where not b.walk_in) as booked, count(*) filter (where ${attended}) as attended,
         count(*) filter (where o.outcome = 'DID_NOT_ATTEND') as did_not_attend, count(*) filter (where o.outcome = 'LATE_CANCELLATION') as late_cancellations,
         coalesce(sum(ch.amount_pence), 0) as charges_pence
    from booking b join session s on s.id = b.session_id join course c on c.id = s.course_id
    left join agency a on a.id = b.agency_id
    left join attendance_outcome o on o.booking_id = b.id
    left join non_attendance_charge ch on ch.booking_id = b.id and ch.status = 'CHARGED'
   where s.starts_at >= ${LONDON(fy.from)} and s.starts_at < ${LONDON(fy.to)} and s.status = 'SCHEDULED' and s.starts_at <= now() and ${countsPlace}
   group by 1`;

const snake = (s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const sameNumbers = (api, sql, names) =>
  names.filter((n) => Number(api[n]) !== Number(sql[snake(n)])).map((n) => `${n} ${api[n]} ≠ ${sql[snake(n)]}`);
const AGENCY_FIGURES = ['booked', 'attended', 'didNotAttend', 'lateCancellations', 'chargesPence'];

/** Each report: how to ask the API, the plain SQL, and what must agree between the two answers. */
function reports(fy) {
  const filter = { periodKind: 'FINANCIAL_YEAR', from: fy.from };
  const byAgency = (bySector) => ({
    query: AGENCY,
    variables: { filter, agency: { bySector } },
    sql: plainAgency(fy, bySector ? 'SECTOR' : 'AGENCY'),
    differences: (data, rows) => {
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const problems = data.agencyReport.rows
        .filter((r) => r.current.booked > 0 || byKey.has(r.key))
        .flatMap((r) => sameNumbers(r.current, byKey.get(r.key) ?? {}, AGENCY_FIGURES).map((p) => `${r.key}: ${p}`));
      const apiKeys = new Set(data.agencyReport.rows.filter((r) => r.current.booked > 0 || r.current.attended > 0).map((r) => r.key));
      return [...problems, ...rows.filter((r) => !apiKeys.has(r.key)).map((r) => `${r.key}: missing from the API's rows`)];
    },
  });
  return [
    {
      name: 'programme summary',
      query: SUMMARY,
      variables: { filter },
      sql: plainSummary(fy),
      differences: (data, [row]) => sameNumbers(data.programmeSummary.figures, row, Object.keys(data.programmeSummary.figures)),
    },
    {
      name: 'annual-report table',
      query: ANNUAL,
      variables: { filter },
      sql: plainAnnual(fy),
      differences: (data, rows) => {
        const api = data.annualReportTable.areas.flatMap((a) => a.courses);
        const sql = new Map(rows.map((r) => [r.course_id, r]));
        const problems = api.flatMap((c) =>
          sameNumbers(c, sql.get(c.courseId) ?? {}, ['delivered', 'attendance']).map((p) => `${c.courseId}: ${p}`),
        );
        const total = rows.reduce(
          (t, r) => ({ delivered: t.delivered + Number(r.delivered), attendance: t.attendance + Number(r.attendance) }),
          {
            delivered: 0,
            attendance: 0,
          },
        );
        return [...problems, ...sameNumbers(data.annualReportTable.total, total, ['delivered', 'attendance']).map((p) => `total: ${p}`)];
      },
    },
    { name: 'by agency (3 years)', ...byAgency(false) },
    { name: 'by sector (3 years)', ...byAgency(true) },
    ...moreReports(fy),
  ];
}

/**
 * Times every report `runs` times through the API at `apiUrl` and by its plain SQL over `db`, after one
 * warm-up each; returns [name, api median ms, sql median ms, differences] per report.
 */
export async function benchReports({ db, apiUrl, runs, today = new Date() }) {
  const cookie = await coordinatorCookie(db);
  const http = client(apiUrl, { sockets: 1 });
  const results = [];
  try {
    for (const report of reports(lastFinancialYear(today))) {
      const apiTimes = [];
      const sqlTimes = [];
      let data;
      let rows;
      for (let i = 0; i <= runs; i++) {
        let began = performance.now();
        const res = await http.gql(report.query, report.variables, cookie);
        const apiMs = performance.now() - began;
        if (res.status !== 200 || res.json?.errors) {
          throw new Error(`${report.name}: the API answered ${res.status} ${JSON.stringify(res.json?.errors ?? res.json)}`);
        }
        began = performance.now();
        const sql = await db.query(report.sql);
        const sqlMs = performance.now() - began;
        if (i > 0) {
          apiTimes.push(apiMs);
          sqlTimes.push(sqlMs);
        }
        data = res.json.data;
        rows = sql.rows;
      }
      results.push({
        name: report.name,
        api: percentile(apiTimes, 50),
        sql: percentile(sqlTimes, 50),
        differences: report.differences(data, rows),
      });
    }
  } finally {
    http.close();
  }
  return results;
}
