import { BookingStatus, Role, SessionStatus } from '@lh/domain';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import type { Session } from '../scheduling/session.entity';

const YOUR_SESSIONS = `{ yourSessions {
  coming { id course { title } status confirmed pending waiting needsCount parts { id } }
  recent { id course { title } status confirmed needsCount } } }`;
const TRAINER_SESSION = `query($id: ID!) { trainerSession(id: $id) {
  id course { title } confirmed pending waiting needsCount onlineUrl joiningInstructions trainerNames youTrain
  attendees { bookingId name agencyName accessNeeds dietaryNeeds } } }`;
const ASSIGN = `mutation($input: AssignTrainerInput!) { assignTrainer(input: $input) { id } }`;
const COURSE_PAGE = `query($id: ID!) { course(id: $id) { upcomingSessions { id trainerNames } } }`;
const SESSION_PAGE = `query($id: ID!) { session(id: $id) { session { id trainerNames } } }`;
const MY_BOOKINGS = `{ myBookings { upcoming { session { id trainerNames } } } }`;
const DAY = 86_400_000;

interface Summary {
  id: string;
  course: { title: string };
  status: string;
  confirmed: number;
  pending: number;
  waiting: number;
  needsCount: number;
}
interface Detail extends Summary {
  onlineUrl: string | null;
  joiningInstructions: string | null;
  trainerNames: string[];
  youTrain: boolean;
  attendees: { bookingId: string; name: string; agencyName: string | null; accessNeeds: string | null; dietaryNeeds: string | null }[];
}

