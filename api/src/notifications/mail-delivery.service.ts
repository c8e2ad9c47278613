import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
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

/** The SMTP server's answer (e.g. "550 5.1.1 No such user"), or the connection problem. */
function reasonOf(e: unknown): string {
  const err = e as { response?: unknown; message?: unknown; code?: unknown };
  const reason = typeof err.response === 'string' ? err.response : typeof err.message === 'string' ? err.message : String(e);
  return (typeof err.code === 'string' && !reason.includes(err.code) ? `${err.code}: ${reason}` : reason).slice(0, 1000);
}

/**
 * Sends outbox rows over SMTP (nodemailer). A pass takes due PENDING rows one at a time, each in
 * its own transaction holding the row's lock (FOR UPDATE SKIP LOCKED, so two workers never send the
 * same row), sends it with its stored Message-ID, and records SENT, or the failure with the next
 * attempt doubling in wait up to MAIL_MAX_ATTEMPTS, then FAILED. A failure never reaches the code that
 * queued the mail.
 *
 * Passes run as pg-boss jobs: one right after a transaction that queued mail commits, and one every
 * minute (a pg-boss cron schedule, for retries, timed mail and anything a crash left behind).
 */
@Injectable()
export class MailDeliveryService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transport | null;

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl
      ? createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
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
    if (!this.transport) {
      this.logger.warn('SMTP_URL is not set: mail is queued in the outbox but not sent until it is');
    }
  }

  /** Asks a worker for a delivery pass soon (no-op when jobs are off). */
  requestPass(): void {
    this.jobs.send(MAIL_QUEUE).catch((e: unknown) => this.logger.warn(`Could not ask for a delivery pass: ${reasonOf(e)}`));
  }

  /**
   * Sends every mail that is due now, each at most once in this pass (a failed one waits for its
   * next attempt time). Without SMTP_URL nothing is sent and mail stays PENDING.
   */
  async deliverDue(limit = 200): Promise<DeliveryPass> {
    const pass: DeliveryPass = { sent: 0, retrying: 0, failed: 0 };
    const transport = this.transport;
    if (!transport) {
      return pass;
    }
    const tried: string[] = [];
    while (tried.length < limit) {
      const outcome = await this.deliverNext(transport, tried);
      if (!outcome) {
        break;
      }
      tried.push(outcome.id);
      pass[outcome.result]++;
    }
    if (pass.sent + pass.retrying + pass.failed > 0) {
      this.logger.log(`Mail pass: ${pass.sent} sent, ${pass.retrying} to retry, ${pass.failed} failed`);
    }
    return pass;
  }

  private deliverNext(transport: Transport, skip: string[]): Promise<{ id: string; result: keyof DeliveryPass } | null> {
    return this.orm.em.fork().transactional(async (em) => {
      const message = await em.findOne(
        OutboxMessage,
        { status: MailStatus.PENDING, nextAttemptAt: { $lte: new Date() }, ...(skip.length ? { id: { $nin: skip } } : {}) },
        { orderBy: { nextAttemptAt: 'asc', createdAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (!message) {
        return null;
      }
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
          `Gave up on mail ${message.id} to ${message.toEmail} after ${plural(message.attempts, 'attempt', 'attempts')}: ${message.lastError}`,
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
