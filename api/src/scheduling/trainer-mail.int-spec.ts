import { BookingStatus, MailKind, Role, formatLondonRange, inviteUid, trainerInviteUid } from '@lh/domain';
import ICAL from 'ical.js';
import { aCourse, aPerson, aSession, bookings } from '../../test/builders';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../test/smtp-server';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { MailDeliveryService } from '../notifications/mail-delivery.service';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Session } from './session.entity';
import { SessionPart } from './session-part.entity';

const WEB = 'https://learninghub.example.org';
const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id parts { id startsAt endsAt } } }`;
const UPDATE = `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { id } }`;
const ASSIGN = `mutation($input: AssignTrainerInput!) { assignTrainer(input: $input) { id trainers { id } } }`;
const REMOVE = `mutation($s: ID!, $p: ID!) { removeTrainer(sessionId: $s, personId: $p) { id } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id } }`;
const TRAINER_KINDS = [
  MailKind.TRAINER_ASSIGNED,
  MailKind.TRAINER_SESSION_CHANGED,
  MailKind.TRAINER_REMOVED,
  MailKind.TRAINER_SESSION_CANCELLED,
];
const CANCEL_SESSION = `mutation($input: CancelSessionInput!) { cancelSession(input: $input) { sessionId } }`;

/** London dates some weeks ahead (a Tuesday and a Wednesday), so the sessions are always to come. */
const ahead = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCDate(d.getUTCDate() + ((9 - d.getUTCDay()) % 7)); // next Tuesday
  return d.toISOString().slice(0, 10);
};
const nextDay = (date: string) => new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);

/** Trainers are told, through the outbox and with their own calendar invites, whenever their part in a session changes. */
describe('mail and invites to trainers (real SMTP, real PostgreSQL)', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let coordinator: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url, webOrigin: WEB });
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  const em = () => api.orm.em.fork();
  const trainer = (name: string) => aPerson(em(), { name, roles: [Role.PRACTITIONER, Role.TRAINER] });
  /** The mail queued for a trainer about a session, oldest first, with its invites as [method, uid, sequence]. */
  const mailTo = async (personId: string, sessionId: string) =>
    (
      await em().find(
        OutboxMessage,
        { personId, sessionId, kind: { $in: TRAINER_KINDS } },
        { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['invites'] },
      )
    ).map((m) => ({ kind: m.kind, bookingId: m.bookingId, invites: m.invites.getItems().map((i) => [i.method, i.uid, i.sequence]) }));
  const assign = async (sessionId: string, personEmail: string) => {
    const res = await gql(api.url, ASSIGN, { input: { sessionId, personEmail } }, coordinator);
    expect(res.errors).toBeUndefined();
  };
  const partsOf = (sessionId: string) => em().find(SessionPart, { session: sessionId }, { orderBy: { startsAt: 'asc' } });

  async function onlineSession(o: { title: string; parts: { date: string; startTime: string; endTime: string }[] }) {
    const course = await aCourse(em(), { title: o.title });
    const res = await gql<{ createSession: { id: string } }>(
      api.url,
      CREATE,
      {
        input: {
          courseId: course.id,
          capacity: 12,
          parts: o.parts,
          onlineUrl: 'https://meet.example.org/neglect',
          joiningInstructions: 'Log in 10 minutes early to check your sound.',
        },
      },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createSession.id;
  }

  /** Every .ics attached to a received mail, read with ical.js (an independent parser). */
  function readInvites(mail: ReceivedMail) {
    return mail.parsed.attachments
      .filter((a) => a.filename?.endsWith('.ics'))
      .map((file) => {
        const calendar = new ICAL.Component(ICAL.parse(file.content.toString()));
        for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
          ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
        }
        const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
        return {
          method: calendar.getFirstPropertyValue('method'),
          uid: event.uid,
          sequence: event.sequence,
          start: event.startDate.toJSDate().toISOString(),
          attendee: String(event.attendees[0]?.getFirstValue()).toLowerCase(),
        };
      });
  }
  const seconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();

  it('tells a trainer they are assigned in one mail: what, when in London time, how to join, how many are booked, with an invite per part', async () => {
    const date = ahead(21);
    const sessionId = await onlineSession({
      title: 'Neglect: early help',
      parts: [
        { date, startTime: '09:30', endTime: '12:30' },
        { date: nextDay(date), startTime: '09:30', endTime: '12:30' },
      ],
    });
    const session = await em().findOneOrFail(Session, sessionId);
    await bookings(em(), session, 3);
    await bookings(em(), session, 1, BookingStatus.WAITLISTED);
    const tariq = await trainer('Tariq Trainer');

    await assign(sessionId, tariq.email);

    const parts = await partsOf(sessionId);
    const uids = parts.map((p) => trainerInviteUid(sessionId, tariq.id, p.id));
    expect(await mailTo(tariq.id, sessionId)).toEqual([
      { kind: MailKind.TRAINER_ASSIGNED, bookingId: null, invites: uids.map((uid) => ['REQUEST', uid, 0]) },
    ]);

    await api.app.get(MailDeliveryService).deliverDue();
    await smtp.waitFor(1);
    const mail = smtp.received.find((m) => m.envelopeTo.includes(tariq.email))!;
    expect(mail.parsed.subject).toBe('You are training: Neglect: early help');
    const text = mail.parsed.text!;
    expect(text).toContain(`Part 1 of 2: ${formatLondonRange(parts[0]!.startsAt, parts[0]!.endsAt)}`);
    expect(text).toContain(`Part 2 of 2: ${formatLondonRange(parts[1]!.startsAt, parts[1]!.endsAt)}`);
    expect(text).toContain('Online: https://meet.example.org/neglect');
    expect(text).toContain('Log in 10 minutes early to check your sound.');
    expect(text).toContain('Booked so far: 3 of 12 places are booked; 1 person is on the waiting list.');
    expect(text).toContain(`${WEB}/your-sessions/${sessionId}`);
    expect(readInvites(mail)).toEqual(
      parts.map((p, i) => ({
        method: 'REQUEST',
        uid: uids[i],
        sequence: 0,
        start: seconds(p.startsAt),
        attendee: `mailto:${tariq.email}`,
      })),
    );
  });

  it('updates every trainer when the times change (same UIDs, SEQUENCE up) and cancels a removed part; a trainer’s own booking keeps its own invites', async () => {
    const date = ahead(28);
    const twoParts = [
      { date, startTime: '09:30', endTime: '12:30' },
      { date: nextDay(date), startTime: '09:30', endTime: '12:30' },
    ];
    const sessionId = await onlineSession({ title: 'Child exploitation', parts: twoParts });
    const [ana, ben] = [await trainer('Ana Trainer'), await trainer('Ben Trainer')];
    await assign(sessionId, ana.email);
    await assign(sessionId, ben.email);
    const [first, second] = await partsOf(sessionId);
    // Ana has booked a place on it too: her booking's invites are her booking's, never touched by her trainer mail
    const booked = await gql<{ bookSession: { id: string } }>(api.url, BOOK, { input: { sessionId } }, await signInAs(api.url, ana));
    const bookingId = booked.data!.bookSession.id;

    const res = await gql(
      api.url,
      UPDATE,
      {
        input: {
          sessionId,
          parts: [{ date, startTime: '13:30', endTime: '16:30' }],
          onlineUrl: 'https://meet.example.org/neglect',
          joiningInstructions: 'Log in 10 minutes early to check your sound.',
        },
      },
      coordinator,
    );
    expect(res.errors).toBeUndefined();

    for (const t of [ana, ben]) {
      const mails = await mailTo(t.id, sessionId);
      expect(mails.map((m) => m.kind)).toEqual([MailKind.TRAINER_ASSIGNED, MailKind.TRAINER_SESSION_CHANGED]);
      expect(mails[1]!.invites).toEqual([
        ['REQUEST', trainerInviteUid(sessionId, t.id, first!.id), 1],
        ['CANCEL', trainerInviteUid(sessionId, t.id, second!.id), 1],
      ]);
    }
    const bookingMail = await em().find(OutboxMessage, { bookingId, kind: MailKind.SESSION_CHANGED }, { populate: ['invites'] });
    expect(bookingMail.flatMap((m) => m.invites.getItems().map((i) => [i.method, i.uid, i.sequence]))).toEqual([
      ['REQUEST', inviteUid(bookingId, first!.id), 1],
      ['CANCEL', inviteUid(bookingId, second!.id), 1],
    ]);
    const changed = await em().findOneOrFail(OutboxMessage, { personId: ana.id, sessionId, kind: MailKind.TRAINER_SESSION_CHANGED });
    expect(changed.subject).toBe('Changed: Child exploitation (you are training)');
    const moved = (await partsOf(sessionId))[0]!;
    expect(changed.text).toContain(formatLondonRange(moved.startsAt, moved.endsAt));
  });

  it('tells the trainers of a session nobody has booked yet when it changes', async () => {
    const date = ahead(42);
    const sessionId = await onlineSession({ title: 'Working together', parts: [{ date, startTime: '09:30', endTime: '12:30' }] });
    const gil = await trainer('Gil Trainer');
    await assign(sessionId, gil.email);
    const res = await gql(
      api.url,
      UPDATE,
      { input: { sessionId, parts: [{ date, startTime: '10:00', endTime: '13:00' }], onlineUrl: 'https://meet.example.org/neglect' } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    const [part] = await partsOf(sessionId);
    expect((await mailTo(gil.id, sessionId)).map((m) => [m.kind, m.invites])).toEqual([
      [MailKind.TRAINER_ASSIGNED, [['REQUEST', trainerInviteUid(sessionId, gil.id, part!.id), 0]]],
      [MailKind.TRAINER_SESSION_CHANGED, [['REQUEST', trainerInviteUid(sessionId, gil.id, part!.id), 1]]],
    ]);
  });

  it('cancels the trainer’s events when they are taken off the session, and tells nobody else', async () => {
    const session = await aSession(em(), await aCourse(em(), { title: 'Graded Care Profile 2' }), { inDays: 30, parts: 2 });
    const [cara, dev] = [await trainer('Cara Trainer'), await trainer('Dev Trainer')];
    await assign(session.id, cara.email);
    await assign(session.id, dev.email);

    expect((await gql(api.url, REMOVE, { s: session.id, p: cara.id }, coordinator)).errors).toBeUndefined();

    const parts = await partsOf(session.id);
    const mails = await mailTo(cara.id, session.id);
    expect(mails.map((m) => m.kind)).toEqual([MailKind.TRAINER_ASSIGNED, MailKind.TRAINER_REMOVED]);
    expect(mails[1]!.invites).toEqual(parts.map((p) => ['CANCEL', trainerInviteUid(session.id, cara.id, p.id), 1]));
    expect((await mailTo(dev.id, session.id)).map((m) => m.kind)).toEqual([MailKind.TRAINER_ASSIGNED]);
  });

  it('tells the trainers when the session is called off and withdraws their events; taking them off afterwards sends nothing more', async () => {
    const session = await aSession(em(), await aCourse(em(), { title: 'Domestic abuse awareness' }), { inDays: 35 });
    const eve = await trainer('Eve Trainer');
    await assign(session.id, eve.email);

    const res = await gql(api.url, CANCEL_SESSION, { input: { sessionId: session.id, reason: 'The venue has flooded' } }, coordinator);
    expect(res.errors).toBeUndefined();

    const [part] = await partsOf(session.id);
    const uid = trainerInviteUid(session.id, eve.id, part!.id);
    const mails = await mailTo(eve.id, session.id);
    expect(mails).toEqual([
      { kind: MailKind.TRAINER_ASSIGNED, bookingId: null, invites: [['REQUEST', uid, 0]] },
      { kind: MailKind.TRAINER_SESSION_CANCELLED, bookingId: null, invites: [['CANCEL', uid, 1]] },
    ]);
    const cancelled = await em().findOneOrFail(OutboxMessage, { personId: eve.id, kind: MailKind.TRAINER_SESSION_CANCELLED });
    expect(cancelled.text).toContain('Reason: The venue has flooded');

    expect((await gql(api.url, REMOVE, { s: session.id, p: eve.id }, coordinator)).errors).toBeUndefined();
    expect(await mailTo(eve.id, session.id)).toHaveLength(2);
  });

  it('sends nothing for an assignment to a session that has already ended (it only records who trained it)', async () => {
    const session = await aSession(em(), await aCourse(em()), { inDays: -3 });
    const fay = await trainer('Fay Trainer');
    await assign(session.id, fay.email);
    expect(await mailTo(fay.id, session.id)).toEqual([]);
  });
});
