import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { MailStatus, nextRetryAt, plural } from '@lh/domain';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { JobsService } from '../jobs/jobs.service';
import { OutboxMessage, type OutboxInvite } from './outbox-message.entity';
import { OutboxKickSubscriber } from './outbox-kick.subscriber';

/** The pg-boss queue whose jobs run a delivery pass. */
export const MAIL_QUEUE = 'mail-delivery';

export interface DeliveryPass {
  sent: number;
  /** Failed this time and will be tried again later. */
  retrying: number;
  /** Failed for the last time: marked FAILED. */
  failed: number;
}

type Transport = ReturnType<typeof createTransport>;

/** One reused SMTP connection (nodemailer's pool of one, up to 100 mails, then a fresh one). */
const connectionTo = (url: string): Transport =>
  createTransport({
    url,
    pool: true,
    maxConnections: 1,
    maxMessages: 100,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });

/**
 * The next mail to send, locked for this transaction: due, not tried in this pass, most urgent
 * first, then in the order it fell due. A mail waits while an earlier one to the same address (of the
 * same or greater urgency) is still waiting or being sent by another sender, so one person's mails
 * arrive in the order they were written (a change before its cancellation). Earlier means it fell due
 * earlier (`due_at`, which retries never move), so a mail waiting for its retry after an SMTP failure
 * holds back the ones after it.
 */
const NEXT_DUE = `
  select m.id from outbox_message m
  where m.status = 'PENDING' and m.next_attempt_at <= ? and m.id <> all(?::uuid[])
    and not exists (
      select 1 from outbox_message e
      where e.to_email = m.to_email and e.status = 'PENDING' and e.id <> m.id and e.priority <= m.priority
        and (e.due_at, e.created_at) < (m.due_at, m.created_at))
  order by m.priority, m.next_attempt_at, m.created_at
  limit 1
  for update of m skip locked`;

/** The SMTP server's answer (e.g. "550 5.1.1 No such user"), or the connection problem. */
function reasonOf(e: unknown): string {
  const err = e as { response?: unknown; message?: unknown; code?: unknown };
  const reason = typeof err.response === 'string' ? err.response : typeof err.message === 'string' ? err.message : String(e);
  return (typeof err.code === 'string' && !reason.includes(err.code) ? `${err.code}: ${reason}` : reason).slice(0, 1000);
}

/**
 * Sends outbox rows over SMTP (nodemailer). A pass runs MAIL_CONCURRENCY senders side by side, each
 * with its own SMTP connection kept for the pass (a new one after any failure); each takes the next due PENDING row, most urgent first (MailPriority:
 * a sign-in link never waits behind a register's certificates), in its own transaction holding the
 * row's lock (FOR UPDATE SKIP LOCKED, so no two senders or workers send the same row), sends it with
 * its stored Message-ID, and records SENT, or the failure with the next attempt doubling in wait up to
 * MAIL_MAX_ATTEMPTS, then FAILED. A failure never reaches the code that queued the mail.
 *
 * Passes run as pg-boss jobs: one right after a transaction that queued mail commits, one every
 * minute (a pg-boss cron schedule, for retries, timed mail and anything a crash left behind), and
 * another straight after a pass that stopped at its limit with mail still waiting.
 */
