import { MailKind, MailStatus, Role, formatLondonRange, inviteUid } from '@lh/domain';
import ICAL from 'ical.js';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../test/smtp-server';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { MailDeliveryService } from '../notifications/mail-delivery.service';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Course } from '../catalogue/course.entity';
import { SessionPart } from '../scheduling/session-part.entity';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(bookingId: $id) { id status } }`;
const MOVE = `mutation($input: MoveBookingInput!) { moveBooking(input: $input) { id } }`;
const REQUEST = `query($token: String!) { approvalRequest(token: $token) { bookingId status practitionerName managerEmail } }`;
const DECIDE = `mutation($token: String!, $approve: Boolean!, $reason: String) { decideApproval(token: $token, approve: $approve, reason: $reason) { status } }`;

/** The mail that goes with each booking change, written in the change's transaction and delivered over real SMTP. */
describe('booking mail and invites (real SMTP, real PostgreSQL)', () => {
  let api: TestApi;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url, webOrigin: 'https://learninghub.example.org' });
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  const outbox = (bookingId: string) =>
    api.orm.em.fork().find(OutboxMessage, { bookingId }, { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['invites'] });

  /** An instant as an .ics file holds it (to the second). */
  const seconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();

  /** Every .ics attached to a received mail, read with ical.js: one METHOD and one VEVENT in each. */
  function readInvites(mail: ReceivedMail) {
    const files = mail.parsed.attachments.filter((a) => a.filename?.endsWith('.ics'));
    return files.map((file) => {
      const calendar = new ICAL.Component(ICAL.parse(file.content.toString()));
      for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
        ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
      }
      const events = calendar.getAllSubcomponents('vevent');
      expect(events).toHaveLength(1);
      const event = new ICAL.Event(events[0]!);
      return {
        method: calendar.getFirstPropertyValue('method'),
        uid: event.uid,
        sequence: event.sequence,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
      };
    });
  }
  const kinds = async (bookingId: string) => (await outbox(bookingId)).map((m) => m.kind);

  async function practitioner() {
    const person = await aPerson(api.orm.em.fork(), { name: 'Priya Shah' });
    return { person, cookie: await signInAs(api.url, person) };
  }

  it('sends one confirmation listing every part, with one invite (.ics) per part, and one cancellation with the same UIDs', async () => {
    const course = await aCourse(api.orm.em.fork(), { title: 'Graded Care Profile 2' });
    const session = await aSession(api.orm.em.fork(), course, { inDays: 20, parts: 2 });
    const { person, cookie } = await practitioner();
    const booked = await gql<{ bookSession: { id: string; status: string } }>(api.url, BOOK, { input: { sessionId: session.id } }, cookie);
    const bookingId = booked.data!.bookSession.id;

    const queued = await outbox(bookingId);
    expect(queued.map((m) => m.kind)).toEqual([MailKind.BOOKING_CONFIRMED, MailKind.REMINDER, MailKind.REMINDER]);
    const parts = await api.orm.em.fork().find(SessionPart, { session: session.id }, { orderBy: { startsAt: 'asc' } });
    const uids = parts.map((p) => inviteUid(bookingId, p.id));
    expect(queued[0]!.invites.getItems().map((i) => [i.method, i.uid, i.sequence])).toEqual(uids.map((uid) => ['REQUEST', uid, 0]));
    const reminders = queued.filter((m) => m.kind === MailKind.REMINDER);
    expect(reminders.every((m) => m.nextAttemptAt.getTime() > Date.now())).toBe(true);

    await api.app.get(MailDeliveryService).deliverDue();
    await smtp.waitFor(1);
    const mine = smtp.received.filter((m) => m.envelopeTo.includes(person.email));
    expect(mine).toHaveLength(1);
    const mail = mine[0]!;
    expect(mail.parsed.subject).toBe('Booking confirmed: Graded Care Profile 2');
    expect(mail.parsed.text).toContain('https://learninghub.example.org/bookings/');
    expect(mail.parsed.text).toContain(`Part 1 of 2: ${formatLondonRange(parts[0]!.startsAt, parts[0]!.endsAt)}`);
    expect(mail.parsed.text).toContain(`Part 2 of 2: ${formatLondonRange(parts[1]!.startsAt, parts[1]!.endsAt)}`);
    // one .ics per part, each one iCalendar object with one METHOD and one VEVENT with its own UID
    expect(readInvites(mail)).toEqual(
      parts.map((p, i) => ({
        method: 'REQUEST',
        uid: uids[i],
        sequence: 0,
        start: seconds(p.startsAt),
        end: seconds(p.endsAt),
      })),
    );

    await gql(api.url, CANCEL, { id: bookingId }, cookie);
    const after = await outbox(bookingId);
    const cancelMails = after.filter((m) => m.kind === MailKind.BOOKING_CANCELLED);
    expect(cancelMails).toHaveLength(1);
    expect(cancelMails[0]!.invites.getItems().map((i) => [i.method, i.uid, i.sequence])).toEqual(uids.map((uid) => ['CANCEL', uid, 1]));
    expect(after.filter((m) => m.kind === MailKind.REMINDER).map((m) => m.status)).toEqual([MailStatus.CANCELLED, MailStatus.CANCELLED]);
  });

  it('moves a place in one mail (old and new dates in London time) whose invites leave only the new date in the calendar', async () => {
    const em = api.orm.em.fork();
    const course = await aCourse(em, { title: 'Neglect: early help' });
    const from = await aSession(em, course, { inDays: 20, parts: 2 });
    const to = await aSession(em, course, { inDays: 40 });
    const { person, cookie } = await practitioner();
    const booked = await gql<{ bookSession: { id: string } }>(api.url, BOOK, { input: { sessionId: from.id } }, cookie);
    const oldId = booked.data!.bookSession.id;
    await api.app.get(MailDeliveryService).deliverDue();
    await smtp.waitFor(smtp.received.length);
    const before = smtp.received.length;

    const coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
    const moved = await gql<{ moveBooking: { id: string } }>(
      api.url,
      MOVE,
      { input: { bookingId: oldId, toSessionId: to.id, reason: 'The first date was overbooked' } },
      coordinator,
    );
    expect(moved.errors).toBeUndefined();
    const newId = moved.data!.moveBooking.id;

    // no "Booking cancelled" and no separate "Booking confirmed": one BOOKING_MOVED mail
    expect((await outbox(oldId)).filter((m) => m.status === MailStatus.PENDING).map((m) => m.kind)).toEqual([]);
    expect((await outbox(newId)).filter((m) => m.kind !== MailKind.REMINDER).map((m) => m.kind)).toEqual([MailKind.BOOKING_MOVED]);

    await api.app.get(MailDeliveryService).deliverDue();
    await smtp.waitFor(before + 1);
    const mine = smtp.received.slice(before).filter((m) => m.envelopeTo.includes(person.email));
    expect(mine.map((m) => m.parsed.subject)).toEqual(['Your place has moved to another date: Neglect: early help']);
    const mail = mine[0]!;
    const oldParts = await api.orm.em.fork().find(SessionPart, { session: from.id }, { orderBy: { startsAt: 'asc' } });
    const [newPart] = await api.orm.em.fork().find(SessionPart, { session: to.id });
    for (const p of oldParts) {
      expect(mail.parsed.text).toContain(formatLondonRange(p.startsAt, p.endsAt));
    }
    expect(mail.parsed.text).toContain(formatLondonRange(newPart!.startsAt, newPart!.endsAt));
    expect(mail.parsed.text).toContain('Reason: The first date was overbooked');
    // the new date's invite, and the old date's events cancelled by their own UIDs (a higher SEQUENCE)
    expect(readInvites(mail)).toEqual([
      {
        method: 'REQUEST',
        uid: inviteUid(newId, newPart!.id),
        sequence: 0,
        start: seconds(newPart!.startsAt),
        end: seconds(newPart!.endsAt),
      },
      ...oldParts.map((p) => ({
        method: 'CANCEL',
        uid: inviteUid(oldId, p.id),
        sequence: 1,
        start: seconds(p.startsAt),
        end: seconds(p.endsAt),
      })),
    ]);
  });

  it('tells people joining the waiting list, offers freed places by mail, and sends nothing for a refused booking', async () => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()), { capacity: 1, inDays: 20 });
    const a = await practitioner();
    const b = await practitioner();
    const held = (await gql<{ bookSession: { id: string } }>(api.url, BOOK, { input: { sessionId: session.id } }, a.cookie)).data!
      .bookSession;
    const waiting = (await gql<{ bookSession: { id: string } }>(api.url, BOOK, { input: { sessionId: session.id } }, b.cookie)).data!
      .bookSession;
    expect(await kinds(waiting.id)).toEqual([MailKind.WAITING_LIST_JOINED]);

    const refused = await gql(api.url, BOOK, { input: { sessionId: session.id } }, b.cookie);
    expect(refused.errors?.[0]?.extensions?.code).toBe('ALREADY_BOOKED');
    expect(await api.orm.em.fork().count(OutboxMessage, { personId: b.person.id })).toBe(1);

    await gql(api.url, CANCEL, { id: held.id }, a.cookie);
    const offer = (await outbox(waiting.id)).find((m) => m.kind === MailKind.PLACE_OFFERED)!;
    expect(offer.subject).toMatch(/A place is available/);
    expect(offer.text).toMatch(new RegExp(`/bookings/${waiting.id}#offer`));
  });

  it('asks the manager by a signed link that works once, without signing in', async () => {
    const em = api.orm.em.fork();
    const course = await aCourse(em, { title: 'Domestic abuse: specialist' });
    await em.nativeUpdate(Course, { id: course.id }, { requiresApproval: true });
    const session = await aSession(em, course, { capacity: 2, inDays: 20 });
    const { cookie } = await practitioner();
    const booking = (
      await gql<{ bookSession: { id: string; status: string } }>(
        api.url,
        BOOK,
        { input: { sessionId: session.id, managerEmail: 'team.manager@example.org' } },
        cookie,
      )
    ).data!.bookSession;
    expect(booking.status).toBe('PENDING_APPROVAL');

    const request = (await outbox(booking.id)).find((m) => m.kind === MailKind.APPROVAL_REQUESTED)!;
    expect(request.toEmail).toBe('team.manager@example.org');
    const link = /https:\/\/learninghub\.example\.org\/approvals\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\?decision=approve/.exec(request.text);
    expect(link).not.toBeNull();
    const token = link![1]!;

    const seen = await gql<{ approvalRequest: { practitionerName: string; status: string } }>(api.url, REQUEST, { token });
    expect(seen.data!.approvalRequest).toMatchObject({ practitionerName: 'Priya Shah', status: 'PENDING_APPROVAL' });

    const tampered = await gql(api.url, DECIDE, { token: token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'), approve: true });
    expect(tampered.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');

    const approved = await gql<{ decideApproval: { status: string } }>(api.url, DECIDE, { token, approve: true });
    expect(approved.data!.decideApproval.status).toBe('CONFIRMED');
    expect(await kinds(booking.id)).toEqual(
      expect.arrayContaining([MailKind.APPROVAL_REQUESTED, MailKind.BOOKING_APPROVED, MailKind.BOOKING_CONFIRMED]),
    );

    const again = await gql(api.url, DECIDE, { token, approve: false });
    expect(again.errors?.[0]?.extensions?.code).toBe('ALREADY_DECIDED');
    expect(again.errors?.[0]?.message).toMatch(/already been dealt with/);
  });

  it('lets the manager decline, which frees the place and tells the practitioner why', async () => {
    const em = api.orm.em.fork();
    const course = await aCourse(em);
    await em.nativeUpdate(Course, { id: course.id }, { requiresApproval: true });
    const session = await aSession(em, course, { capacity: 1, inDays: 20 });
    const { cookie } = await practitioner();
    const booking = (
      await gql<{ bookSession: { id: string } }>(api.url, BOOK, { input: { sessionId: session.id, managerEmail: 'm@example.org' } }, cookie)
    ).data!.bookSession;
    const token = /approvals\/([^?\s]+)\?decision=decline/.exec((await outbox(booking.id))[0]!.text)![1]!;
    const declined = await gql<{ decideApproval: { status: string } }>(api.url, DECIDE, {
      token,
      approve: false,
      reason: 'Cover needed that day',
    });
    expect(declined.data!.decideApproval.status).toBe('DECLINED');
    const mail = (await outbox(booking.id)).find((m) => m.kind === MailKind.BOOKING_DECLINED)!;
    expect(mail.text).toContain('Cover needed that day');
  });

  it('lets a coordinator approve on the manager\u2019s behalf', async () => {
    const em = api.orm.em.fork();
    const course = await aCourse(em);
    await em.nativeUpdate(Course, { id: course.id }, { requiresApproval: true });
    const session = await aSession(em, course, { capacity: 1, inDays: 20 });
    const { cookie } = await practitioner();
    const coordinator = await aPerson(em, { roles: [Role.COORDINATOR] });
    const booking = (
      await gql<{ bookSession: { id: string } }>(api.url, BOOK, { input: { sessionId: session.id, managerEmail: 'm@example.org' } }, cookie)
    ).data!.bookSession;
    const res = await gql<{ confirmBooking: { status: string } }>(
      api.url,
      `mutation($id: ID!) { confirmBooking(bookingId: $id) { status } }`,
      { id: booking.id },
      await signInAs(api.url, coordinator),
    );
    expect(res.data!.confirmBooking.status).toBe('CONFIRMED');
    expect(await kinds(booking.id)).toContain(MailKind.BOOKING_CONFIRMED);
  });
});
