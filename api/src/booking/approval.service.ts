import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, DomainError, ErrorCode, bookingStatusLabels } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import { verifyToken } from '../common/signed-token';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Person } from '../people/person.entity';
import { Booking } from './booking.entity';
import { BookingChanges } from './booking-changes';
import { APPROVAL_TOKEN_PURPOSE } from './booking-mailer';
import { toBookingSessionType } from './booking.mapper';
import { BookingQueries, bookingNotFound } from './booking-queries.service';
import { BookingRepository } from './booking.repository';
import type { ApprovalRequestType, BookingType } from './booking.types';
import { WaitingListService } from './waiting-list.service';

const linkNotValid = () => new DomainError(ErrorCode.InvalidToken, 'This link is not valid any more: the booking no longer exists.');

/**
 * Line-manager approval. The manager decides through an HMAC-signed, expiring link (no account
 * needed; the token is the permission, and the booking's state makes it single use); a coordinator
 * can decline on the manager's behalf. A decline passes the held place to the waiting list.
 */
@Injectable()
export class ApprovalService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly changes: BookingChanges,
    private readonly waitingList: WaitingListService,
    private readonly queries: BookingQueries,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What a manager's link is about. Works without signing in. */
  async approvalRequest(token: string, now = this.clock.now()): Promise<ApprovalRequestType> {
    const { subject } = verifyToken(this.config.appSecret, APPROVAL_TOKEN_PURPOSE, token, now);
    const booking = await this.em.fork().findOne(Booking, subject, {
      populate: ['person.agency', 'session.course', 'session.parts', 'session.venue'],
    });
    if (!booking) {
      throw linkNotValid();
    }
    // Who asked is shown only while a decision is awaited: a used link shows the outcome, nothing personal.
    const open = booking.status === BookingStatus.PENDING_APPROVAL;
    return {
      bookingId: booking.id,
      status: booking.status,
      practitionerName: open ? booking.person.name : null,
      practitionerJobTitle: open ? (booking.person.jobTitle ?? null) : null,
      practitionerAgency: open ? (booking.person.agency?.name ?? null) : null,
      managerEmail: open ? (booking.managerEmail ?? null) : null,
      session: toBookingSessionType(booking.session, { withJoiningInstructions: false }),
      expiresAt: open ? (booking.approvalExpiresAt ?? null) : null,
    };
  }

  /** The manager approves or declines through the link. Once decided, the link cannot decide again. */
  async decideByToken(token: string, approve: boolean, reason: string | null, now = this.clock.now()): Promise<ApprovalRequestType> {
    const { subject } = verifyToken(this.config.appSecret, APPROVAL_TOKEN_PURPOSE, token, now);
    await this.em.fork().transactional(async (em) => {
      const found = await this.repo.findOwnerAndSession(em, subject);
      if (!found) {
        throw linkNotValid();
      }
      const session = await this.repo.lockSession(em, found.session.id);
      const booking = await this.repo.reloadUnderLock(em, subject, session);
      await this.decide(em, booking, approve, reason, null, now);
    });
    return this.approvalRequest(token, now);
  }

  /** Declines a booking awaiting approval on the manager's behalf. */
  async declineOnBehalf(viewer: Viewer, bookingId: string, reason: string | null, now = this.clock.now()): Promise<BookingType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const found = await this.repo.findOwnerAndSession(em, bookingId);
      if (!found) {
        throw bookingNotFound();
      }
      const session = await this.repo.lockSession(em, found.session.id);
      const booking = await this.repo.reloadUnderLock(em, bookingId, session);
      await this.decide(em, booking, false, reason, this.changes.actor(em, viewer), now);
    });
    return this.queries.booking(viewer, bookingId);
  }

  private async decide(em: EntityManager, booking: Booking, approve: boolean, reason: string | null, actor: Person | null, now: Date) {
    if (booking.status !== BookingStatus.PENDING_APPROVAL) {
      throw new DomainError(
        ErrorCode.AlreadyDecided,
        `This booking has already been dealt with: it is now "${bookingStatusLabels[booking.status].toLowerCase()}". Nothing was changed.`,
      );
    }
    if (booking.approvalExpiresAt && booking.approvalExpiresAt.getTime() <= now.getTime()) {
      throw new DomainError(ErrorCode.TokenExpired, 'The time to decide has passed and the place was released.');
    }
    booking.status = approve ? BookingStatus.CONFIRMED : BookingStatus.DECLINED;
    booking.approvalExpiresAt = null;
    await this.changes.changed(
      em,
      booking,
      {
        action: approve ? 'approved' : 'declined',
        from: BookingStatus.PENDING_APPROVAL,
        actor,
        // a manager deciding through their link is recorded by the address the link went to
        actorEmail: actor ? null : (booking.managerEmail ?? null),
        reason,
        at: now,
      },
      { decidedBy: actor ? 'training-team' : 'line-manager' },
    );
    if (!approve) {
      await this.waitingList.fillFreedPlaces(em, booking.session, now);
    }
    await em.flush();
  }
}
