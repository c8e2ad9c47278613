import { AgencySector, AttendanceRule, BookingStatus, Role, SessionStatus, type BookingAction } from '@lh/domain';
import { aCourse, aPerson, aPriorityArea, anAgency } from './builders';
import { correct, markPart, partIdsOf, signOffPart, takeRegisters } from './registers';
import { gql, signInAs, type TestApi } from './test-db';
import { sessionAt } from './report-fixtures';

export { sessionAt };
import { Booking } from '../src/booking/booking.entity';
import { BookingEvent } from '../src/booking/booking-event.entity';
import type { Course } from '../src/catalogue/course.entity';
import type { Agency } from '../src/people/agency.entity';
import { Person } from '../src/people/person.entity';
import { Session } from '../src/scheduling/session.entity';

/**
 * The hand-counted fixture of the report specs (reports.int-spec.ts, report-drill-down.int-spec.ts): nine
 * sessions S1-S9 around the financial year 2025-26 and its clock changes; the counts are written out in
 * reports.int-spec.ts beside each figure. Built once per spec, through the real API where registers are taken.
 */
export interface ReportFixture {
  coordinator: string;
  reviewer: string;
  practitioner: string;
  police: Agency;
  health: Agency;
  charity: Agency;
  school: Agency;
  trainer: Person;
  dash: Course;
  gcp: Course;
  /** Every fixture person's name (none may reach a reviewer). */
  names: string[];
}

const SET_POLICY = `mutation($input: NonAttendancePolicyInput!) { setNonAttendancePolicy(input: $input) { agencyType } }`;

