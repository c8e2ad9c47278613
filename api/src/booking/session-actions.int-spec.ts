import { BookingStatus, MailKind, MailStatus, Role, inviteUid } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';
import { Clock } from '../common/clock';
import { Booking } from './booking.entity';
import { SessionBookingsService } from './session-bookings.service';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const CANCEL_SESSION = `mutation($input: CancelSessionInput!) { cancelSession(input: $input) { confirmed { id } cancelled { id status } } }`;
const MOVE = `mutation($input: MoveBookingInput!) { moveBooking(input: $input) { id status accessNeeds session { id } history { action reason } } }`;

describe('whole-session actions: cancel, move, change (real PostgreSQL)', () => {
  let api: TestApi;
  let coordinatorCookie: string;

  beforeAll(async () => {
    api = await startTestApi();
    coordinatorCookie = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());

  async function booked(sessionId: string, extra: Record<string, unknown> = {}) {
    const person = await aPerson(api.orm.em.fork());
    const cookie = await signInAs(api.url, person);
    const res = await gql<{ bookSession: { id: string; status: string } }>(api.url, BOOK, { input: { sessionId, ...extra } }, cookie);
    return { person, cookie, booking: res.data?.bookSession, errors: res.errors };
  }
  const mails = (bookingId: string) =>
    api.orm.em.fork().find(OutboxMessage, { bookingId }, { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['invites'] });
  /** Each mail's invites, in order, as [kind, UID, method, SEQUENCE]. */
  const invitesIn = (all: OutboxMessage[]) =>
    all.flatMap((m) => m.invites.getItems().map((i) => [m.kind, i.uid, i.method, i.sequence] as const));

  it('cancels a whole session: everyone is cancelled (never late) and told, confirmed people get CANCEL invites', async () => {
    const course = await aCourse(api.orm.em.fork());
    const session = await aSession(api.orm.em.fork(), course, { capacity: 1, inDays: 2 });
    await aSession(api.orm.em.fork(), course, { inDays: 30 });
    const a = await booked(session.id);
    const b = await booked(session.id);
    expect([a.booking?.status, b.booking?.status]).toEqual(['CONFIRMED', 'WAITLISTED']);

    const missing = await gql(api.url, CANCEL_SESSION, { input: { sessionId: session.id, reason: ' ' } }, coordinatorCookie);
    expect(missing.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.reason', message: 'Enter a reason for cancelling the session' },
    ]);

    const res = await gql<{ cancelSession: { confirmed: unknown[]; cancelled: { status: string }[] } }>(
      api.url,
      CANCEL_SESSION,
      { input: { sessionId: session.id, reason: 'Trainer unwell' } },
      coordinatorCookie,
    );
    expect(res.data!.cancelSession.confirmed).toEqual([]);
    expect(res.data!.cancelSession.cancelled.map((c) => c.status)).toEqual(['CANCELLED', 'CANCELLED']);
    const em = api.orm.em.fork();
    expect((await em.findOneOrFail(Booking, a.booking!.id)).lateCancellation).toBe(false);

    const aMail = (await mails(a.booking!.id)).filter((m) => m.kind === MailKind.SESSION_CANCELLED);
    expect(aMail.map((m) => m.invites.getItems().map((i) => i.method))).toEqual([['CANCEL']]);
    expect(aMail[0]!.text).toContain('Trainer unwell');
    expect(aMail[0]!.text).toMatch(/Other dates for this course: /);
    expect((await mails(a.booking!.id)).filter((m) => m.kind === MailKind.REMINDER).every((m) => m.status === MailStatus.CANCELLED)).toBe(
      true,
    );
    const bMail = (await mails(b.booking!.id)).filter((m) => m.kind === MailKind.SESSION_CANCELLED);
    expect(bMail.map((m) => m.invites.length)).toEqual([0]);

    const again = await booked(session.id);
    expect(again.errors?.[0]?.extensions?.code).toBe('SESSION_CANCELLED');
    const twice = await gql(api.url, CANCEL_SESSION, { input: { sessionId: session.id, reason: 'x' } }, coordinatorCookie);
    expect(twice.errors?.[0]?.extensions?.code).toBe('SESSION_CANCELLED');
  });

  it('keeps why and when a session was cancelled, shows it, and refuses changes to its places', async () => {
    const course = await aCourse(api.orm.em.fork());
    const session = await aSession(api.orm.em.fork(), course, { capacity: 3, inDays: 9 });
    const at = new Date('2026-11-30T10:15:00Z');
    api.app.get(Clock).fixAt(at);
    try {
      const res = await gql(api.url, CANCEL_SESSION, { input: { sessionId: session.id, reason: '  Venue flooded  ' } }, coordinatorCookie);
      expect(res.errors).toBeUndefined();
    } finally {
      api.app.get(Clock).fixAt(null);
    }
    const roster = await gql<{ sessionRoster: { session: { cancelled: boolean; cancelledAt: string; cancellationReason: string } } }>(
      api.url,
      `query($id: ID!) { sessionRoster(sessionId: $id) { session { cancelled cancelledAt cancellationReason } } }`,
      { id: session.id },
      coordinatorCookie,
    );
    expect(roster.data!.sessionRoster.session).toEqual({
      cancelled: true,
      cancelledAt: at.toISOString(),
      cancellationReason: 'Venue flooded',
    });
    const page = await gql<{ session: { session: { status: string; cancellationReason: string } } }>(
      api.url,
      `query($id: ID!) { session(id: $id) { session { status cancellationReason } } }`,
      { id: session.id },
    );
    expect(page.data!.session.session).toEqual({ status: 'CANCELLED', cancellationReason: 'Venue flooded' });

    const capacity = await gql(
      api.url,
      `mutation($input: ChangeCapacityInput!) { changeSessionCapacity(input: $input) { capacity } }`,
      { input: { sessionId: session.id, capacity: 10 } },
      coordinatorCookie,
    );
    expect(capacity.errors?.[0]?.extensions?.code).toBe('SESSION_CANCELLED');
    const auto = await gql(
      api.url,
      `mutation($id: ID!) { setSessionAutoOffer(sessionId: $id, automatic: false) { autoOfferWaitlist } }`,
      { id: session.id },
      coordinatorCookie,
    );
    expect(auto.errors?.[0]?.extensions?.code).toBe('SESSION_CANCELLED');
    expect((await api.orm.em.fork().findOneOrFail(Session, session.id)).capacity).toBe(3);
  });

  it('moves a booking to another date, keeps its needs, and offers the freed place', async () => {
    const course = await aCourse(api.orm.em.fork());
    const from = await aSession(api.orm.em.fork(), course, { capacity: 1, inDays: 10 });
    const to = await aSession(api.orm.em.fork(), course, { capacity: 1, inDays: 20 });
    const mover = await booked(from.id, { accessNeeds: 'Hearing loop' });
    const waiter = await booked(from.id);

    const asPractitioner = await gql(
      api.url,
      MOVE,
      { input: { bookingId: mover.booking!.id, toSessionId: to.id, reason: 'x' } },
      mover.cookie,
    );
    expect(asPractitioner.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');

    const res = await gql<{
      moveBooking: {
        id: string;
        status: string;
        accessNeeds: string;
        session: { id: string };
        history: { action: string; reason: string }[];
      };
    }>(api.url, MOVE, { input: { bookingId: mover.booking!.id, toSessionId: to.id, reason: 'Clash with court' } }, coordinatorCookie);
    expect(res.errors).toBeUndefined();
    expect(res.data!.moveBooking).toMatchObject({ status: 'CONFIRMED', accessNeeds: 'Hearing loop', session: { id: to.id } });
    expect(res.data!.moveBooking.history[0]).toMatchObject({ action: 'moved-in' });
    expect(res.data!.moveBooking.history[0]!.reason).toMatch(/Clash with court/);
    const em = api.orm.em.fork();
    const old = await em.findOneOrFail(Booking, mover.booking!.id);
    expect([old.status, old.lateCancellation]).toEqual([BookingStatus.CANCELLED, false]);
    expect((await em.findOneOrFail(Booking, waiter.booking!.id)).status).toBe(BookingStatus.OFFERED);

    // the target is now full: moving someone else there is refused and nothing changes
    const other = await booked(from.id);
    const full = await gql(api.url, MOVE, { input: { bookingId: other.booking!.id, toSessionId: to.id, reason: 'x' } }, coordinatorCookie);
    expect(full.errors?.[0]?.extensions?.code).toBe('SESSION_FULL');
    expect(await api.orm.em.fork().count(Booking, { session: to.id })).toBe(1);
  });

  it('sends an updated invite (same UID, higher SEQUENCE) when a session changes', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { inDays: 15 });
    const booking = (await booked(session.id)).booking!;
    const service = api.app.get(SessionBookingsService);
    await api.orm.em.fork().transactional(async (em) => {
      const part = await em.findOneOrFail(SessionPart, { session: session.id });
      part.startsAt = new Date(part.startsAt.getTime() + 3_600_000);
      part.endsAt = new Date(part.endsAt.getTime() + 3_600_000);
      await em.flush();
      await service.sessionChanged(em, session.id, ['New time: an hour later']);
    });
    const all = await mails(booking.id);
    const part = await api.orm.em.fork().findOneOrFail(SessionPart, { session: session.id });
    const invites = invitesIn(all)
      .filter(([, uid]) => uid === inviteUid(booking.id, part.id))
      .map(([kind, , method, sequence]) => [kind, method, sequence]);
    expect(invites).toEqual([
      [MailKind.BOOKING_CONFIRMED, 'REQUEST', 0],
      [MailKind.SESSION_CHANGED, 'REQUEST', 1],
    ]);
    const reminders = all.filter((m) => m.kind === MailKind.REMINDER);
    expect(reminders.filter((m) => m.status === MailStatus.PENDING).length).toBeGreaterThan(0);
    expect(reminders.filter((m) => m.status === MailStatus.CANCELLED).length).toBe(
      reminders.filter((m) => m.status === MailStatus.PENDING).length,
    );
  });

  it('cancels the invite of a part removed from a session, in the one mail that tells of the change', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { inDays: 15, parts: 2 });
    const booking = (await booked(session.id)).booking!;
    const parts = await api.orm.em.fork().find(SessionPart, { session: session.id }, { orderBy: { startsAt: 'asc' } });
    const service = api.app.get(SessionBookingsService);
    await api.orm.em.fork().transactional(async (em) => {
      await em.nativeDelete(SessionPart, { id: parts[1]!.id });
      await service.sessionChanged(em, session.id, ['The second day has been removed']);
    });
    const removedUid = inviteUid(booking.id, parts[1]!.id);
    const keptUid = inviteUid(booking.id, parts[0]!.id);
    const all = await mails(booking.id);
    expect(all.filter((m) => m.kind === MailKind.SESSION_CHANGED)).toHaveLength(1);
    expect(invitesIn(all).filter(([, uid]) => uid === removedUid)).toEqual([
      [MailKind.BOOKING_CONFIRMED, removedUid, 'REQUEST', 0],
      [MailKind.SESSION_CHANGED, removedUid, 'CANCEL', 1],
    ]);
    expect(invitesIn(all).filter(([, uid]) => uid === keptUid)).toEqual([
      [MailKind.BOOKING_CONFIRMED, keptUid, 'REQUEST', 0],
      [MailKind.SESSION_CHANGED, keptUid, 'REQUEST', 1],
    ]);
  });

  it('sends joining instructions with the confirmation and invite, and on request to everyone confirmed', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { inDays: 15, capacity: 1 });
    const SEND = `mutation($id: ID!) { sendJoiningInstructions(sessionId: $id) }`;
    const none = await gql(api.url, SEND, { id: session.id }, coordinatorCookie);
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0]?.message).toMatch(/no joining instructions yet/);

    await api.orm.em
      .fork()
      .nativeUpdate(Session, { id: session.id }, { joiningInstructions: 'Bring photo ID. Park in the visitor car park.' });
    const confirmed = (await booked(session.id)).booking!;
    const waiting = (await booked(session.id)).booking!;
    const confirmation = (await mails(confirmed.id)).find((m) => m.kind === MailKind.BOOKING_CONFIRMED)!;
    expect(confirmation.text).toContain('Bring photo ID. Park in the visitor car park.');
    expect(confirmation.invites[0]!.ics).toContain('Bring photo ID');

    const sent = await gql<{ sendJoiningInstructions: number }>(api.url, SEND, { id: session.id }, coordinatorCookie);
    expect(sent.data!.sendJoiningInstructions).toBe(1);
    expect((await mails(confirmed.id)).filter((m) => m.kind === MailKind.JOINING_INSTRUCTIONS)).toHaveLength(1);
    expect((await mails(waiting.id)).filter((m) => m.kind === MailKind.JOINING_INSTRUCTIONS)).toHaveLength(0);
  });

  it('names the room in the invite, the mail and the course page', async () => {
    const course = await aCourse(api.orm.em.fork());
    const session = await aSession(api.orm.em.fork(), course, { inDays: 15 });
    await api.orm.em.fork().nativeUpdate(Session, { id: session.id }, { room: 'Room B12' });
    const booking = (await booked(session.id)).booking!;
    const confirmation = (await mails(booking.id)).find((m) => m.kind === MailKind.BOOKING_CONFIRMED)!;
    expect(confirmation.invites[0]!.ics).toMatch(/LOCATION:Venue [0-9a-f]+\\, Room B12\\, 1 High Street/);
    expect(confirmation.text).toContain('Room B12');
    const page = await gql<{ course: { upcomingSessions: { room: string | null }[] } }>(
      api.url,
      `query($id: ID!) { course(id: $id) { upcomingSessions { room } } }`,
      { id: course.id },
    );
    expect(page.data!.course.upcomingSessions).toEqual([{ room: 'Room B12' }]);
  });
});
