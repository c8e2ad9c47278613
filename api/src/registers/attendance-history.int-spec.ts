import { randomUUID } from 'node:crypto';
import { BookingStatus, Role } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';

const MARK = `mutation($input: MarkAttendanceInput!) { markAttendance(input: $input) { applied conflict entry { eventId mark minutes } } }`;
const SIGN_OFF = `mutation($partId: ID!) { signOffRegister(partId: $partId) { signOff { signedByName } } }`;
const HISTORY = `query($personId: ID!) { attendanceHistory(personId: $personId) {
  courseTitle partNumber mark minutes previousMark previousMinutes source actorName reason } }`;

describe("a person's attendance history (real API, real PostgreSQL)", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());
  const em = () => api.orm.em.fork();

  it('shows every mark on their places, corrections with the old value and the reason, to them and coordinators only', async () => {
    const e = em();
    const trainer = await aPerson(e, { name: 'Tara Trainer', roles: [Role.TRAINER] });
    const coordinator = await aPerson(e, { name: 'Cora Coordinator', roles: [Role.COORDINATOR] });
    const attendee = await aPerson(e, { name: 'Ash Attendee' });
    const other = await aPerson(e, { name: 'Olu Other' });
    const started = await aSession(e, await aCourse(e, { title: 'Graded Care Profile 2' }), { inDays: -1 / 48 }); // began 30 minutes ago
    const session = await e.findOneOrFail(Session, started.id, { populate: ['parts', 'trainers'] });
    session.trainers.add(e.getReference(Person, trainer.id));
    const booking = e.create(Booking, { session, person: e.getReference(Person, attendee.id), status: BookingStatus.CONFIRMED });
    await e.flush();
    const partId = session.parts[0]!.id;
    const [asTrainer, asCoordinator, asAttendee, asOther] = await Promise.all(
      [trainer, coordinator, attendee, other].map((p) => signInAs(api.url, p)),
    );

    const late = await gql<{ markAttendance: { entry: { eventId: string } } }>(
      api.url,
      MARK,
      { input: { clientId: randomUUID(), partId, bookingId: booking.id, mark: 'LATE', minutes: 10 } },
      asTrainer,
    );
    expect(late.errors).toBeUndefined();
    expect((await gql(api.url, SIGN_OFF, { partId }, asTrainer)).errors).toBeUndefined();
    const corrected = await gql(
      api.url,
      MARK,
      {
        input: {
          clientId: randomUUID(),
          partId,
          bookingId: booking.id,
          mark: 'PRESENT',
          basedOnEventId: late.data!.markAttendance.entry.eventId,
          reason: 'Arrived on time: the trainer marked the wrong person',
        },
      },
      asCoordinator,
    );
    expect(corrected.errors).toBeUndefined();

    const expected = [
      {
        courseTitle: 'Graded Care Profile 2',
        partNumber: 1,
        mark: 'PRESENT',
        minutes: null,
        previousMark: 'LATE',
        previousMinutes: 10,
        source: 'CORRECTION',
        actorName: 'Cora Coordinator',
        reason: 'Arrived on time: the trainer marked the wrong person',
      },
      {
        courseTitle: 'Graded Care Profile 2',
        partNumber: 1,
        mark: 'LATE',
        minutes: 10,
        previousMark: null,
        previousMinutes: null,
        source: 'TRAINER',
        actorName: 'Tara Trainer',
        reason: null,
      },
    ];
    for (const cookie of [asAttendee, asCoordinator]) {
      const res = await gql<{ attendanceHistory: unknown[] }>(api.url, HISTORY, { personId: attendee.id }, cookie);
      expect(res.errors).toBeUndefined();
      expect(res.data!.attendanceHistory).toEqual(expected);
    }
    // someone else (even a trainer of the session) does not learn it exists
    for (const cookie of [asOther, asTrainer]) {
      const res = await gql(api.url, HISTORY, { personId: attendee.id }, cookie);
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});
