import { BookingStatus, CourseOutcome, MailKind, Role } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { MailDeliveryService } from '../notifications/mail-delivery.service';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Person } from '../people/person.entity';
import { AttendanceOutcome } from '../registers/attendance-outcome.entity';
import { Session } from '../scheduling/session.entity';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';

const COUNT = `query($sessionId: ID!, $audience: RosterAudience!) { sessionMessageRecipients(sessionId: $sessionId, audience: $audience) }`;
const SEND = `mutation($input: MessageSessionInput!) { messageSession(input: $input) { recipients repeated subject } }`;
const LOG = `query { mailLog { toEmail subject kind } }`;

/** Messaging everyone on a session in one status: the right people, once each, through the outbox, once per key. */
describe('message a session by status', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });
  const em = () => api.orm.em.fork();

  async function fixture() {
    const e = em();
    const coordinator = await aPerson(e, { name: 'Cora Coordinator', roles: [Role.COORDINATOR] });
    const session = await aSession(e, await aCourse(e, { title: 'Neglect' }), { inDays: 9 });
    const statuses = [
      BookingStatus.CONFIRMED,
      BookingStatus.CONFIRMED,
      BookingStatus.WAITLISTED,
      BookingStatus.PENDING_APPROVAL,
      BookingStatus.CANCELLED,
    ];
    const people = [];
    for (const [i, status] of statuses.entries()) {
      const person = await aPerson(e, { name: `Person ${i}` });
      const booking = e.create(Booking, {
        session: e.getReference(Session, session.id),
        person: e.getReference(Person, person.id),
        status,
        waitlistedAt: new Date(),
      });
      people.push({ person, booking });
    }
    await e.flush();
    return { session, people, cookie: await signInAs(api.url, coordinator) };
  }

  it('previews the count, then mails exactly the people in that status, once, even when sent twice with the same key', async () => {
    const { session, people, cookie } = await fixture();
    const count = async (audience: string) =>
      (await gql<{ sessionMessageRecipients: number }>(api.url, COUNT, { sessionId: session.id, audience }, cookie)).data!
        .sessionMessageRecipients;
    expect(await count('CONFIRMED')).toBe(2);
    expect(await count('WAITING_LIST')).toBe(1);
    expect(await count('PENDING_APPROVAL')).toBe(1);
    expect(await count('OFFERED')).toBe(0);

    const input = {
      sessionId: session.id,
      audience: 'CONFIRMED',
      subject: 'Room change',
      message: 'We are in room 4 now.\n\nBring a pen.',
      idempotencyKey: 'key-roster-0001',
    };
    // a double click: two sends at once with the same key
    const [first, second] = await Promise.all([
      gql<{ messageSession: { recipients: number; repeated: boolean } }>(api.url, SEND, { input }, cookie),
      gql<{ messageSession: { recipients: number; repeated: boolean } }>(api.url, SEND, { input }, cookie),
    ]);
    expect([first.data!.messageSession, second.data!.messageSession].map((m) => [m.recipients, m.repeated]).sort()).toEqual([
      [2, false],
      [2, true],
    ]);
    const third = await gql<{ messageSession: { repeated: boolean } }>(api.url, SEND, { input }, cookie);
    expect(third.data!.messageSession.repeated).toBe(true);

    const sent = await em().find(OutboxMessage, { sessionId: session.id }, { orderBy: { toEmail: 'asc' } });
    expect(sent.map((m) => m.toEmail).sort()).toEqual([people[0]!.person.email, people[1]!.person.email].sort());
    expect(sent.every((m) => m.subject === 'Room change: Neglect' && m.kind === MailKind.SESSION_MESSAGE)).toBe(true);

    await api.app.get(MailDeliveryService).deliverDue();
    await smtp.waitFor(2);
    const mail = smtp.received.find((m) => m.envelopeTo.includes(people[0]!.person.email))!;
    expect(mail.parsed.text).toContain('We are in room 4 now.');
    expect(mail.parsed.text).toContain('Bring a pen.');
    // it is in the coordinator's mail log
    const log = await gql<{ mailLog: { toEmail: string; subject: string }[] }>(api.url, LOG, {}, cookie);
    expect(log.data!.mailLog.filter((i) => i.subject === 'Room change: Neglect')).toHaveLength(2);

    // a new key is a new message
    await gql(api.url, SEND, { input: { ...input, audience: 'WAITING_LIST', idempotencyKey: 'key-roster-0002' } }, cookie);
    expect(await em().count(OutboxMessage, { sessionId: session.id, toEmail: people[2]!.person.email })).toBe(1);
    expect(await em().count(OutboxMessage, { sessionId: session.id, toEmail: people[4]!.person.email })).toBe(0);
  });

  it('reaches those the register recorded as attended, and refuses an empty group or a blank message by their words', async () => {
    const { session, people, cookie } = await fixture();
    const e = em();
    const b = await e.findOneOrFail(Booking, people[0]!.booking.id, { populate: ['person'] });
    e.create(AttendanceOutcome, {
      booking: b,
      session: b.session,
      person: b.person,
      outcome: CourseOutcome.ATTENDED,
      minutesAttended: 180,
      minutesScheduled: 180,
      decidedAt: new Date(),
    });
    await e.flush();
    expect(
      (await gql<{ sessionMessageRecipients: number }>(api.url, COUNT, { sessionId: session.id, audience: 'ATTENDED' }, cookie)).data!
        .sessionMessageRecipients,
    ).toBe(1);

    const base = { sessionId: session.id, audience: 'OFFERED', subject: 'Hello', message: 'Hi', idempotencyKey: 'key-roster-0003' };
    const empty = await gql(api.url, SEND, { input: base }, cookie);
    expect(empty.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.audience', message: 'Nobody on this session is in that group: choose another' },
    ]);
    const blank = await gql(api.url, SEND, { input: { ...base, audience: 'CONFIRMED', message: '   ' } }, cookie);
    expect(blank.errors?.[0]?.extensions?.fields).toEqual([{ field: 'input.message', message: 'Enter a message' }]);
    expect(await em().count(OutboxMessage, { sessionId: session.id })).toBe(0);
  });
});
