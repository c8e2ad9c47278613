import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';
import { MailKind, MailStatus } from '@lh/domain';
import { createApp } from '../bootstrap';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';
import { createTestDatabase, testConfig } from '../../test/test-db';
import { MailOutboxService, type OutgoingMail } from './mail-outbox.service';
import { OutboxMessage } from './outbox-message.entity';

const mail = (email: string): OutgoingMail => ({
  kind: MailKind.JOINING_INSTRUCTIONS,
  to: { email, name: 'Sam Reed' },
  subject: 'Joining instructions',
  text: 'Room 4, bring your badge.',
  html: '<!DOCTYPE html><html lang="en-GB"><body><h1>Joining instructions</h1><p>Room 4, bring your badge.</p></body></html>',
});

describe('mail worker (pg-boss on the real PostgreSQL, real SMTP server)', () => {
  let smtp: TestSmtp;
  let databaseUrl: string;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await app?.close();
    await smtp.stop();
  });

  const start = async (jobsEnabled: boolean) => {
    const a = await createApp(testConfig(databaseUrl, { smtpUrl: smtp.url, jobsEnabled }), { logger: false });
    await a.init();
    return a;
  };
  const queue = (a: INestApplication, m: OutgoingMail, sendAfter?: Date) =>
    a
      .get<MikroORM>(MikroORM)
      .em.fork()
      .transactional((em: EntityManager) => a.get(MailOutboxService).enqueue(em, { ...m, sendAfter }));

  it('delivers after a restart what was queued, and what fell due, while no worker ran', async () => {
    const stopped = await start(false);
    const now = await queue(stopped, mail('queued-before-restart@example.org'));
    const timed = await queue(stopped, mail('timed-before-restart@example.org'), new Date(Date.now() + 1000));
    await stopped.close();
    await new Promise((r) => setTimeout(r, 1200));

    app = await start(true);
    await smtp.waitFor(2);
    expect(smtp.received.map((m) => m.parsed.messageId).sort()).toEqual([now.messageId, timed.messageId].sort());
  }, 30_000);

  it('sends within seconds of the commit, and nothing for a transaction that rolled back', async () => {
    const running = app!;
    const before = smtp.received.length;
    await expect(
      running
        .get<MikroORM>(MikroORM)
        .em.fork()
        .transactional(async (em: EntityManager) => {
          await running.get(MailOutboxService).enqueue(em, mail('rolled-back@example.org'));
          throw new Error('no booking after all');
        }),
    ).rejects.toThrow('no booking after all');
    const committed = await queue(running, mail('committed@example.org'));

    await smtp.waitFor(before + 1, 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.slice(before).map((m) => m.envelopeTo)).toEqual([['committed@example.org']]);
    const row = await running.get<MikroORM>(MikroORM).em.fork().findOneOrFail(OutboxMessage, committed.id);
    expect(row.status).toBe(MailStatus.SENT);
  }, 30_000);
});
