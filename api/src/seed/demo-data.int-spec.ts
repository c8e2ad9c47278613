import { MikroORM } from '@mikro-orm/postgresql';
import { BookingStatus, CourseStatus, MandatoryStatus, Role, SessionStatus, SurveyAudience, SurveyStage, londonToday } from '@lh/domain';
import * as argon2 from 'argon2';
import { createTestDatabase } from '../../test/test-db';
import { ormOptions } from '../db/orm-options';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { Course } from '../catalogue/course.entity';
import { Session } from '../scheduling/session.entity';
import { Booking } from '../booking/booking.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './demo-data';
import { DEMO_TRAINER_EMAIL } from './demo-trainers';
import { DEMO_AGENCY_LEAD_EMAIL, DEMO_LEVEL_1_REQUIREMENT } from './demo-mandatory-training';
import { MandatoryStandings } from '../mandatory-training/mandatory-standings';
import { MandatoryTrainingRepository } from '../mandatory-training/mandatory-training.repository';
import { SurveyResultsService } from '../surveys/survey-results.service';
import { SurveyQuotesService } from '../surveys/survey-quotes.service';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';

describe('demo data', () => {
  let orm: MikroORM;
  const now = new Date('2026-11-21T12:00:00Z');

  beforeAll(async () => {
    orm = await MikroORM.init(ormOptions(await createTestDatabase()));
    await orm.em.fork().transactional((em) => seedDemoData(em, now));
  });
  afterAll(() => orm.close());

  it('is a realistic partnership of the size the brief asks for', async () => {
    const em = orm.em.fork();
    expect(await em.count(Agency)).toBeGreaterThanOrEqual(12);
    expect(new Set((await em.find(Agency, {})).map((a) => a.sector)).size).toBeGreaterThanOrEqual(8);
    expect(await em.count(Course)).toBeGreaterThanOrEqual(15);
    // one draft and one archived course, so a coordinator sees both (the catalogue lists neither)
    expect(await em.count(Course, { status: CourseStatus.DRAFT })).toBe(1);
    expect(await em.count(Course, { status: CourseStatus.ARCHIVED })).toBe(1);
    expect(await em.count(Session)).toBeGreaterThanOrEqual(40);
    expect(await em.count(Session, { startsAt: { $lt: now } })).toBeGreaterThanOrEqual(10);
    expect(await em.count(Session, { startsAt: { $gt: now }, status: SessionStatus.SCHEDULED })).toBeGreaterThanOrEqual(15);
    const people = await em.find(Person, {});
    const withRole = (r: Role) => people.filter((p) => p.roles.includes(r)).length;
    expect(withRole(Role.PRACTITIONER)).toBeGreaterThanOrEqual(200);
    expect(withRole(Role.TRAINER)).toBeGreaterThanOrEqual(6);
    expect(withRole(Role.COORDINATOR)).toBeGreaterThanOrEqual(1);
    expect(withRole(Role.REVIEWER)).toBeGreaterThanOrEqual(1);
  });

  it('gives the demo trainer sessions to come and a recent one, with needs to plan for', async () => {
    const em = orm.em.fork();
    const tom = await em.findOneOrFail(Person, { email: DEMO_TRAINER_EMAIL });
    const trained = await em.find(Session, { trainers: tom.id }, { populate: ['course'] });
    const coming = trained.filter((s) => s.startsAt > now && s.status === SessionStatus.SCHEDULED);
    expect(coming.length).toBeGreaterThanOrEqual(3);
    expect(trained.filter((s) => s.endsAt < now && s.endsAt.getTime() > now.getTime() - 60 * 86_400_000).length).toBeGreaterThanOrEqual(1);
    const withNeeds = await em.count(Booking, {
      session: { $in: coming.map((s) => s.id) },
      status: BookingStatus.CONFIRMED,
      $or: [{ accessNeeds: { $ne: null } }, { dietaryNeeds: { $ne: null } }],
    });
    expect(withNeeds).toBeGreaterThan(0);
  });

  it('never books a session beyond its capacity', async () => {
    const rows = await orm.em.getConnection().execute<{ n: string }[]>(
      `select count(*) as n from session s
        where s.capacity < (select count(*) from booking b where b.session_id = s.id and b.status = ?)`,
      [BookingStatus.CONFIRMED],
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('has signed-off registers for past sessions: prerequisites attended, some non-attendance charged', async () => {
    const conn = orm.em.getConnection();
    const count = async (sql: string, params: unknown[] = []) => Number((await conn.execute<{ n: string }[]>(sql, params))[0]!.n);
    // every part of every past session that went ahead is signed off, and every confirmed place has its outcome
    expect(
      await count(
        `select count(*) as n from session_part p join session s on s.id = p.session_id
          where s.status = 'SCHEDULED' and s.ends_at < ? and not exists (select 1 from register_sign_off r where r.part_id = p.id)`,
        [now],
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) as n from booking b join session s on s.id = b.session_id
          where b.status = 'CONFIRMED' and s.ends_at < ? and not exists (select 1 from attendance_outcome o where o.booking_id = b.id)`,
        [now],
      ),
    ).toBe(0);
    // whoever did the course another one needs first, and is booked on that one, attended it (Priya among them)
    const didPrerequisite = `from booking b join session s on s.id = b.session_id join course c on c.id = s.course_id
          join booking pb on pb.person_id = b.person_id and pb.status = 'CONFIRMED'
          join session ps on ps.id = pb.session_id and ps.course_id = c.prerequisite_id and ps.ends_at < ?
         where b.status = 'CONFIRMED' and s.starts_at > ?`;
    expect(await count(`select count(*) as n ${didPrerequisite}`, [now, now])).toBeGreaterThan(1);
    expect(
      await count(
        `select count(*) as n ${didPrerequisite}
           and not exists (select 1 from attendance_outcome o where o.booking_id = pb.id and o.outcome = 'ATTENDED')`,
        [now, now],
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) as n from attendance_outcome o join person p on p.id = o.person_id join session s on s.id = o.session_id
          join course c on c.id = s.course_id where p.email = 'practitioner@example.org' and c.title like 'Graded Care Profile 2%' and o.outcome = 'ATTENDED'`,
      ),
    ).toBe(1);
    expect(await count(`select count(*) as n from attendance_outcome where outcome = 'DID_NOT_ATTEND'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from non_attendance_charge where status = 'CHARGED'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from non_attendance_charge where status = 'WAIVED'`)).toBe(1);
    // statutory partners are never charged
    expect(
      await count(`select count(*) as n from non_attendance_charge c join agency a on a.id = c.agency_id where a.statutory_partner`),
    ).toBe(0);
  });

  it('gives every demo session completion its valid certificate, so the demo practitioner has certificates', async () => {
    const conn = orm.em.getConnection();
    const count = async (sql: string) => Number((await conn.execute<{ n: string }[]>(sql))[0]!.n);
    expect(await count(`select count(*) as n from training_completion`)).toBeGreaterThan(0);
    expect(
      await count(
        `select count(*) as n from training_completion t where t.source = 'SESSION' and not exists (select 1 from certificate c where c.completion_id = t.id and c.status = 'VALID')`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) as n from certificate c join person p on p.id = c.person_id where p.email = 'practitioner@example.org' and c.holder_name = p.name`,
      ),
    ).toBeGreaterThan(0);
    expect(await count(`select count(distinct code) as n from certificate`)).toBe(await count(`select count(*) as n from certificate`));
  });

  it('gives the demo practitioner an expired mandatory refresher with a session coming up that renews it', async () => {
    const em = orm.em.fork();
    const priya = await em.findOneOrFail(Person, { email: DEMO_ACCOUNTS.find((a) => a.role === 'Practitioner')!.email });
    const mandatory = new MandatoryStandings(new MandatoryTrainingRepository());
    const standings = await mandatory.rows(em, londonToday(now), { personIds: [priya.id] });
    const level1 = standings.find((s) => s.requirementName === DEMO_LEVEL_1_REQUIREMENT)!;
    expect(level1.standing.status).toBe(MandatoryStatus.EXPIRED);
    const next = (await mandatory.nextSteps(em, [level1], now))(priya.id, level1.requirementId);
    expect(next).toMatchObject({ yourBookings: [] });
    expect(next.sessions.length).toBeGreaterThan(0);
    const lead = await em.findOneOrFail(Person, { email: DEMO_AGENCY_LEAD_EMAIL }, { populate: ['agency'] });
    expect(lead.agency!.id).toBe((await em.findOneOrFail(Person, priya.id, { populate: ['agency'] })).agency!.id);
  });

  it('has an e-learning course that links out, and learning done elsewhere by the demo practitioner: one verified, one waiting', async () => {
    const conn = orm.em.fork().getConnection();
    const linked = await conn.execute<{ n: string }[]>(
      `select count(*) as n from course where format = 'E_LEARNING' and learning_url like 'https://%'`,
    );
    expect(Number(linked[0]!.n)).toBe(1);
    const rows = await conn.execute<{ status: string; completion_id: string | null; head: string }[]>(
      `select x.status, x.completion_id, convert_from(substring(f.content from 1 for 5), 'latin1') as head
           from external_learning x join person p on p.id = x.person_id join evidence_file f on f.id = x.evidence_id
          where p.email = 'practitioner@example.org' order by x.status`,
    );
    expect(rows.map((r) => [r.status, !!r.completion_id, r.head])).toEqual([
      ['PENDING', false, '%PDF-'],
      ['VERIFIED', true, '%PDF-'],
    ]);
  });

  it('has survey answers from past sessions, so the coordinator sees response rates, confidence over time, action plans and quotes', async () => {
    const em = orm.em.fork();
    const claire = await em.findOneOrFail(Person, { email: 'coordinator@example.org' }, { populate: ['agency'] });
    const viewer = { id: claire.id, name: claire.name, email: claire.email, roles: claire.roles, agencyId: claire.agency?.id ?? null };
    const { overall } = await new SurveyResultsService(orm.em).results(viewer, {});
    const rate = (stage: SurveyStage, audience = SurveyAudience.ATTENDEE) =>
      overall.responseRates.find((r) => r.stage === stage && r.audience === audience)!;
    for (const stage of Object.values(SurveyStage)) {
      expect(rate(stage).invited).toBeGreaterThan(rate(stage).answered);
      expect(rate(stage).answered).toBeGreaterThan(0);
    }
    expect(rate(SurveyStage.END_OF_COURSE).answered / rate(SurveyStage.END_OF_COURSE).invited).toBeGreaterThan(0.6);
    expect(rate(SurveyStage.SIX_MONTHS, SurveyAudience.LINE_MANAGER).answered).toBeGreaterThan(0);
    const six = overall.confidencePairs.find((p) => p.stage === SurveyStage.SIX_MONTHS)!;
    expect(six.people).toBeGreaterThanOrEqual(10);
    expect(six.before).toBeLessThan(3.2);
    expect(six.after).toBeGreaterThan(4);
    expect(six.later).toBeGreaterThan(3.4);
    const plans = overall.actionPlans.find((p) => p.stage === SurveyStage.SIX_MONTHS)!;
    expect(Math.min(plans.done, plans.partly, plans.notYet)).toBeGreaterThan(0);
    expect(overall.practiceChange.find((p) => p.stage === SurveyStage.SIX_MONTHS)!.yes).toBeGreaterThan(0);
    const { quotes } = await new SurveyQuotesService(orm.em, new Clock({ env: 'test' } as AppConfig)).quotes(viewer, {}, false);
    expect(quotes.some((q) => q.questionId === 'comments' && q.stage === SurveyStage.END_OF_COURSE)).toBe(true);
    expect(quotes.some((q) => q.questionId === 'example' && q.stage === SurveyStage.SIX_MONTHS)).toBe(true);
    expect(quotes.some((q) => q.audience === SurveyAudience.LINE_MANAGER)).toBe(true);
  });

  it('lets every demo account sign in with the demo password', async () => {
    const em = orm.em.fork();
    for (const account of DEMO_ACCOUNTS) {
      const person = await em.findOneOrFail(Person, { email: account.email }, { populate: ['passwordHash'] });
      expect(person.roles).toContain(account.role.toUpperCase().replace(' ', '_'));
      expect(await argon2.verify(person.passwordHash!, DEMO_PASSWORD)).toBe(true);
    }
  });
});
