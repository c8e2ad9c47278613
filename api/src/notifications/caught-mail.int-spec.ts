import { MikroORM } from '@mikro-orm/postgresql';
import { MailKind, Role, inviteUid, londonToUtc } from '@lh/domain';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aPerson } from '../../test/builders';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { MailDeliveryService } from './mail-delivery.service';
import { MailOutboxService } from './mail-outbox.service';
import { placeOffered } from './mail-templates';

const LIST = `{ caughtMail { id subject to date text invites { method uid sequence status summary location startsAt endsAt } } mailCatcherAvailable }`;
const ONE = `query($id: ID!) { caughtMailMessage(id: $id) { id subject from to messageId text invites { method startsAt } } }`;

describe('caught mail in development (real SMTP, mailparser)', () => {
  let smtp: TestSmtp;
  let api: TestApi;
  let coordinator: string;
  let practitioner: string;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lh-caught-'));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url, mailCatcherDir: dir, env: 'development' });
    const em = api.orm.em.fork();
    coordinator = await signInAs(api.url, await aPerson(em, { roles: [Role.COORDINATOR] }));
    practitioner = await signInAs(api.url, await aPerson(em, { roles: [Role.PRACTITIONER, Role.TRAINER] }));

    // Send one real mail with an invite and keep it the way the catcher does (an .eml file named by arrival time)
    const start = londonToUtc('2026-10-26', '09:30');
    const session = { courseTitle: 'Graded Care Profile 2', parts: [{ start, end: londonToUtc('2026-10-26', '16:00') }] };
    await api.app
      .get<MikroORM>(MikroORM)
      .em.fork()
      .transactional((em) =>
        api.app.get(MailOutboxService).enqueue(em, {
          kind: MailKind.PLACE_OFFERED,
          to: { email: 'sam.reed@example.org', name: 'Sam Reed' },
          ...placeOffered({
            partnershipName: 'Northshire Safeguarding Children Partnership',
            recipientName: 'Sam Reed',
            session: { ...session, place: { kind: 'online', joinUrl: 'https://meet.example.org/gcp2' } },
            deadline: londonToUtc('2026-10-20', '17:00'),
            links: { accept: 'http://localhost:5173/offers/1/accept', decline: 'http://localhost:5173/offers/1/decline' },
          }),
          invites: [
            {
              method: 'REQUEST',
              uid: inviteUid('b1', 'p1'),
              summary: session.courseTitle,
              description: 'Online',
              location: 'Online',
              ...session.parts[0]!,
            },
          ],
        }),
      );
    await api.app.get(MailDeliveryService).deliverDue();
    writeFileSync(path.join(dir, '2026-03-01T10-00-00-000Z-1.eml'), smtp.received[0]!.raw);
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  it('lists caught mail with its invite for coordinators', async () => {
    const res = await gql<{ caughtMail: Record<string, unknown>[]; mailCatcherAvailable: boolean }>(api.url, LIST, {}, coordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data!.mailCatcherAvailable).toBe(true);
    expect(res.data!.caughtMail).toEqual([
      expect.objectContaining({
        id: '2026-03-01T10-00-00-000Z-1.eml',
        subject: 'A place is available: Graded Care Profile 2',
        to: expect.stringContaining('sam.reed@example.org'),
        text: expect.stringContaining('Accept or decline it by 5pm on Tuesday 20 October 2026'),
        invites: [
          {
            method: 'REQUEST',
            uid: 'booking-b1-part-p1@learninghub',
            sequence: 0,
            status: 'CONFIRMED',
            summary: 'Graded Care Profile 2',
            location: 'Online',
            startsAt: '2026-10-26T09:30:00.000Z',
            endsAt: '2026-10-26T16:00:00.000Z',
          },
        ],
      }),
    ]);
  });

  it('opens one caught mail, and only files in the catcher folder', async () => {
    const res = await gql<{ caughtMailMessage: { text: string; messageId: string } }>(
      api.url,
      ONE,
      { id: '2026-03-01T10-00-00-000Z-1.eml' },
      coordinator,
    );
    expect(res.data?.caughtMailMessage.text).toContain('Accept the place:\nhttp://localhost:5173/offers/1/accept');
    expect(res.data?.caughtMailMessage.messageId).toBe(smtp.received[0]!.parsed.messageId);
    for (const id of ['../../etc/passwd', 'missing.eml']) {
      expect((await gql(api.url, ONE, { id }, coordinator)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('refuses anyone who is not a coordinator', async () => {
    expect((await gql(api.url, LIST, {}, practitioner)).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect((await gql(api.url, LIST, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does not exist in production', async () => {
    const prod = await startTestApi({ mailCatcherDir: dir, env: 'production', smtpUrl: smtp.url });
    try {
      const cookie = await signInAs(prod.url, await aPerson(prod.orm.em.fork(), { roles: [Role.COORDINATOR] }));
      const res = await gql<{ mailCatcherAvailable: boolean }>(prod.url, `{ mailCatcherAvailable }`, {}, cookie);
      expect(res.data?.mailCatcherAvailable).toBe(false);
      expect((await gql(prod.url, `{ caughtMail { id } }`, {}, cookie)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      await prod.close();
    }
  });
});
