import { randomUUID } from 'node:crypto';
import { BookingStatus, MailKind, PersonStatus, Role } from '@lh/domain';
import { aPerson } from '../../test/builders';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { BookingEvent } from '../booking/booking-event.entity';
import { Clock } from '../common/clock';
import { MailDeliveryService } from '../notifications/mail-delivery.service';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Person } from '../people/person.entity';
import { AttendanceEvent } from './attendance-event.entity';
import { CANDIDATES, aBooked, aTrainedSession, addWalkIn, atPartStart, errorOf, type TrainedSession } from './walk-in-test-support';

const SET_PASSWORD = `mutation($input: SetPasswordWithLinkInput!) { setPasswordWithLink(input: $input) { id } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;
const PASSWORD = 'correct horse battery staple';

/** Walk-ins: trainers adding people at the door, over the real API on a real PostgreSQL, with real SMTP. */
describe('walk-ins (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url, webOrigin: 'https://learninghub.example.org', sessionTtlHours: 24 * 30 });
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });
  afterEach(() => api.app.get(Clock).fixAt(null));

  const em = () => api.orm.em.fork();
  /** Everything a walk-in writes, to check that a refusal wrote nothing. */
  async function footprint(t: TrainedSession) {
    const e = em();
    return {
      bookings: await e.count(Booking, { session: t.session.id }),
      events: await e.count(BookingEvent, { booking: { session: t.session.id } }),
      marks: await e.count(AttendanceEvent, { part: t.part.id }),
      people: await e.count(Person, {}),
      mail: await e.count(OutboxMessage, {}),
    };
  }

  it('adds someone with an account: a confirmed walk-in place under their agency, marked present, even when the session is full', async () => {
    const t = await aTrainedSession(api, { capacity: 1 });
    await aBooked(api, t.session);
    const jane = await aPerson(em(), { name: 'Jane Smith', email: 'jane.smith@nhs.example', agency: t.agency });
    await aPerson(em(), { name: 'Jane Smithson', email: 'jane.smithson@school.example', status: PersonStatus.DEACTIVATED });
    atPartStart(api, t.part, -10);

    const found = await gql<{ walkInCandidates: unknown[] }>(
      api.url,
      CANDIDATES,
      { partId: t.part.id, query: 'jane smi' },
      t.trainerCookie,
    );
    expect(found.data!.walkInCandidates).toEqual([
      { personId: jane.id, name: 'Jane Smith', maskedEmail: 'ja…th@nhs.example', agencyName: t.agency.name, bookingStatus: null },
    ]);
    const short = await gql(api.url, CANDIDATES, { partId: t.part.id, query: 'j' }, t.trainerCookie);
    expect(short.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'query', message: 'Enter at least 2 letters of their name or email address' },
    ]);

    const added = await addWalkIn(api, t.trainerCookie, { clientId: randomUUID(), partId: t.part.id, personId: jane.id });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addWalkIn).toEqual({
      replayed: false,
      newAccount: false,
      entry: expect.objectContaining({ personId: jane.id, walkIn: true, mark: 'PRESENT', source: 'TRAINER', markedByName: 'Morgan Ellis' }),
    });
    const booking = await em().findOneOrFail(Booking, added.data!.addWalkIn.entry.bookingId, { populate: ['events'] });
    expect([booking.status, booking.walkIn, booking.agency?.id]).toEqual([BookingStatus.CONFIRMED, true, t.agency.id]);
    expect(booking.events.getItems().map((e) => [e.action, e.fromStatus, e.toStatus, e.actor?.id])).toEqual([
      ['walked-in', null, BookingStatus.CONFIRMED, t.trainer.id],
    ]);
    // in the room: no confirmation or invite for a session under way
    expect(await em().count(OutboxMessage, { bookingId: booking.id })).toBe(0);
    expect(await em().count(Booking, { session: t.session.id, status: BookingStatus.CONFIRMED })).toBe(2);

    const again = await gql<{ walkInCandidates: { bookingStatus: string }[] }>(
      api.url,
      CANDIDATES,
      { partId: t.part.id, query: 'JANE.SMITH@' },
      t.trainerCookie,
    );
    expect(again.data!.walkInCandidates.map((c) => c.bookingStatus)).toEqual(['CONFIRMED']);
  });

  it('confirms the place of someone waiting, offered a place or awaiting approval, with the change in the booking history', async () => {
    const t = await aTrainedSession(api);
    const waiting = await aBooked(api, t.session, { name: 'Wendy Wait', status: BookingStatus.WAITLISTED });
    const offered = await aBooked(api, t.session, { name: 'Olu Offer', status: BookingStatus.OFFERED });
    const approval = await aBooked(api, t.session, { name: 'Abi Approve', status: BookingStatus.PENDING_APPROVAL });
    atPartStart(api, t.part, 5);
    for (const { person, booking } of [waiting, offered, approval]) {
      const res = await addWalkIn(api, t.trainerCookie, { clientId: randomUUID(), partId: t.part.id, personId: person.id });
      expect(res.data!.addWalkIn.entry.bookingId).toBe(booking.id);
      const after = await em().findOneOrFail(Booking, booking.id, { populate: ['events'] });
      expect([after.status, after.walkIn, after.offerExpiresAt ?? null]).toEqual([BookingStatus.CONFIRMED, true, null]);
      expect(after.events.getItems().map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
        ['walked-in', booking.status, BookingStatus.CONFIRMED],
      ]);
    }
  });

  it('adds someone new: a provisional account, a mail with the link to claim it; claiming makes it active', async () => {
    const t = await aTrainedSession(api, { title: 'Professional Curiosity' });
    atPartStart(api, t.part, -5);
    const clientId = randomUUID();
    const input = { clientId, partId: t.part.id, name: ' Ama Mensah ', email: 'Ama.Mensah@Northshire.example', agencyId: t.agency.id };
    const added = await addWalkIn(api, t.trainerCookie, input);
    expect(added.errors).toBeUndefined();
    expect(added.data!.addWalkIn).toMatchObject({
      replayed: false,
      newAccount: true,
      entry: { name: 'Ama Mensah', walkIn: true, mark: 'PRESENT' },
    });
    const ama = await em().findOneOrFail(Person, { email: 'ama.mensah@northshire.example' }, { populate: ['agency', 'passwordHash'] });
    expect([ama.status, ama.agency?.id, ama.passwordHash ?? null, ama.emailVerifiedAt ?? null, ama.roles]).toEqual([
      PersonStatus.PROVISIONAL,
      t.agency.id,
      null,
      null,
      [Role.PRACTITIONER],
    ]);

    // the same form sent again (a retry from a phone) adds nobody twice and sends no second mail
    const replay = await addWalkIn(api, t.trainerCookie, input);
    expect(replay.data!.addWalkIn).toMatchObject({ replayed: true, entry: { personId: ama.id } });
    expect(await em().count(Person, { email: 'ama.mensah@northshire.example' })).toBe(1);
    expect(await em().count(Booking, { person: ama.id })).toBe(1);
    expect(await em().count(AttendanceEvent, { booking: { person: ama.id } })).toBe(1);
    const mails = await em().find(OutboxMessage, { toEmail: ama.email });
    expect(mails.map((m) => m.kind)).toEqual([MailKind.WALK_IN_ADDED]);

    // before claiming it cannot sign in with a password (it has none)
    expect(errorOf(await gql(api.url, SIGN_IN, { input: { email: ama.email, password: PASSWORD } })).code).toBe('INVALID_CREDENTIALS');

    await api.app.get(MailDeliveryService).deliverDue();
    await smtp.waitFor(1);
    const mail = smtp.received.find((m) => m.envelopeTo.includes(ama.email))!;
    expect(mail.parsed.subject).toBe('You were added to Professional Curiosity: claim your Learning Hub account');
    expect(mail.parsed.text).toContain('Morgan Ellis added you to this session at the door and marked you as there');
    expect(mail.parsed.text).toContain(`You will sign in with this email address: ${ama.email}`);
    const token = /https:\/\/learninghub\.example\.org\/account\/set-password\/([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')?.[1];
    expect(token).toBeDefined();

    const claimed = await gql(api.url, SET_PASSWORD, { input: { token, password: PASSWORD } });
    expect(claimed.errors).toBeUndefined();
    const after = await em().findOneOrFail(Person, ama.id);
    expect(after.status).toBe(PersonStatus.ACTIVE);
    expect(after.emailVerifiedAt).not.toBeNull();
    expect(errorOf(await gql(api.url, SIGN_IN, { input: { email: ama.email, password: PASSWORD } })).code).toBeUndefined();
  });

  it('refuses someone already on the register, naming them, and changes nothing', async () => {
    const t = await aTrainedSession(api);
    const { person } = await aBooked(api, t.session, { name: 'Jane Smith' });
    atPartStart(api, t.part);
    const before = await footprint(t);
    const res = await addWalkIn(api, t.trainerCookie, { clientId: randomUUID(), partId: t.part.id, personId: person.id });
    expect(errorOf(res)).toEqual({ code: 'ALREADY_BOOKED', message: 'Jane Smith is already on the register.' });
    expect(await footprint(t)).toEqual(before);

    // a walk-in added once, added again from another device: the same refusal
    const other = await aPerson(em(), { name: 'Kofi Boateng' });
    expect(
      (await addWalkIn(api, t.trainerCookie, { clientId: randomUUID(), partId: t.part.id, personId: other.id })).errors,
    ).toBeUndefined();
    const twice = await footprint(t);
    expect(errorOf(await addWalkIn(api, t.trainerCookie, { clientId: randomUUID(), partId: t.part.id, personId: other.id }))).toEqual({
      code: 'ALREADY_BOOKED',
      message: 'Kofi Boateng is already on the register.',
    });
    expect(await footprint(t)).toEqual(twice);
  });

  it('refuses a new person whose address has an account, and every other problem at once, changing nothing', async () => {
    const t = await aTrainedSession(api);
    const existing = await aPerson(em(), { email: 'sam.okafor@nhs.example' });
    atPartStart(api, t.part);
    const before = await footprint(t);
    const taken = await addWalkIn(api, t.trainerCookie, {
      clientId: randomUUID(),
      partId: t.part.id,
      name: 'Sam',
      email: existing.email.toUpperCase(),
      agencyId: t.agency.id,
    });
    expect(taken.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.email', message: 'There is already an account for that email address: search for it' },
    ]);
    const bad = await addWalkIn(api, t.trainerCookie, {
      clientId: randomUUID(),
      partId: t.part.id,
      name: '  ',
      email: 'office@school.example',
      agencyId: randomUUID(),
    });
    expect(bad.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.name', message: 'Enter their full name' },
      {
        field: 'input.email',
        message: 'Enter their own email address, not a shared mailbox like office@: each account belongs to one person',
      },
      { field: 'input.agencyId', message: 'Choose their agency from the list' },
    ]);
    const format = await addWalkIn(api, t.trainerCookie, {
      clientId: randomUUID(),
      partId: t.part.id,
      name: 'Sam',
      email: 'sam@',
      agencyId: t.agency.id,
    });
    expect(format.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.email', message: 'Enter their email address in the correct format, like name@example.org' },
    ]);
    expect(await footprint(t)).toEqual(before);
  });

  it('refuses trainers who are not on the session, and walk-ins before the register opens', async () => {
    const t = await aTrainedSession(api);
    const person = await aPerson(em());
    const otherTrainer = await signInAs(api.url, await aPerson(em(), { roles: [Role.TRAINER] }));
    atPartStart(api, t.part);
    const before = await footprint(t);
    const stranger = await addWalkIn(api, otherTrainer, { clientId: randomUUID(), partId: t.part.id, personId: person.id });
    expect(errorOf(stranger).code).toBe('NOT_ALLOWED');
    expect(errorOf(await gql(api.url, CANDIDATES, { partId: t.part.id, query: 'pe' }, otherTrainer)).code).toBe('NOT_ALLOWED');

    atPartStart(api, t.part, -16);
    const early = await addWalkIn(api, t.trainerCookie, { clientId: randomUUID(), partId: t.part.id, personId: person.id });
    expect(errorOf(early).code).toBe('REGISTER_NOT_OPEN');
    expect(await footprint(t)).toEqual(before);
  });

  it('uses a client id once: sent again for someone else it is refused', async () => {
    const t = await aTrainedSession(api);
    const [a, b] = [await aPerson(em()), await aPerson(em())];
    atPartStart(api, t.part);
    const clientId = randomUUID();
    expect((await addWalkIn(api, t.trainerCookie, { clientId, partId: t.part.id, personId: a.id })).errors).toBeUndefined();
    const before = await footprint(t);
    expect(errorOf(await addWalkIn(api, t.trainerCookie, { clientId, partId: t.part.id, personId: b.id })).code).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
    expect(await footprint(t)).toEqual(before);
  });
});
