import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  InviteMethod,
  MailKind,
  MailStatus,
  buildInvite,
  mailPriorityOf,
  readInvite,
  trainerInviteUidPrefix,
  type InviteSpec,
} from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { OutboxInvite, OutboxMessage } from './outbox-message.entity';

/**
 * The invite carried by one mail. Organizer (the partnership's mailbox) and attendee (the mail's
 * recipient) are filled in; leave `sequence` out and it is one more than the last invite queued for
 * the same UID (0 for the first).
 */
export type InviteDraft = Omit<InviteSpec, 'sequence' | 'organizer' | 'attendee'> & { sequence?: number };

/** The last invite sent for one UID: what the person's calendar now holds for it. */
export interface LastInvite {
  uid: string;
  method: InviteMethod;
  sequence: number;
  summary: string | null;
  location: string | null;
  start: Date;
  end: Date;
}

/** Whose invites: one booking's, or one trainer's on one session (mails to them carry that session and person). */
export type InvitesAbout = { bookingId: string } | { trainer: { sessionId: string; personId: string } };

export interface OutgoingMail {
  kind: MailKind;
  to: { email: string; name: string };
  subject: string;
  text: string;
  html: string;
  /**
   * The invites it carries, each its own iCalendar object and .ics attachment (one METHOD and one UID
   * each, as iTIP wants): one per session part, or a new date's REQUESTs with the old date's CANCELs.
   */
  invites?: InviteDraft[];
  personId?: string | null;
  sessionId?: string | null;
  bookingId?: string | null;
  /** Not before this instant (reminders and other timed mails). */
  sendAfter?: Date;
}

/**
 * Queues mail as outbox rows in the caller's transaction: the row commits or rolls back with the
 * change that caused it, so a mail for a change that rolled back never exists and so never goes out.
 * MailDeliveryService sends the rows afterwards.
 */
@Injectable()
export class MailOutboxService {
  /** The last queue time this process gave, in ms: each mail's is later, so mails queued together keep their order. */
  private lastQueuedMs = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Now, or 1 ms after the last mail this process queued: a person's mails of one change go in the order they were queued. */
  private queueTime(): Date {
    this.lastQueuedMs = Math.max(Date.now(), this.lastQueuedMs + 1);
    return new Date(this.lastQueuedMs);
  }