@Injectable()
export class MailDeliveryService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private readonly smtpUrl: string | null;

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.smtpUrl = config.smtpUrl;
  }

  onModuleInit(): void {
    this.jobs.work(MAIL_QUEUE, () => this.deliverDue().then(() => undefined), {
      policy: 'short',
      retryLimit: 3,
      retryDelay: 10,
      retryBackoff: true,
      expireInSeconds: 15 * 60,
      pollingIntervalSeconds: 1,
      runOnStart: true,
    });
    this.jobs.schedule(MAIL_QUEUE, '* * * * *');
    this.orm.em.getEventManager().registerSubscriber(new OutboxKickSubscriber(() => this.requestPass()));
    if (!this.smtpUrl) {
      this.logger.warn('SMTP_URL is not set: mail is queued in the outbox but not sent until it is');
    }
  }

  /** Asks a worker for a delivery pass soon (no-op when jobs are off). */
  requestPass(): void {
    this.jobs.send(MAIL_QUEUE).catch((e: unknown) => this.logger.warn(`Could not ask for a delivery pass: ${reasonOf(e)}`));
  }

  /**
   * Sends every mail that is due now, each at most once in this pass (a failed one waits for its
   * next attempt time), with MAIL_CONCURRENCY senders side by side. Stopping at `limit` with mail
   * still due asks for another pass. Without SMTP_URL nothing is sent and mail stays PENDING.
   */
  async deliverDue(limit = 500): Promise<DeliveryPass> {
    const pass: DeliveryPass = { sent: 0, retrying: 0, failed: 0 };
    const smtpUrl = this.smtpUrl;
    if (!smtpUrl) {
      return pass;
    }
    const tried: string[] = [];
    let claimed = 0;
    // Each sender keeps one SMTP connection for the pass, and starts a new one after a failure (a
    // connection the server dropped is never used again). A sender that finds nothing stops; the
    // others go on (what it could not take may be waiting for a mail to the same person that another
    // sender has in hand, and that sender takes it next).
    const sender = async () => {
      let transport: Transport | null = null;
      try {
        while (claimed < limit) {
          claimed++;
          transport ??= connectionTo(smtpUrl);
          const outcome = await this.deliverNext(transport, tried);
          if (!outcome) {
            claimed--;
            return;
          }
          pass[outcome.result]++;
          if (outcome.result !== 'sent') {
            transport.close();
            transport = null;
          }
        }
      } finally {
        transport?.close();
      }
    };
    await Promise.all(Array.from({ length: this.config.mailConcurrency }, sender));
    if (pass.sent + pass.retrying + pass.failed > 0) {
      this.logger.log(`Mail pass: ${pass.sent} sent, ${pass.retrying} to retry, ${pass.failed} failed`);
    }
    if (claimed >= limit) {
      this.requestPass();
    }
    return pass;
  }

  /** Sends the next due mail; its id joins `tried` as soon as it is taken, so no other sender of the pass takes it again. */
  private deliverNext(transport: Transport, tried: string[]): Promise<{ id: string; result: keyof DeliveryPass } | null> {
    return this.orm.em.fork().transactional(async (em) => {
      const [next] = await em.execute<{ id: string }[]>(NEXT_DUE, [new Date(), `{${tried.join(',')}}`]);
      if (!next) {
        return null;
      }
      tried.push(next.id);
      const message = await em.findOneOrFail(OutboxMessage, next.id);
      await em.populate(message, ['invites']);
      message.attempts += 1;
      try {
        await transport.sendMail({
          from: { name: this.config.partnershipName, address: this.config.mailFromAddress },
          to: { name: message.toName, address: message.toEmail },
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          date: message.createdAt,
          ...calendarParts(message.invites.getItems()),
        });
      } catch (e) {
        const failedAt = new Date();
        message.lastError = reasonOf(e);
        const next = nextRetryAt(failedAt, message.attempts, this.config.mailMaxAttempts, this.config.mailRetrySeconds);
        if (next) {
          message.nextAttemptAt = next;
          return { id: message.id, result: 'retrying' as const };
        }
        message.status = MailStatus.FAILED;
        this.logger.warn(
          `Gave up on mail ${message.id} (${message.kind}) after ${plural(message.attempts, 'attempt', 'attempts')}: ${message.lastError}`,
        );
        return { id: message.id, result: 'failed' as const };
      }
      // If the process dies before this commits, the row stays PENDING and is sent again later with the
      // same Message-ID: at least once, and exactly once unless a crash falls in that gap.
      message.status = MailStatus.SENT;
      message.sentAt = new Date();
      message.lastError = null;
      return { id: message.id, result: 'sent' as const };
    });
  }
}

/**
 * How a mail's invites travel. One invite: nodemailer's `icalEvent`, which sends it both as the
 * text/calendar alternative (with its method) and as invite.ics, the form every calendar client reads.
 * Several (one per session part, or a move's new invites and old cancellations): each its own .ics
 * attachment with its own method, since one iCalendar object carries one METHOD and, for REQUEST,
 * one UID; calendar clients show each as its own entry.
 */
export function calendarParts(
  invites: readonly Pick<OutboxInvite, 'ics' | 'method'>[],
): Pick<SendMailOptions, 'icalEvent' | 'attachments'> {
  if (invites.length === 1) {
    return { icalEvent: { method: invites[0]!.method, filename: 'invite.ics', content: invites[0]!.ics } };
  }
  return {
    attachments: invites.map((invite, i) => ({
      filename: `invite-${i + 1}.ics`,
      content: invite.ics,
      contentType: `text/calendar; charset=utf-8; method=${invite.method}`,
    })),
  };
}
