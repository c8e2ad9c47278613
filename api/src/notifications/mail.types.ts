import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InviteMethod, MailKind, MailStatus } from '@lh/domain';
import type { OutboxInvite, OutboxMessage } from './outbox-message.entity';

registerEnumType(MailKind, { name: 'MailKind', description: 'What a mail is about.' });
registerEnumType(MailStatus, { name: 'MailStatus' });
registerEnumType(InviteMethod, { name: 'InviteMethod', description: 'REQUEST invites (or updates); CANCEL withdraws.' });

/** One outgoing mail and where its delivery is, for coordinators. */
@ObjectType('MailLogEntry')
export class MailLogEntryType {
  @Field(() => ID) id!: string;
  @Field(() => MailKind) kind!: MailKind;
  @Field(() => MailStatus) status!: MailStatus;
  @Field(() => String) toEmail!: string;
  @Field(() => String) toName!: string;
  @Field(() => String) subject!: string;
  @Field(() => InviteMethod, { nullable: true, description: 'The method of its first calendar invite.' })
  inviteMethod!: InviteMethod | null;
  @Field(() => Int, { nullable: true, description: 'The SEQUENCE of its first calendar invite.' }) inviteSequence!: number | null;
  @Field(() => Int, {
    description: 'How many calendar invites it carries (one per session part; a move adds the old date’s cancellations).',
  })
  inviteCount!: number;
  @Field(() => Int, { description: 'Delivery attempts so far.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (the SMTP server’s answer).' })
  lastError!: string | null;
  @Field(() => Date, { description: 'When it is (or was) due to be sent next.' }) nextAttemptAt!: Date;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => ID, { nullable: true }) personId!: string | null;
  @Field(() => ID, { nullable: true }) sessionId!: string | null;
  @Field(() => ID, { nullable: true }) bookingId!: string | null;

  static from(
    m: Omit<OutboxMessage, 'text' | 'html' | 'invites'>,
    invites: Pick<OutboxInvite, 'method' | 'sequence'>[] = [],
  ): MailLogEntryType {
    return Object.assign(new MailLogEntryType(), {
      id: m.id,
      kind: m.kind,
      status: m.status,
      toEmail: m.toEmail,
      toName: m.toName,
      subject: m.subject,
      inviteMethod: invites[0]?.method ?? null,
      inviteSequence: invites[0]?.sequence ?? null,
      inviteCount: invites.length,
      attempts: m.attempts,
      lastError: m.lastError ?? null,
      nextAttemptAt: m.nextAttemptAt,
      sentAt: m.sentAt ?? null,
      createdAt: m.createdAt,
      personId: m.personId ?? null,
      sessionId: m.sessionId ?? null,
      bookingId: m.bookingId ?? null,
    });
  }
}

@ObjectType('CaughtInvite', { description: 'The calendar invite in a caught mail, as read from its .ics.' })
export class CaughtInviteType {
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => String, { nullable: true }) uid!: string | null;
  @Field(() => Int, { nullable: true }) sequence!: number | null;
  @Field(() => String, { nullable: true }) status!: string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => Date, { nullable: true }) startsAt!: Date | null;
  @Field(() => Date, { nullable: true }) endsAt!: Date | null;
}

@ObjectType('CaughtMail', { description: 'A mail kept by the development mail catcher.' })
export class CaughtMailType {
  @Field(() => ID, { description: 'The .eml file name.' }) id!: string;
  @Field(() => String) subject!: string;
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => Date, { nullable: true }) date!: Date | null;
  @Field(() => String, { nullable: true }) messageId!: string | null;
  @Field(() => String, { description: 'The plain-text part.' }) text!: string;
  @Field(() => [CaughtInviteType], {
    description: 'Every calendar invite it carries (one per session part; a move adds the cancellations).',
  })
  invites!: CaughtInviteType[];
}
