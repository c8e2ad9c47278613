import { BookingStatus, MailKind, PersonStatus, Role } from '@lh/domain';
import { aCourse, aPerson, aSession, bookings } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';

const ADD = `mutation($input: AddPeopleToSessionInput!) { addPeopleToSession(input: $input) { line email outcome message bookingId } }`;
const MOVE = `mutation($input: MoveBookingsInput!) { moveBookings(input: $input) { bookingId personName moved message } }`;

type AddResult = { line: string; email: string | null; outcome: string; message: string; bookingId: string | null };
type MoveResult = { bookingId: string; personName: string; moved: boolean; message: string };

/** The roster's bulk actions over the real API and PostgreSQL: each row on the one single-person path, failures reported and not applied. */
describe('roster bulk add and move', () => {
  let api: TestApi;
  let coordinator: string;
  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { name: 'Cora Coordinator', roles: [Role.COORDINATOR] }));
  });
  afterAll(async () => {
    await api.close();
  });
  const em = () => api.orm.em.fork();
  const mailsTo = (email: string) =>
    em().find(OutboxMessage, { toEmail: email, kind: { $ne: MailKind.REMINDER } }, { orderBy: { createdAt: 'asc' } });

  it('adds several people from a pasted list, reporting each line; failing lines change nothing; each person gets one mail', async () => {
    const e = em();
    const session = await aSession(e, await aCourse(e, { title: 'Neglect' }), { capacity: 3, inDays: 12 });
    await bookings(e, session, 1);
    const [ana, ben, cai, dee] = await Promise.all(['Ana', 'Ben', 'Cai', 'Dee'].map((n) => aPerson(em(), { name: `${n} Practitioner` })));
    const gone = await aPerson(e, { name: 'Gil Gone', status: PersonStatus.DEACTIVATED });
    await gql(api.url, ADD, { input: { sessionId: session.id, emails: dee!.email, reason: 'Asked by phone' } }, coordinator);

    const pasted = [
      `${ana!.email}, Ben <${ben!.email.toUpperCase()}>`,
      `${cai!.email}; nobody@example.org`,
      dee!.email,
      'not-an-email',
      ana!.email,
      gone.email,
    ].join('\n');
    const res = await gql<{ addPeopleToSession: AddResult[] }>(
      api.url,
      ADD,
      { input: { sessionId: session.id, emails: pasted, reason: 'Team day' } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.addPeopleToSession.map((r) => [r.email, r.outcome])).toEqual([
      [ana!.email, 'BOOKED'],
      [ben!.email, 'WAITLISTED'], // one place was taken, Dee took the second, Ana the third
      [cai!.email, 'WAITLISTED'],
      ['nobody@example.org', 'NO_ACCOUNT'],
      [dee!.email, 'ALREADY_BOOKED'],
      [null, 'NOT_AN_EMAIL'],
      [null, 'NOT_AN_EMAIL'],
      [gone.email, 'NOT_ALLOWED'],
    ]);
    const messages = res.data!.addPeopleToSession.map((r) => r.message);
    expect(messages[3]).toBe('Nobody with the email address nobody@example.org has an account.');
    expect(messages[4]).toBe('Dee Practitioner already has a booking on this session.');
    expect(messages[6]).toBe('This email address is listed twice.');
    expect(messages[7]).toBe('Gil Gone cannot be booked: their account is deactivated.');

    const onSession = await em().find(Booking, { session: session.id }, { populate: ['person'] });
    expect(
      onSession
        .map((b) => b.person.name)
        .filter((n) => !n.startsWith('Booker '))
        .sort(),
    ).toEqual(['Ana Practitioner', 'Ben Practitioner', 'Cai Practitioner', 'Dee Practitioner']);
    expect(await em().count(Booking, { person: gone.id })).toBe(0);
    expect((await mailsTo(ana!.email)).map((m) => m.kind)).toEqual([MailKind.BOOKING_CONFIRMED]);
    expect((await mailsTo(ben!.email)).map((m) => m.kind)).toEqual([MailKind.WAITING_LIST_JOINED]);
    expect((await mailsTo(dee!.email)).map((m) => m.kind)).toEqual([MailKind.BOOKING_CONFIRMED]);
    expect(await mailsTo(gone.email)).toEqual([]);
  });

  it('refuses a list with nothing in it, or more than 100 addresses, naming the field', async () => {
    const session = await aSession(em(), await aCourse(em()), {});
    const empty = await gql(api.url, ADD, { input: { sessionId: session.id, emails: ' \n ', reason: 'x' } }, coordinator);
    expect(empty.errors?.[0]?.extensions?.fields).toEqual([{ field: 'input.emails', message: 'Enter at least one email address' }]);
    const many = Array.from({ length: 101 }, (_, i) => `p${i}@example.org`).join('\n');
    const tooMany = await gql(api.url, ADD, { input: { sessionId: session.id, emails: many, reason: 'x' } }, coordinator);
    expect(tooMany.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.emails', message: 'Enter at most 100 email addresses at once (you entered 101)' },
    ]);
    expect(await em().count(Booking, { session: session.id })).toBe(0);
  });

  it('moves the chosen people to another date of the course, each told once; rows that cannot move are reported and stay', async () => {
    const e = em();
    const course = await aCourse(e, { title: 'Graded Care Profile 2' });
    const from = await aSession(e, course, { inDays: 10 });
    const to = await aSession(e, course, { inDays: 20, capacity: 3 });
    const other = await aSession(e, await aCourse(e), { inDays: 20 });
    const people = await Promise.all(['Ana', 'Ben', 'Cai', 'Dee'].map((n) => aPerson(em(), { name: `${n} Mover` })));
    const placed = people.map((p) =>
      e.create(Booking, {
        session: e.getReference(Session, from.id),
        person: e.getReference(Person, p.id),
        status: BookingStatus.CONFIRMED,
      }),
    );
    // Dee is already on the new date (one of its three places)
    e.create(Booking, {
      session: e.getReference(Session, to.id),
      person: e.getReference(Person, people[3]!.id),
      status: BookingStatus.CONFIRMED,
    });
    await e.flush();

    const wrongCourse = await gql(
      api.url,
      MOVE,
      { input: { fromSessionId: from.id, toSessionId: other.id, bookingIds: [placed[0]!.id], reason: 'x' } },
      coordinator,
    );
    expect(wrongCourse.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.toSessionId', message: 'Choose another date of the same course to move them to' },
    ]);

    const res = await gql<{ moveBookings: MoveResult[] }>(
      api.url,
      MOVE,
      { input: { fromSessionId: from.id, toSessionId: to.id, bookingIds: placed.map((b) => b.id), reason: 'The venue flooded' } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.moveBookings.map((r) => [r.personName, r.moved, r.message])).toEqual([
      ['Ana Mover', true, 'Ana Mover was moved.'],
      ['Ben Mover', true, 'Ben Mover was moved.'],
      ['Cai Mover', false, 'That session is full. Raise its capacity first, or choose another date.'],
      ['Dee Mover', false, 'Dee Mover already has a booking on that session.'],
    ]);
    const statuses = async (sessionId: string) =>
      (await em().find(Booking, { session: sessionId }, { populate: ['person'] })).map((b) => `${b.person.name}: ${b.status}`).sort();
    expect(await statuses(from.id)).toEqual([
      'Ana Mover: CANCELLED',
      'Ben Mover: CANCELLED',
      'Cai Mover: CONFIRMED',
      'Dee Mover: CONFIRMED',
    ]);
    expect(await statuses(to.id)).toEqual(['Ana Mover: CONFIRMED', 'Ben Mover: CONFIRMED', 'Dee Mover: CONFIRMED']);
    for (const p of people.slice(0, 2)) {
      expect((await mailsTo(p.email)).map((m) => m.kind)).toEqual([MailKind.BOOKING_MOVED]);
    }
    for (const p of people.slice(2)) {
      expect(await mailsTo(p.email)).toEqual([]);
    }
  });
});
