import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { InviteMethod, MailKind, MailStatus } from '@lh/domain';
import { randomUUID } from 'node:crypto';

/**
 * One mail to send (the transactional outbox). Written in the same transaction as the change that
 * causes it, so it exists exactly when the change does; delivered later by the mail worker.
 */
@Entity({ tableName: 'outbox_message' })
@Index({ name: 'outbox_message_due_idx', properties: ['status', 'priority', 'nextAttemptAt', 'createdAt'] })
@Index({ name: 'outbox_message_recipient_idx', properties: ['toEmail', 'status'] })
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => MailKind, nativeEnumName: 'mail_kind' })
  kind!: MailKind;

  @Enum({ items: () => MailStatus, nativeEnumName: 'mail_status', default: MailStatus.PENDING })
  status: Opt<MailStatus> = MailStatus.PENDING;

  /** Lower goes first when mail is waiting (MailPriority, from the kind): a sign-in link never waits behind a batch. */
  @Property({ type: 'smallint', default: 1 })
  priority: Opt<number> = 1;

  @Property({ type: 'string', length: 320 })
  toEmail!: string;

  @Property({ type: 'string', length: 200 })
  toName!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  html!: string;

  /** The calendar invites it carries (one per session part, each its own UID), in order. */
  @OneToMany(() => OutboxInvite, (i) => i.message, { orderBy: { position: 'asc' } })
  invites = new Collection<OutboxInvite>(this);

  /** The Message-ID header, fixed when the mail is queued: a resend after a crash carries the same one. */
  @Property({ type: 'string', length: 200 })
  @Unique()
  messageId!: string;

  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /** Not before this instant: when queued, the send time of a timed mail, or the next retry. */
  @Property({ type: 'datetime' })
  nextAttemptAt!: Date;

  /**
   * When it first fell due (when queued, or a timed mail's send time); retries never move it. One person's
   * mails go out in this order, so a mail waiting for its retry keeps its place in line.
   */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  dueAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  /** What the mail is about (plain ids, no foreign keys: the log outlives what it refers to). */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  personId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  @Index()
  sessionId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  @Index()
  bookingId?: string | null;
}

/**
 * One calendar invite in a mail: its own iCalendar object (one METHOD, one UID), sent as its own
 * .ics attachment, so a mail can carry one invite per session part, or a new date's invites and the
 * old date's cancellations together.
 */
@Entity({ tableName: 'outbox_invite' })
@Unique({ properties: ['message', 'position'] })
export class OutboxInvite {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => OutboxMessage, { deleteRule: 'cascade' })
  message!: Rel<OutboxMessage>;

  /** Its place among the mail's invites (0 first). */
  @Property({ type: 'integer' })
  position!: number;

  /** The .ics text. */
  @Property({ type: 'text' })
  ics!: string;

  @Enum({ items: () => InviteMethod, nativeEnumName: 'invite_method' })
  method!: InviteMethod;

  @Property({ type: 'string', length: 200 })
  @Index()
  uid!: string;

  @Property({ type: 'integer' })
  sequence!: number;
}