  /**
   * Writes one mail to the outbox with `em`, which must be the transactional EntityManager of the
   * change that causes it (inside `em.transactional(...)`). The rows are written by the next flush (the
   * transaction's commit flushes), so a change and its mails go to PostgreSQL in one batch.
   */
  async enqueue(em: EntityManager, mail: OutgoingMail): Promise<OutboxMessage> {
    if (!em.isInTransaction()) {
      throw new Error('MailOutboxService.enqueue needs the transaction of the change that causes the mail (use em.transactional)');
    }
    const email = mail.to.email.trim().toLowerCase();
    const queuedAt = this.queueTime();
    const message = em.create(OutboxMessage, {
      kind: mail.kind,
      priority: mailPriorityOf(mail.kind),
      status: MailStatus.PENDING,
      toEmail: email,
      toName: mail.to.name,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${randomUUID()}@${this.config.mailFromAddress.split('@')[1]}>`,
      nextAttemptAt: mail.sendAfter ?? queuedAt,
      dueAt: mail.sendAfter ?? queuedAt,
      createdAt: queuedAt,
      personId: mail.personId ?? null,
      sessionId: mail.sessionId ?? null,
      bookingId: mail.bookingId ?? null,
    });
    for (const [position, draft] of (mail.invites ?? []).entries()) {
      const sequence = draft.sequence ?? (await this.nextSequence(em, draft.uid));
      const spec: InviteSpec = {
        ...draft,
        sequence,
        organizer: { name: this.config.partnershipName, email: this.config.mailFromAddress },
        attendee: { name: mail.to.name, email },
      };
      em.create(OutboxInvite, { message, position, ics: buildInvite(spec), method: InviteMethod[spec.method], uid: spec.uid, sequence });
    }
    // Written with the caller's next flush (at the latest its commit), in one batch with the change's other rows;
    // nextSequence flushes first, so the next invite for a UID always sees this one's sequence.
    return message;
  }

  /** A timed mail (a reminder): kept in the database, so it survives restarts, and sent at `sendAfter`. */
  scheduleMail(em: EntityManager, mail: Omit<OutgoingMail, 'sendAfter'>, sendAfter: Date): Promise<OutboxMessage> {
    return this.enqueue(em, { ...mail, sendAfter });
  }

  /**
   * Withdraws mail not yet sent (for example the reminders of a booking that was cancelled), in the
   * caller's transaction. A mail being sent at this moment finishes first and is left as sent.
   * Returns how many were withdrawn.
   */
  async cancelPending(
    em: EntityManager,
    about: { bookingId?: string; sessionId?: string; personId?: string },
    kinds: MailKind[],
  ): Promise<number> {
    if (!about.bookingId && !about.sessionId && !about.personId) {
      throw new Error('cancelPending needs a booking, session or person');
    }
    if (!kinds.length) {
      return 0;
    }
    return em.nativeUpdate(
      OutboxMessage,
      {
        status: MailStatus.PENDING,
        kind: { $in: kinds },
        ...(about.bookingId ? { bookingId: about.bookingId } : {}),
        ...(about.sessionId ? { sessionId: about.sessionId } : {}),
        ...(about.personId ? { personId: about.personId } : {}),
      },
      { status: MailStatus.CANCELLED, lastError: null },
    );
  }

  /** Whether a mail of this kind about this booking was ever queued (sent, waiting or withdrawn): for mail sent once per booking. */
  async wasQueued(em: EntityManager, about: { bookingId: string }, kind: MailKind): Promise<boolean> {
    return (await em.count(OutboxMessage, { bookingId: about.bookingId, kind })) > 0;
  }

  /**
   * The highest SEQUENCE queued so far for each of these invite UIDs (UIDs never sent are left out),
   * so a published calendar can give each event the SEQUENCE of the last invite for it.
   */
  async lastSequences(em: EntityManager, uids: readonly string[]): Promise<Map<string, number>> {
    if (!uids.length) {
      return new Map();
    }
    const rows = await em.execute<{ uid: string; max: number | string }[]>(
      'select uid, max(sequence) as max from outbox_invite where uid in (?) group by uid',
      [[...uids]],
    );
    return new Map(rows.map((r) => [r.uid, Number(r.max)]));
  }

  /**
   * The last invite queued for each UID of a booking, or of a trainer's assignment to a session (its
   * UIDs all start with trainerInviteUidPrefix), newest SEQUENCE first per UID: the outbox is the one
   * place that knows which invites went out, so nothing else reads outbox rows or .ics text.
   */
  async lastInvites(em: EntityManager, about: InvitesAbout): Promise<LastInvite[]> {
    const where: FilterQuery<OutboxInvite> =
      'bookingId' in about
        ? { message: { bookingId: about.bookingId } }
        : {
            message: { sessionId: about.trainer.sessionId, personId: about.trainer.personId },
            uid: { $like: `${trainerInviteUidPrefix(about.trainer.sessionId, about.trainer.personId)}%` },
          };
    const sent = await em.find(OutboxInvite, where, { orderBy: { sequence: 'desc' } });
    const latest = new Map<string, LastInvite>();
    for (const m of sent) {
      if (latest.has(m.uid)) {
        continue;
      }
      const invite = readInvite(m.ics);
      if (!invite.start || !invite.end) {
        continue;
      }
      latest.set(m.uid, {
        uid: m.uid,
        method: m.method,
        sequence: m.sequence,
        summary: invite.summary ?? null,
        location: invite.location ?? null,
        start: invite.start,
        end: invite.end,
      });
    }
    return [...latest.values()];
  }

  /** One more than the highest SEQUENCE queued for this UID; serialised per UID for the rest of the transaction. */
  private async nextSequence(em: EntityManager, uid: string): Promise<number> {
    await em.flush();
    await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`invite:${uid}`]);
    const [row] = await em.execute<{ max: number | null }[]>('select max(sequence) as max from outbox_invite where uid = ?', [uid]);
    return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
  }
}
