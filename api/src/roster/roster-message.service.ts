import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CourseOutcome, DomainError, ErrorCode, RosterAudience, SessionStatus, rosterAudienceStatus } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Booking } from '../booking/booking.entity';
import { BookingRepository } from '../booking/booking.repository';
import { AttendanceOutcome } from '../registers/attendance-outcome.entity';
import { Session } from '../scheduling/session.entity';
import { SessionMessage } from './roster.entity';
import { RosterMailer } from './roster-mailer';
import type { MessageSessionInput, SessionMessageSentType } from './roster.types';

/**
 * "Message everyone in a chosen status": how many it would reach (the preview), and sending it, one mail each
 * through the outbox (so it shows in the mail log) in one transaction holding the session lock. The form's
 * idempotency key makes a second send with the same key (a double click) return the first and send nothing.
 */
@Injectable()
export class RosterMessageService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly mailer: RosterMailer,
    private readonly clock: Clock,
  ) {}

  async recipientCount(viewer: Viewer, sessionId: string, audience: RosterAudience): Promise<number> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    if (!(await em.findOne(Session, sessionId, { fields: ['id'] }))) {
      throw new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
    }
    return (await this.recipients(em, sessionId, audience)).length;
  }

  async send(viewer: Viewer, input: MessageSessionInput, now = this.clock.now()): Promise<SessionMessageSentType> {
    requireCoordinator(viewer);
    try {
      return await this.em.fork().transactional(async (em) => {
        const session = await this.repo.lockSession(em, input.sessionId);
        const earlier = await em.findOne(SessionMessage, { idempotencyKey: input.idempotencyKey });
        if (earlier) {
          return this.repeated(earlier, session.id);
        }
        if (session.status === SessionStatus.CANCELLED) {
          throw new DomainError(ErrorCode.SessionCancelled, 'This session has been cancelled: everyone booked was told.');
        }
        const recipients = await this.recipients(em, session.id, input.audience);
        if (!recipients.length) {
          throw new DomainError(ErrorCode.BadUserInput, 'Nobody on this session is in that group: choose another.', [
            { field: 'input.audience', message: 'Nobody on this session is in that group: choose another' },
          ]);
        }
        for (const booking of recipients) {
          booking.session = session;
          await this.mailer.message(em, booking, input.subject, input.message);
        }
        const sent = em.create(SessionMessage, {
          session,
          audience: input.audience,
          subject: input.subject,
          body: input.message,
          recipients: recipients.length,
          sentById: viewer.id,
          sentByName: viewer.name,
          sentAt: now,
          idempotencyKey: input.idempotencyKey,
        });
        await em.flush();
        return toSent(sent, false);
      });
    } catch (e) {
      // two sends with one key at once: the second waited for the session lock, then hit the unique key
      if (e instanceof UniqueConstraintViolationException) {
        const earlier = await this.em.fork().findOne(SessionMessage, { idempotencyKey: input.idempotencyKey });
        if (earlier) {
          return this.repeated(earlier, input.sessionId);
        }
      }
      throw e;
    }
  }

  private repeated(earlier: SessionMessage, sessionId: string): SessionMessageSentType {
    if (earlier.session.id !== sessionId) {
      throw new DomainError(
        ErrorCode.IdempotencyConflict,
        'This message key was used for another session: reload the page and send again.',
      );
    }
    return toSent(earlier, true);
  }

  /** The live bookings in the audience's status (with person, course, parts, venue); ATTENDED: those the register recorded as attended. */
  private async recipients(em: EntityManager, sessionId: string, audience: RosterAudience): Promise<Booking[]> {
    const bookings = await em.find(
      Booking,
      { session: sessionId, status: rosterAudienceStatus[audience] },
      { populate: ['person', 'session.course', 'session.parts', 'session.venue'], orderBy: { id: 'asc' } },
    );
    if (audience !== RosterAudience.ATTENDED) {
      return bookings;
    }
    const attended = new Set(
      (await em.find(AttendanceOutcome, { session: sessionId, outcome: CourseOutcome.ATTENDED }, { fields: ['booking'] })).map(
        (o) => o.booking.id,
      ),
    );
    return bookings.filter((b) => attended.has(b.id));
  }
}

function toSent(m: SessionMessage, repeated: boolean): SessionMessageSentType {
  return { id: m.id, audience: m.audience as RosterAudience, subject: m.subject, recipients: m.recipients, sentAt: m.sentAt, repeated };
}
