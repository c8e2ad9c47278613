import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { InviteMethod, MailKind, MailStatus, Role, inviteUid, londonToUtc } from '@lh/domain';
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { aPerson } from '../../test/builders';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../test/smtp-server';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { MailDeliveryService } from './mail-delivery.service';
import { MailOutboxService, type OutgoingMail } from './mail-outbox.service';
import { bookingConfirmed, bookingCancelled, sessionChanged, type SessionDetails } from './mail-templates';
import { OutboxMessage } from './outbox-message.entity';
import { sessionInvites } from './session-invites';

const REJECTED = 'no-such-person@reject.example';

/** Everything about the invite in a received mail, read with ical.js (TZIDs resolved by the mail's own VTIMEZONE). */
function inviteIn(mail: ReceivedMail) {
  const part = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) {
    throw new Error(`no text/calendar part in "${mail.parsed.subject}"`);
  }
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  }
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    location: event.location,
  };
}

const messageIdOf = (m: ReceivedMail) => m.parsed.messageId;

describe('mail outbox and delivery (real SMTP server, real PostgreSQL)', () => {
  let smtp: TestSmtp;
  let api: TestApi;
  let orm: MikroORM;
  let outbox: MailOutboxService;
  let delivery: MailDeliveryService;

  beforeAll(async () => {
    smtp = await startTestSmtp({ rejectRecipient: (a) => (a === REJECTED ? 'No such user here' : null) });
    // Jobs are off (NODE_ENV=test): the tests run delivery passes themselves. Failed mail is due again at once.
    api = await startTestApi({
      smtpUrl: smtp.url,
      mailRetrySeconds: 0,
      mailMaxAttempts: 3,
      partnershipName: 'Northshire Safeguarding Children Partnership',
    });
    orm = api.app.get(MikroORM);
    outbox = api.app.get(MailOutboxService);
    delivery = api.app.get(MailDeliveryService);
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  const session = (start: string, day = '2026-03-29'): SessionDetails => ({
    courseTitle: 'DASH risk checklist',
    parts: [{ start: londonToUtc(day, start), end: londonToUtc(day, '12:30') }],
    place: { kind: 'venue', name: 'Northshire College', address: '1 High Street, Northshire NS1 1AA' },
  });

  /** A booking-confirmed mail with its invite for one person on a one-part session. */
  function confirmation(o: { email: string; bookingId: string; partId: string; day?: string }): OutgoingMail {
    const s = session('09:30', o.day);
    const [invite] = sessionInvites({
      method: 'REQUEST',
      bookingId: o.bookingId,
      session: { ...s, parts: [{ id: o.partId, ...s.parts[0]! }] },
      bookingUrl: `http://localhost:5173/bookings/${o.bookingId}`,
    });
    return {
      kind: MailKind.BOOKING_CONFIRMED,
      to: { email: o.email, name: 'Asha Patel' },
      ...bookingConfirmed({
        partnershipName: 'Northshire Safeguarding Children Partnership',
        recipientName: 'Asha Patel',
        session: s,
        links: { booking: `http://localhost:5173/bookings/${o.bookingId}` },
      }),
      invites: [invite],
      bookingId: o.bookingId,
      sessionId: randomUUID(),
      personId: randomUUID(),
    };
  }

  const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => orm.em.fork().transactional(work);
  const rowsFor = (where: object) => orm.em.fork().find(OutboxMessage, where, { orderBy: { createdAt: 'asc' }, populate: ['invites'] });

  it('queues a mail in the caller’s transaction and delivers text, accessible HTML and a REQUEST invite', async () => {
    const before = smtp.received.length;
    const bookingId = randomUUID();
    const partId = randomUUID();
    const queued = await inTransaction((em) => outbox.enqueue(em, confirmation({ email: 'Asha.Patel@Example.org', bookingId, partId })));
    expect(smtp.received.length).toBe(before); // nothing is sent inside the transaction

    expect(await delivery.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const mail = smtp.received.at(-1)!;
    expect(smtp.received.length).toBe(before + 1);
    expect(mail.envelopeTo).toEqual(['asha.patel@example.org']);
    expect(messageIdOf(mail)).toBe(queued.messageId);
    expect(mail.parsed.subject).toBe('Booking confirmed: DASH risk checklist');
    expect(mail.parsed.from?.text).toContain('Northshire Safeguarding Children Partnership');
    expect(mail.parsed.text).toContain('Sunday 29 March 2026, 9:30am to 12:30pm');
    expect(mail.parsed.text).toContain('What to do next');
    expect(mail.parsed.html).toContain('<html lang="en-GB">');
    expect(mail.parsed.html).toContain(`<a href="http://localhost:5173/bookings/${bookingId}"`);

    // the invite is a text/calendar alternative with its method and an .ics attachment, each once
    const raw = mail.raw.toString('utf8');
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(raw.match(/filename=("?)invite\.ics\1/g)).toHaveLength(1);
    // 29 March 2026 is the day the clocks go forward: 9:30am BST is 08:30Z
    expect(inviteIn(mail)).toEqual({
      method: 'REQUEST',
      uid: inviteUid(bookingId, partId),
      sequence: 0,
      status: 'CONFIRMED',
      tzid: 'Europe/London',
      start: '2026-03-29T08:30:00.000Z',
      end: '2026-03-29T11:30:00.000Z',
      location: 'Northshire College, 1 High Street, Northshire NS1 1AA',
    });

    const [row] = await rowsFor({ id: queued.id });
    expect(row).toMatchObject({ status: MailStatus.SENT, attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it('sends nothing for a change that rolled back', async () => {
    const before = smtp.received.length;
    const bookingId = randomUUID();
    await expect(
      inTransaction(async (em) => {
        await outbox.enqueue(em, confirmation({ email: 'rolled.back@example.org', bookingId, partId: randomUUID() }));
        throw new Error('the booking failed');
      }),
    ).rejects.toThrow('the booking failed');
    expect(await rowsFor({ bookingId })).toEqual([]);
    expect(await delivery.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received.length).toBe(before);
  });

  it('delivers a person’s mails of one change in the order they were queued, however fast', async () => {
    const before = smtp.received.length;
    const email = `order-${randomUUID()}@example.org`;
    const bookingIds = Array.from({ length: 20 }, () => randomUUID());
    // queued within the same millisecond or two, in one transaction (as a change writes its mails in one flush)
    await inTransaction(async (em) => {
      for (const [i, bookingId] of bookingIds.entries()) {
        // without invites, so nothing slows the loop down to a millisecond a mail
        await outbox.enqueue(em, { ...confirmation({ email, bookingId, partId: randomUUID() }), invites: [], subject: `Mail ${i}` });
      }
    });
    const rows = await rowsFor({ toEmail: email });
    expect(new Set(rows.map((r) => r.createdAt.getTime())).size).toBe(bookingIds.length);
    while ((await delivery.deliverDue()).sent > 0) {
      // until nothing more is due
    }
    const received = smtp.received.slice(before).filter((m) => m.envelopeTo.includes(email));
    expect(received.map((m) => messageIdOf(m))).toEqual(bookingIds.map((id) => rows.find((r) => r.bookingId === id)!.messageId));
  });

  it('refuses to queue outside a transaction', async () => {
    await expect(
      outbox.enqueue(orm.em.fork(), confirmation({ email: 'x@example.org', bookingId: randomUUID(), partId: randomUUID() })),
    ).rejects.toThrow(/needs the transaction/);
  });

  it('updates with the same UID and a higher SEQUENCE, then cancels with METHOD:CANCEL, over the October clock change', async () => {
    const before = smtp.received.length;
    const bookingId = randomUUID();
    const partId = randomUUID();
    const uid = inviteUid(bookingId, partId);
    const to = { email: 'moved@example.org', name: 'Moved Person' };
    const partnershipName = 'Northshire Safeguarding Children Partnership';
    const draft = (method: 'REQUEST' | 'CANCEL', day: string) => {
      const s = session('09:30', day);
      return {
        session: s,
        invite: sessionInvites({
          method,
          bookingId,
          session: { ...s, parts: [{ id: partId, ...s.parts[0]! }] },
          bookingUrl: 'http://x/b',
        })[0]!,
      };
    };

    await inTransaction(async (em) => {
      const first = draft('REQUEST', '2026-10-24');
      await outbox.enqueue(em, {
        kind: MailKind.BOOKING_CONFIRMED,
        to,
        ...bookingConfirmed({ partnershipName, recipientName: to.name, session: first.session, links: { booking: 'http://x/b' } }),
        invites: [first.invite],
        bookingId,
      });
    });
    await inTransaction(async (em) => {
      const moved = draft('REQUEST', '2026-10-26');
      await outbox.enqueue(em, {
        kind: MailKind.SESSION_CHANGED,
        to,
        ...sessionChanged({
          partnershipName,
          recipientName: to.name,
          session: moved.session,
          changes: ['The date is now Monday 26 October 2026'],
          confirmed: true,
          links: { booking: 'http://x/b' },
        }),
        invites: [moved.invite],
        bookingId,
      });
    });
    await inTransaction(async (em) => {
      const cancelled = draft('CANCEL', '2026-10-26');
      await outbox.enqueue(em, {
        kind: MailKind.BOOKING_CANCELLED,
        to,
        ...bookingCancelled({
          partnershipName,
          recipientName: to.name,
          session: cancelled.session,
          from: 'CONFIRMED',
          cancelledByYou: true,
          links: { course: 'http://x/c' },
        }),
        invites: [cancelled.invite],
        bookingId,
      });
    });

    expect(await delivery.deliverDue()).toEqual({ sent: 3, retrying: 0, failed: 0 });
    const invites = smtp.received.slice(before).map(inviteIn);
    expect(invites.map((i) => [i.method, i.uid, i.sequence, i.status])).toEqual([
      ['REQUEST', uid, 0, 'CONFIRMED'],
      ['REQUEST', uid, 1, 'CONFIRMED'],
      ['CANCEL', uid, 2, 'CANCELLED'],
    ]);
    // Saturday 24 October 2026 is still BST (08:30Z); Monday 26 October is GMT again (09:30Z)
    expect(invites.map((i) => i.start)).toEqual(['2026-10-24T08:30:00.000Z', '2026-10-26T09:30:00.000Z', '2026-10-26T09:30:00.000Z']);
    expect(smtp.received.at(-1)!.raw.toString('utf8')).toMatch(/text\/calendar; charset=utf-8; method=CANCEL/i);
    expect((await rowsFor({ bookingId })).flatMap((r) => r.invites.getItems().map((i) => [i.method, i.sequence]))).toEqual([
      [InviteMethod.REQUEST, 0],
      [InviteMethod.REQUEST, 1],
      [InviteMethod.CANCEL, 2],
    ]);
  });

  it('keeps mail while the SMTP server is down and delivers each exactly once, in order per person, when it is back', async () => {
    const before = smtp.received.length;
    await smtp.stop();
    const queued: OutboxMessage[] = [];
    // two people, two mails each, written alternately
    for (let i = 0; i < 4; i++) {
      queued.push(
        await inTransaction((em) =>
          outbox.enqueue(em, confirmation({ email: `outage-${i % 2}@example.org`, bookingId: randomUUID(), partId: randomUUID() })),
        ),
      );
    }
    expect(await delivery.deliverDue()).toEqual({ sent: 0, retrying: 2, failed: 0 }); // each person's second mail waits for the first
    const waiting = await rowsFor({ id: { $in: queued.map((q) => q.id) } });
    expect(waiting.map((r) => [r.status, r.attempts])).toEqual(queued.map((_, i) => [MailStatus.PENDING, i < 2 ? 1 : 0]));
    expect(waiting[0]!.lastError).toMatch(/ECONNREFUSED/);

    await smtp.start();
    // two workers at once: each row is locked by the one sending it and skipped by the other
    const passes = await Promise.all([delivery.deliverDue(), delivery.deliverDue()]);
    expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(4);
    expect(await delivery.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const arrived = smtp.received.slice(before).map(messageIdOf);
    expect([...arrived].sort()).toEqual(queued.map((q) => q.messageId).sort());
    for (const person of [0, 1]) {
      const theirs = queued.filter((q) => q.toEmail === `outage-${person}@example.org`).map((q) => q.messageId);
      expect(arrived.filter((id) => theirs.includes(id ?? ''))).toEqual(theirs);
    }
    const sent = await rowsFor({ id: { $in: queued.map((q) => q.id) } });
    expect(sent.map((r) => [r.status, r.attempts])).toEqual(queued.map((_, i) => [MailStatus.SENT, i < 2 ? 2 : 1]));
  });

  it('holds a timed mail until its time', async () => {
    const before = smtp.received.length;
    const bookingId = randomUUID();
    await inTransaction((em) =>
      outbox.scheduleMail(em, confirmation({ email: 'later@example.org', bookingId, partId: randomUUID() }), new Date(Date.now() + 1500)),
    );
    expect(await delivery.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await new Promise((r) => setTimeout(r, 1600));
    expect(await delivery.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.length).toBe(before + 1);
  });

  it('sends a sign-in link before a batch queued earlier, and every mail of the batch once, with senders side by side', async () => {
    const before = smtp.received.length;
    const batch = Array.from({ length: 12 }, (_, i) => ({
      ...confirmation({ email: `attendee.${i}@example.org`, bookingId: randomUUID(), partId: randomUUID() }),
      kind: MailKind.CERTIFICATE_ISSUED,
    }));
    await inTransaction(async (em) => {
      for (const m of batch) {
        await outbox.enqueue(em, m);
      }
    });
    const link = await inTransaction((em) =>
      outbox.enqueue(em, {
        kind: MailKind.SIGN_IN_LINK,
        to: { email: 'waiting.now@example.org', name: 'Nia Roberts' },
        subject: 'Your link to sign in',
        text: 'Use this link within 15 minutes.',
        html: '<p>Use this link within 15 minutes.</p>',
      }),
    );
    expect(await delivery.deliverDue(1)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.slice(before).map(messageIdOf)).toEqual([link.messageId]);

    expect(await delivery.deliverDue()).toEqual({ sent: 12, retrying: 0, failed: 0 });
    const batchTo = smtp.received.slice(before + 1).map((m) => m.envelopeTo[0]);
    expect(batchTo.sort()).toEqual(batch.map((m) => m.to.email).sort());
  });

  it('withdraws pending mail of a cancelled booking', async () => {
    const bookingId = randomUUID();
    const later = new Date(Date.now() + 7 * 86_400_000);
    await inTransaction(async (em) => {
      await outbox.scheduleMail(
        em,
        { ...confirmation({ email: 'r@example.org', bookingId, partId: randomUUID() }), kind: MailKind.REMINDER },
        later,
      );
    });
    expect(await inTransaction((em) => outbox.cancelPending(em, { bookingId }, [MailKind.REMINDER]))).toBe(1);
    expect((await rowsFor({ bookingId })).map((r) => r.status)).toEqual([MailStatus.CANCELLED]);
  });

  describe('an address the SMTP server rejects', () => {
    let coordinator: string;
    let practitioner: string;
    let failedId: string;
    const personId = randomUUID();
    const sessionId = randomUUID();

    beforeAll(async () => {
      const em = api.orm.em.fork();
      coordinator = await signInAs(api.url, await aPerson(em, { roles: [Role.COORDINATOR] }));
      practitioner = await signInAs(api.url, await aPerson(em, { roles: [Role.PRACTITIONER] }));
    });

    const LOG = `query($filter: MailLogFilterInput) { mailLog(filter: $filter) { id kind status toEmail attempts lastError sentAt personId sessionId inviteMethod inviteSequence } }`;
    type Log = { mailLog: { id: string; status: string; toEmail: string; attempts: number; lastError: string | null }[] };

    it('is retried within the limit, then marked failed with the reason, while other mail goes out', async () => {
      const before = smtp.received.length;
      const bad = await inTransaction((em) =>
        outbox.enqueue(em, { ...confirmation({ email: REJECTED, bookingId: randomUUID(), partId: randomUUID() }), personId, sessionId }),
      );
      const good = await inTransaction((em) =>
        outbox.enqueue(em, { ...confirmation({ email: 'fine@example.org', bookingId: randomUUID(), partId: randomUUID() }), sessionId }),
      );
      failedId = bad.id;

      expect(await delivery.deliverDue()).toEqual({ sent: 1, retrying: 1, failed: 0 });
      expect(await delivery.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(await delivery.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
      expect(await delivery.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 }); // given up: no fourth attempt

      expect(smtp.received.slice(before).map(messageIdOf)).toEqual([good.messageId]);
      const [row] = await rowsFor({ id: bad.id });
      expect(row).toMatchObject({ status: MailStatus.FAILED, attempts: 3 });
      expect(row!.lastError).toMatch(/550.*No such user here/);
    });

    it('shows coordinators the delivery state per person and per session', async () => {
      const byPerson = await gql<Log>(api.url, LOG, { filter: { personId } }, coordinator);
      expect(byPerson.errors).toBeUndefined();
      expect(byPerson.data!.mailLog).toEqual([
        expect.objectContaining({
          id: failedId,
          status: 'FAILED',
          toEmail: REJECTED,
          attempts: 3,
          lastError: expect.stringMatching(/No such user here/),
        }),
      ]);
      const bySession = await gql<Log>(api.url, LOG, { filter: { sessionId } }, coordinator);
      expect(bySession.data!.mailLog.map((m) => [m.toEmail, m.status]).sort()).toEqual([
        ['fine@example.org', 'SENT'],
        [REJECTED, 'FAILED'],
      ]);
      const failed = await gql<Log>(api.url, LOG, { filter: { sessionId, status: 'FAILED' } }, coordinator);
      expect(failed.data!.mailLog.map((m) => m.id)).toEqual([failedId]);
      const byEmail = await gql<Log>(api.url, LOG, { filter: { email: ' FINE@example.org ' } }, coordinator);
      expect(byEmail.data!.mailLog.map((m) => m.toEmail)).toEqual(['fine@example.org']);
    });

    it('names a malformed filter', async () => {
      const res = await gql(api.url, LOG, { filter: { sessionId: 'session-7' } }, coordinator);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fields).toEqual([{ field: 'filter.sessionId', message: expect.stringMatching(/session id/) }]);
    });

    it('refuses the log to practitioners and anonymous callers', async () => {
      expect((await gql(api.url, LOG, {}, practitioner)).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
      expect((await gql(api.url, LOG, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const retry = await gql(api.url, `mutation($id: ID!) { retryMail(id: $id) { id } }`, { id: failedId }, practitioner);
      expect(retry.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    });

    it('lets a coordinator try a failed mail again', async () => {
      const RETRY = `mutation($id: ID!) { retryMail(id: $id) { id status attempts } }`;
      const res = await gql<{ retryMail: { status: string; attempts: number } }>(api.url, RETRY, { id: failedId }, coordinator);
      expect(res.data?.retryMail).toEqual({ id: failedId, status: 'PENDING', attempts: 0 });
      const again = await gql(api.url, RETRY, { id: failedId }, coordinator);
      expect(again.errors?.[0]?.message).toBe('Only a mail that failed can be sent again.');
      expect(await delivery.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    });
  });
});
