import { Role } from '@lh/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { aPerson } from '../../test/builders';
import { createTestDatabase, gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { childEnv } from '../../test/api-process';

/**
 * The data generator (`npm run generate`, bench/lib/generate.mjs) at a tiny size into this file's test
 * database: the rows keep every invariant the app keeps, the same seed gives the same rows, and every
 * report runs on them.
 */

const root = path.resolve(__dirname, '../../..');
const generate = (databaseUrl: string, seed: number) =>
  execFileSync(
    process.execPath,
    ['scripts/generate.mjs', '--people', '200', '--sessions', '40', '--bookings', '1000', '--seed', String(seed)],
    {
      cwd: root,
      env: childEnv({ DATABASE_URL: databaseUrl }),
      encoding: 'utf8',
    },
  );

/** How many rows a query counts (the invariants below count the rows that break them: 0). */
async function count(em: EntityManager, sql: string): Promise<number> {
  const [row] = await em.getConnection().execute<{ n: string }[]>(`select count(*) as n from (${sql}) x`);
  return Number(row!.n);
}

describe('the data generator', () => {
  let api: TestApi;
  let em: EntityManager;
  let databaseUrl: string;

  beforeAll(async () => {
    api = await startTestApi();
    em = api.orm.em.fork() as EntityManager;
    databaseUrl = api.orm.config.getClientUrl();
    generate(databaseUrl, 7);
  });
  afterAll(async () => {
    await api.close();
  });

  it('writes the sizes asked for, and every kind of row', async () => {
    expect(await count(em, `select 1 from person where email like 'gen7-%'`)).toBe(200);
    expect(await count(em, `select 1 from session`)).toBe(40);
    expect(await count(em, `select 1 from booking`)).toBe(1000);
    expect(await count(em, `select distinct sector from agency`)).toBe(13);
    const kinds: Record<string, string> = {
      'multi-day sessions': `select session_id from session_part group by 1 having count(*) > 1`,
      'cancelled sessions': `select 1 from session where status = 'CANCELLED'`,
      'confirmed places': `select 1 from booking where status = 'CONFIRMED' and not walk_in`,
      'walk-ins': `select 1 from booking where walk_in`,
      'early cancellations': `select 1 from booking where status = 'CANCELLED' and not late_cancellation`,
      'late cancellations': `select 1 from booking where late_cancellation`,
      'places from the waiting list': `select 1 from booking where waitlisted_at is not null and status = 'CONFIRMED'`,
      'waiting that never got a place': `select 1 from booking where status in ('WAITLISTED', 'EXPIRED')`,
      'moves out': `select 1 from booking_event where action = 'moved-out'`,
      'register marks': `select 1 from attendance_event`,
      charges: `select 1 from non_attendance_charge where status = 'CHARGED'`,
      'anonymous responses': `select 1 from survey_response where not identified`,
      'named responses': `select 1 from survey_response where identified`,
      'training completions': `select 1 from training_completion`,
      'mandatory requirements with courses': `select 1 from mandatory_requirement where cardinality(course_ids) > 0`,
    };
    for (const [kind, sql] of Object.entries(kinds)) {
      expect([kind, (await count(em, sql)) > 0]).toEqual([kind, true]);
    }
  });

  it('keeps the invariants the app keeps', async () => {
    const broken: Record<string, string> = {
      'more confirmed places than the capacity': `select s.id from session s join booking b on b.session_id = s.id
         where b.status = 'CONFIRMED' group by s.id, s.capacity having count(*) > s.capacity`,
      'a booking on a cancelled session not cancelled': `select 1 from booking b join session s on s.id = b.session_id
         where s.status = 'CANCELLED' and b.status <> 'CANCELLED'`,
      'a session not spanning its parts': `select s.id from session s join session_part p on p.session_id = s.id
         group by s.id having min(p.starts_at) <> s.starts_at or max(p.ends_at) <> s.ends_at`,
      "a booking whose agency is not the person's": `select 1 from booking b join person p on p.id = b.person_id
         where b.agency_id is distinct from p.agency_id`,
      'an outcome before the session was delivered': `select 1 from attendance_outcome o join session s on s.id = o.session_id
         where s.status <> 'SCHEDULED' or s.ends_at > o.decided_at or o.decided_at > now()`,
      'an outcome on a booking without a place': `select 1 from attendance_outcome o join booking b on b.id = o.booking_id
         where not (b.status = 'CONFIRMED' or (b.late_cancellation and o.outcome = 'LATE_CANCELLATION'))
            or (b.late_cancellation <> (o.outcome = 'LATE_CANCELLATION')) or o.session_id <> b.session_id`,
      'register marks without a decided outcome': `select 1 from attendance_event e left join attendance_outcome o on o.booking_id = e.booking_id
         where o.booking_id is null or o.outcome = 'LATE_CANCELLATION'`,
      'a charge not for non-attendance': `select 1 from non_attendance_charge ch join attendance_outcome o on o.booking_id = ch.booking_id
         where o.outcome not in ('DID_NOT_ATTEND', 'LATE_CANCELLATION') or ch.outcome <> o.outcome or ch.amount_pence <> ch.days * ch.per_day_pence`,
      'a survey before its stage was due': `select 1 from survey_invitation i join session s on s.id = i.session_id
         where i.created_at < s.ends_at or i.created_at > now()`,
      'an invitation to someone who did not attend': `select 1 from survey_invitation i join attendance_outcome o on o.booking_id = i.booking_id
         where o.outcome not in ('ATTENDED', 'PARTLY_ATTENDED')`,
      'a response not as its template mode says': `select 1 from survey_response r join survey_template_version v on v.id = r.template_version_id
         where r.identified <> (v.mode = 'IDENTIFIED')`,
      'a completion without an outcome that completes the course': `select 1 from training_completion t
         left join attendance_outcome o on o.booking_id = t.booking_id join course c on c.id = t.course_id
         where o.booking_id is null or not (o.outcome = 'ATTENDED' or (o.outcome = 'PARTLY_ATTENDED' and c.partly_attended_completes))
            or t.person_id <> o.person_id or t.session_id <> o.session_id or t.minutes <> o.minutes_attended`,
      'a completing outcome without its completion': `select 1 from attendance_outcome o join session s on s.id = o.session_id
         join course c on c.id = s.course_id
         where (o.outcome = 'ATTENDED' or (o.outcome = 'PARTLY_ATTENDED' and c.partly_attended_completes))
           and not exists (select 1 from training_completion t where t.booking_id = o.booking_id)`,
      "a named response about another session or booking than its invitation's": `select 1 from survey_response r
         join survey_invitation i on i.id = r.invitation_id where r.session_id <> i.session_id or r.booking_id <> i.booking_id`,
      'a submitted named invitation without its response': `select 1 from survey_invitation i join survey_template_version v on v.id = i.template_version_id
         where i.status = 'SUBMITTED' and v.mode = 'IDENTIFIED' and not exists (select 1 from survey_response r where r.invitation_id = i.id)`,
      // the generator skips the foreign-key triggers as a superuser: no reference may dangle
      'a dangling reference': `
         select 1 from booking b where not exists (select 1 from session s where s.id = b.session_id)
            or not exists (select 1 from person p where p.id = b.person_id)
            or (b.agency_id is not null and not exists (select 1 from agency a where a.id = b.agency_id))
         union all select 1 from session s where not exists (select 1 from course c where c.id = s.course_id)
         union all select 1 from session_part p where not exists (select 1 from session s where s.id = p.session_id)
         union all select 1 from session_trainer t where not exists (select 1 from person p where p.id = t.person_id)
         union all select 1 from course c where not exists (select 1 from priority_area a where a.id = c.priority_area_id)
         union all select 1 from person p where p.agency_id is not null and not exists (select 1 from agency a where a.id = p.agency_id)
         union all select 1 from booking_event e where not exists (select 1 from booking b where b.id = e.booking_id)
         union all select 1 from attendance_outcome o where not exists (select 1 from booking b where b.id = o.booking_id)
         union all select 1 from attendance_event e where not exists (select 1 from session_part p where p.id = e.part_id)
            or not exists (select 1 from booking b where b.id = e.booking_id and b.session_id = (select session_id from session_part where id = e.part_id))
         union all select 1 from non_attendance_charge ch where not exists (select 1 from booking b where b.id = ch.booking_id)
         union all select 1 from survey_invitation i where not exists (select 1 from booking b where b.id = i.booking_id)
            or not exists (select 1 from survey_template_version v where v.id = i.template_version_id)
         union all select 1 from survey_response r where (r.invitation_id is not null and not exists (select 1 from survey_invitation i where i.id = r.invitation_id))
            or not exists (select 1 from course c where c.id = r.course_id)
         union all select 1 from training_completion t where not exists (select 1 from person p where p.id = t.person_id)
            or not exists (select 1 from course c where c.id = t.course_id)
         union all select 1 from mandatory_requirement m, unnest(m.course_ids) c where not exists (select 1 from course x where x.id = c)`,
    };
    for (const [rule, sql] of Object.entries(broken)) {
      expect([rule, await count(em, sql)]).toEqual([rule, 0]);
    }
  });

  it('gives the same rows for the same seed', async () => {
    const other = await createTestDatabase();
    generate(other, 7);
    const fingerprint = `select md5(string_agg(concat_ws(',', id, session_id, person_id, agency_id, status, walk_in, late_cancellation, waitlisted_at, cancelled_at), ';' order by id)) as f
      from booking`;
    const db = new Client({ connectionString: other });
    await db.connect();
    try {
      const [mine] = await em.getConnection().execute<{ f: string }[]>(fingerprint);
      const { rows } = await db.query<{ f: string }>(fingerprint);
      expect(rows[0]!.f).toBe(mine!.f);
    } finally {
      await db.end();
    }
  });

  it('runs every report on the generated data, through the API', async () => {
    const coordinator = await signInAs(api.url, await aPerson(em, { roles: [Role.COORDINATOR] }));
    const today = new Date();
    const year = today.getUTCMonth() >= 3 ? today.getUTCFullYear() - 1 : today.getUTCFullYear() - 2;
    const filter = { periodKind: 'FINANCIAL_YEAR', from: `${year}-04-01` };
    const res = await gql(
      api.url,
      `query($filter: ReportFilterInput!) {
        programmeSummary(filter: $filter) { figures { sessionsDelivered booked attended } }
        annualReportTable(filter: $filter) { total { delivered attendance } }
        byAgency: agencyReport(filter: $filter, input: {}) { rows { key } total { current { booked } } }
        bySector: agencyReport(filter: $filter, input: { bySector: true }) { rows { key } total { current { booked } } }
        evaluationReport(filter: $filter) { overall { responses } stages { invited answered } }
        complianceReport(filter: $filter) { requirements { total { applies statuses { count } } } }
        trainersReport(filter: $filter) { total { sessionsDelivered } }
        chargesReport(filter: $filter) { total { didNotAttend chargesPence } }
      }`,
      { filter },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    const data = res.data as {
      programmeSummary: { figures: { sessionsDelivered: number; booked: number; attended: number } };
      annualReportTable: { total: { delivered: number; attendance: number } };
      byAgency: { rows: unknown[]; total: { current: { booked: number } } };
      bySector: { rows: unknown[]; total: { current: { booked: number } } };
      evaluationReport: { overall: { responses: number }; stages: { invited: number; answered: number }[] };
      complianceReport: { requirements: { total: { applies: number; statuses: { count: number }[] } }[] };
      trainersReport: { total: { sessionsDelivered: number } };
      chargesReport: { total: { didNotAttend: number; chargesPence: number } };
    };
    expect(data.programmeSummary.figures.sessionsDelivered).toBeGreaterThan(0);
    expect(data.programmeSummary.figures.attended).toBeGreaterThan(0);
    expect(data.annualReportTable.total).toEqual({
      delivered: data.programmeSummary.figures.sessionsDelivered,
      attendance: data.programmeSummary.figures.attended,
    });
    expect(data.byAgency.total.current.booked).toBe(data.programmeSummary.figures.booked);
    expect(data.bySector.total.current.booked).toBe(data.programmeSummary.figures.booked);
    expect(data.byAgency.rows.length).toBeGreaterThan(1);
    expect(data.evaluationReport.stages[0]!.answered).toBeGreaterThan(0);
    expect(data.evaluationReport.stages[0]!.answered).toBeLessThanOrEqual(data.evaluationReport.stages[0]!.invited);
    expect(data.complianceReport.requirements).toHaveLength(3);
    for (const { total } of data.complianceReport.requirements) {
      expect(total.applies).toBeGreaterThan(0);
      expect(total.statuses.reduce((n, x) => n + x.count, 0)).toBe(total.applies);
    }
    expect(data.trainersReport.total.sessionsDelivered).toBe(data.programmeSummary.figures.sessionsDelivered);
    expect(data.chargesReport.total.chargesPence).toBeGreaterThan(0);
  });
});