/** "Your sessions": the sessions a trainer trains, their numbers, and the attendee list only for the session's trainers and coordinators. */
describe('trainers’ sessions (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;

  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));

  const em = () => api.orm.em.fork();
  const trainer = (name: string) => aPerson(em(), { name, roles: [Role.PRACTITIONER, Role.TRAINER] });
  const assign = async (session: Session, email: string) =>
    expect((await gql(api.url, ASSIGN, { input: { sessionId: session.id, personEmail: email } }, coordinator)).errors).toBeUndefined();
  async function book(
    session: Session,
    name: string,
    status: BookingStatus,
    needs: { accessNeeds?: string | null; dietaryNeeds?: string | null } = {},
  ) {
    const agency = await anAgency(em(), { name: `Agency of ${name}` });
    const person = await aPerson(em(), { name, agency });
    const e = em();
    const booking = e.create(Booking, { session: session.id, person: person.id, agency: agency.id, status, ...needs });
    await e.flush();
    return { person, booking };
  }
  const yourSessions = async (cookie: string) =>
    (await gql<{ yourSessions: { coming: Summary[]; recent: Summary[] } }>(api.url, YOUR_SESSIONS, {}, cookie)).data!.yourSessions;
  const detail = (id: string, cookie: string) => gql<{ trainerSession: Detail }>(api.url, TRAINER_SESSION, { id }, cookie);

  it('lists the sessions the trainer trains, coming soonest first and those ended in the last 60 days, with numbers and needs to plan for', async () => {
    const tom = await trainer('Tom Trainer');
    const cookie = await signInAs(api.url, tom);
    const course = (title: string) => aCourse(em(), { title });
    const soon = await aSession(em(), await course('Soon'), { inDays: 5, parts: 2, capacity: 10 });
    const later = await aSession(em(), await course('Later'), { inDays: 60 });
    const recent = await aSession(em(), await course('Recent'), { inDays: -20 });
    const older = await aSession(em(), await course('Too long ago'), { inDays: -70 });
    const notMine = await aSession(em(), await course('Not mine'), { inDays: 6 });
    for (const s of [soon, later, recent, older]) {
      await assign(s, tom.email);
    }
    await assign(notMine, (await trainer('Someone Else')).email);

    await book(soon, 'Ada Able', BookingStatus.CONFIRMED, { accessNeeds: 'Step-free access', dietaryNeeds: 'Vegan' });
    await book(soon, 'Bo Brown', BookingStatus.CONFIRMED, { dietaryNeeds: 'Halal' });
    await book(soon, 'Cy Clark', BookingStatus.CONFIRMED, { accessNeeds: '   ' });
    await book(soon, 'Di Dunn', BookingStatus.PENDING_APPROVAL, { accessNeeds: 'Hearing loop' });
    await book(soon, 'Ed Ellis', BookingStatus.WAITLISTED, { dietaryNeeds: 'Vegetarian' });
    await book(soon, 'Flo Fox', BookingStatus.CANCELLED, { accessNeeds: 'Wheelchair' });
    await book(recent, 'Gus Gray', BookingStatus.CONFIRMED, { accessNeeds: 'Large print' });

    const mine = await yourSessions(cookie);
    expect(mine.coming.map((s) => s.course.title)).toEqual(['Soon', 'Later']);
    expect(mine.coming[0]).toMatchObject({ confirmed: 3, pending: 1, waiting: 1, needsCount: 2, status: SessionStatus.SCHEDULED });
    expect(mine.coming[1]).toMatchObject({ confirmed: 0, pending: 0, waiting: 0, needsCount: 0 });
    expect(mine.recent.map((s) => [s.course.title, s.confirmed, s.needsCount])).toEqual([['Recent', 1, 1]]);

    // just after 60 days from its end, "Recent" has gone, and "Soon" has become recent (signed in again then: sign-ins
    // expire by the same clock)
    api.app.get(Clock).fixAt(new Date(recent.endsAt.getTime() + 60 * DAY + 1000));
    const then = await yourSessions(await signInAs(api.url, tom));
    expect(then.recent.map((s) => s.course.title)).toEqual(['Soon']);
    expect(then.coming.map((s) => s.course.title)).toEqual(['Later']);
  });

  it('gives the session’s trainers and coordinators the details and the confirmed places by name with their needs; anyone else gets NOT_FOUND', async () => {
    const [una, val] = [await trainer('Una Trainer'), await trainer('Val Trainer')];
    const session = await aSession(em(), await aCourse(em(), { title: 'Neglect: early help' }), { inDays: 10, online: true });
    await em().nativeUpdate('Session', { id: session.id }, { joiningInstructions: 'Log in early.' });
    await assign(session, una.email);
    await assign(session, val.email);
    const zoe = await book(session, 'zoe Young', BookingStatus.CONFIRMED, { dietaryNeeds: 'Nut allergy' });
    const max = await book(session, 'Max Moss', BookingStatus.CONFIRMED);
    const kit = await book(session, 'kit Kemp', BookingStatus.CONFIRMED);
    const dan = await book(session, 'Dan Dale', BookingStatus.CONFIRMED);
    const amy = await book(session, 'Amy Adams', BookingStatus.CONFIRMED, { accessNeeds: 'Breaks every hour' });
    await book(session, 'Wes Waiting', BookingStatus.WAITLISTED, { accessNeeds: 'Not for the list' });

    const res = await detail(session.id, await signInAs(api.url, una));
    expect(res.errors).toBeUndefined();
    expect(res.data!.trainerSession).toMatchObject({
      course: { title: 'Neglect: early help' },
      onlineUrl: 'https://meet.example.org/test',
      joiningInstructions: 'Log in early.',
      trainerNames: ['Una Trainer', 'Val Trainer'],
      youTrain: true,
      confirmed: 5,
      waiting: 1,
      needsCount: 2,
    });
    expect(res.data!.trainerSession.attendees).toEqual([
      {
        bookingId: amy.booking.id,
        name: 'Amy Adams',
        agencyName: 'Agency of Amy Adams',
        accessNeeds: 'Breaks every hour',
        dietaryNeeds: null,
      },
      ...[dan, kit, max].map((x) => ({
        bookingId: x.booking.id,
        name: x.person.name,
        agencyName: `Agency of ${x.person.name}`,
        accessNeeds: null,
        dietaryNeeds: null,
      })),
      { bookingId: zoe.booking.id, name: 'zoe Young', agencyName: 'Agency of zoe Young', accessNeeds: null, dietaryNeeds: 'Nut allergy' },
    ]);

    const asCoordinator = await detail(session.id, coordinator);
    expect(asCoordinator.data!.trainerSession).toMatchObject({ youTrain: false, confirmed: 5 });

    // another trainer: the session is not found for them, and nothing of it comes back
    const other = await detail(session.id, await signInAs(api.url, await trainer('Other Trainer')));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.data).toBeNull();
    expect(JSON.stringify(other)).not.toContain('Amy Adams');
    // a practitioner (even one booked on it) may not ask at all
    const practitioner = await detail(session.id, await signInAs(api.url, amy.person));
    expect(practitioner.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(practitioner.data).toBeNull();
    expect((await gql(api.url, YOUR_SESSIONS, {}, await signInAs(api.url, amy.person))).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    // signed out
    expect((await gql(api.url, TRAINER_SESSION, { id: session.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('names the trainers (no emails) on the course page, the booking page and a practitioner’s bookings, for people signed in', async () => {
    const course = await aCourse(em(), { title: 'Safer sleep' });
    const session = await aSession(em(), course, { inDays: 12 });
    await assign(session, (await trainer('Wyn Walsh')).email);
    await assign(session, (await trainer('Ann Adey')).email);
    const { person } = await book(session, 'Pat Practitioner', BookingStatus.CONFIRMED);
    const cookie = await signInAs(api.url, person);

    const coursePage = await gql<{ course: { upcomingSessions: { id: string; trainerNames: string[] }[] } }>(
      api.url,
      COURSE_PAGE,
      { id: course.id },
      cookie,
    );
    expect(coursePage.data!.course.upcomingSessions).toEqual([{ id: session.id, trainerNames: ['Ann Adey', 'Wyn Walsh'] }]);
    const sessionPage = await gql<{ session: { session: { trainerNames: string[] } } }>(api.url, SESSION_PAGE, { id: session.id }, cookie);
    expect(sessionPage.data!.session.session.trainerNames).toEqual(['Ann Adey', 'Wyn Walsh']);
    const mine = await gql<{ myBookings: { upcoming: { session: { id: string; trainerNames: string[] } }[] } }>(
      api.url,
      MY_BOOKINGS,
      {},
      cookie,
    );
    expect(mine.data!.myBookings.upcoming.map((b) => b.session.trainerNames)).toEqual([['Ann Adey', 'Wyn Walsh']]);

    // the catalogue is public, the trainers' names are not
    const signedOut = await gql<{ course: { upcomingSessions: { trainerNames: string[] }[] } }>(api.url, COURSE_PAGE, { id: course.id });
    expect(signedOut.data!.course.upcomingSessions[0]!.trainerNames).toEqual([]);
  });
});