/** Builds the fixture (the API's clock fixed by the caller at 10 April 2026). */
export async function buildReportFixture(api: TestApi): Promise<ReportFixture> {
  const names: string[] = [];
  const em = () => api.orm.em.fork();
  async function place(
    session: Session,
    agency: Agency,
    over: Partial<Pick<Booking, 'status' | 'lateCancellation' | 'walkIn' | 'waitlistedAt'>> = {},
    person?: Person,
  ) {
    const e = em();
    const who = person ?? (await aPerson(e, { agency, name: `Fixture person ${names.length + 1}` }));
    names.push(who.name);
    const booking = e.create(Booking, { session: session.id, person: who.id, agency, status: BookingStatus.CONFIRMED, ...over });
    await e.flush();
    return { person: who, booking };
  }
  async function event(booking: Booking, action: BookingAction, toStatus: BookingStatus) {
    const e = em();
    e.create(BookingEvent, { booking: booking.id, action, toStatus, at: new Date('2025-09-01T10:00:00Z') });
    await e.flush();
  }

  const e = em();
  const coordinator = await signInAs(api.url, await aPerson(e, { roles: [Role.COORDINATOR] }));
  const reviewer = await signInAs(api.url, await aPerson(e, { roles: [Role.REVIEWER] }));
  const practitioner = await signInAs(api.url, await aPerson(e, { roles: [Role.PRACTITIONER] }));
  const trainer = await aPerson(e, { roles: [Role.TRAINER], name: 'Tamsin Trainer' });
  const police = await anAgency(e, { name: 'Northshire Police', sector: AgencySector.POLICE });
  const health = await anAgency(e, { name: 'Northshire NHS Trust', sector: AgencySector.HEALTH });
  const charity = await anAgency(e, { name: 'Northshire Young Carers', sector: AgencySector.VOLUNTARY_AND_COMMUNITY });
  const school = await anAgency(e, { name: 'Northshire Academy', sector: AgencySector.EDUCATION });
  const set = await gql(
    api.url,
    SET_POLICY,
    {
      input: {
        rates: [
          { agencyType: 'VOLUNTARY_AND_COMMUNITY', nonAttendancePence: 4000, lateCancellationPence: 2500 },
          { agencyType: 'EDUCATION', nonAttendancePence: 5000, lateCancellationPence: 3000 },
        ],
      },
    },
    coordinator,
  );
  expect(set.errors).toBeUndefined();

  const da = await aPriorityArea(e, 'Domestic Abuse');
  const neglect = await aPriorityArea(e, 'Neglect');
  const dash = await aCourse(e, { title: 'DASH checklist', priorityArea: da });
  const teen = await aCourse(e, { title: 'Domestic Abuse and Teen Dating', priorityArea: da });
  teen.partlyAttendedCompletes = true;
  const gcp = await aCourse(e, { title: 'Graded Care Profile 2', priorityArea: neglect });
  gcp.attendanceRule = AttendanceRule.ALL_PARTS;
  await e.flush();

  // S1: DASH on the day the clocks go back, at the second 01:30 (GMT)
  const s1 = await sessionAt(e, dash, [['2025-10-26', '01:30', '04:30', 'SECOND']]);
  const p1 = await place(s1, police);
  const p2 = await place(s1, police); // moves to the NHS trust after booking
  await place(s1, charity); // p3: not marked, did not attend (charged £40)
  const p4 = await place(s1, school); // late 20 minutes: attended (every part, late counts)
  const w1 = await place(s1, health, { walkIn: true });
  await place(s1, school, { status: BookingStatus.CANCELLED, lateCancellation: true }); // charged £30
  await place(s1, health, { status: BookingStatus.CANCELLED }); // cancelled in time: not booked
  const m1 = await place(s1, police, { status: BookingStatus.CANCELLED }); // moved out to S2
  await event(m1.booking, 'moved-out', BookingStatus.CANCELLED);
  const [s1part] = await partIdsOf(api, s1.id);
  await markPart(api, coordinator, s1part!, {
    [p1.booking.id]: 'PRESENT',
    [p2.booking.id]: 'PRESENT',
    [p4.booking.id]: { mark: 'LATE', minutes: 20 },
    [w1.booking.id]: 'PRESENT',
  });
  await signOffPart(api, coordinator, s1part!);
  const moved = await e.findOneOrFail(Booking, p2.booking.id, { populate: ['person'] });
  moved.person.agency = health;
  await e.flush();

  // S2: DASH on the day the clocks go forward, 00:30 GMT to 03:30 BST
  const s2 = await sessionAt(e, dash, [['2026-03-29', '00:30', '03:30']]);
  const m1in = await place(s2, police, {}, m1.person);
  const p5 = await place(s2, health);
  const p6 = await place(s2, health); // corrected after sign-off to did not attend
  const q = await place(s2, police, { status: BookingStatus.WAITLISTED, waitlistedAt: new Date('2026-03-01T10:00:00Z') });
  await event(q.booking, 'booked', BookingStatus.WAITLISTED);
  const r = await place(s2, police, { status: BookingStatus.WAITLISTED, waitlistedAt: new Date('2026-03-01T10:00:00Z') }, p1.person);
  await event(r.booking, 'booked', BookingStatus.WAITLISTED); // waited, but has a place on S1: no demand
  await takeRegisters(api, coordinator, s2.id, {
    [m1in.booking.id]: 'PRESENT',
    [p5.booking.id]: 'ABSENT_WITH_APOLOGY',
    [p6.booking.id]: 'PRESENT',
  });
  await correct(api, coordinator, s2.id, p6.booking.id, 'DID_NOT_ATTEND', 'Signed in by a colleague by mistake');

  // S3: Teen Dating (partly attended completes), two days in June, delivered by Tamsin
  const s3 = await sessionAt(
    e,
    teen,
    [
      ['2025-06-10', '09:30', '16:30'],
      ['2025-06-11', '09:30', '16:30'],
    ],
    { capacity: 8 },
  );
  const withTrainer = em();
  const s3e = await withTrainer.findOneOrFail(Session, s3.id, { populate: ['trainers'] });
  s3e.trainers.add(withTrainer.getReference(Person, trainer.id));
  await withTrainer.flush();
  const p7 = await place(s3, charity);
  const p8 = await place(s3, charity);
  const [s3a, s3b] = await partIdsOf(api, s3.id);
  await markPart(api, coordinator, s3a!, { [p7.booking.id]: 'PRESENT', [p8.booking.id]: 'PRESENT' });
  await signOffPart(api, coordinator, s3a!);
  await markPart(api, coordinator, s3b!, { [p8.booking.id]: 'PRESENT' });
  await signOffPart(api, coordinator, s3b!);

  // S4: Graded Care Profile 2 across the year's end: 31 March and 1 April 2026 (in 2025-26 by its first part)
  const s4 = await sessionAt(
    e,
    gcp,
    [
      ['2026-03-31', '09:30', '16:30'],
      ['2026-04-01', '09:30', '16:30'],
    ],
    { capacity: 12 },
  );
  const p9 = await place(s4, school);
  await place(s4, school); // p10: did not attend, 2 days at £50 = £100
  const p14 = await place(s4, police); // first day only: partly attended, which does not complete this course
  const [s4a, s4b] = await partIdsOf(api, s4.id);
  await markPart(api, coordinator, s4a!, { [p9.booking.id]: 'PRESENT', [p14.booking.id]: 'PRESENT' });
  await signOffPart(api, coordinator, s4a!);
  await markPart(api, coordinator, s4b!, { [p9.booking.id]: 'PRESENT' });
  await signOffPart(api, coordinator, s4b!);

  // S5: Graded Care Profile 2, called off
  const s5 = await sessionAt(e, gcp, [['2025-11-05', '09:30', '16:30']], { capacity: 12, status: SessionStatus.CANCELLED });
  await place(s5, police, { status: BookingStatus.CANCELLED });

  // S6: DASH at 00:15 on 1 April 2025 (23:15 on 31 March in UTC): in 2025-26, nobody booked
  await sessionAt(e, dash, [['2025-04-01', '00:15', '03:15']], { capacity: 5 });

  // S7: DASH at 23:45 on 31 March 2025 (BST): the year before
  const s7 = await sessionAt(e, dash, [['2025-03-31', '21:00', '23:45']]);
  const p11 = await place(s7, police);
  await place(s7, police); // p12: did not attend
  await takeRegisters(api, coordinator, s7.id, { [p11.booking.id]: 'PRESENT' });

  // S8: DASH at 00:30 on 1 April 2026 (23:30 on 31 March in UTC): 2026-27. S9: 20 April 2026, not started yet.
  const s8 = await sessionAt(e, dash, [['2026-04-01', '00:30', '03:30']]);
  const p13 = await place(s8, police);
  await takeRegisters(api, coordinator, s8.id, { [p13.booking.id]: 'PRESENT' });
  const s9 = await sessionAt(e, dash, [['2026-04-20', '09:30', '12:30']]);
  await place(s9, police);
  return { coordinator, reviewer, practitioner, police, health, charity, school, trainer, dash, gcp, names };
}
