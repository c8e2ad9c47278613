import { MikroORM } from '@mikro-orm/postgresql';
import { BookingStatus, Role, SessionStatus } from '@lh/domain';
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

  it('lets every demo account sign in with the demo password', async () => {
    const em = orm.em.fork();
    for (const account of DEMO_ACCOUNTS) {
      const person = await em.findOneOrFail(Person, { email: account.email }, { populate: ['passwordHash'] });
      expect(person.roles).toContain(account.role.toUpperCase());
      expect(await argon2.verify(person.passwordHash!, DEMO_PASSWORD)).toBe(true);
    }
  });
});
