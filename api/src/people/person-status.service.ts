import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, DomainError, ErrorCode, LIVE_STATUSES, PersonStatus, holdsPlace } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { AccountToken } from '../auth/account-token.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { Booking } from '../booking/booking.entity';
import { BookingChanges } from '../booking/booking-changes';
import { BookingRepository } from '../booking/booking.repository';
import { WaitingListService } from '../booking/waiting-list.service';
import { lockCoordinators, refuseLastCoordinator } from './coordinator-guard';
import { Person } from './person.entity';
import { PeopleAdminService, personNotFound } from './people-admin.service';
import type { AdminPersonType } from './people-admin.types';

/**
 * A leaver's account: deactivating it stops sign-in at once (their sessions and unused links end),
 * keeps them in history and reports, and cancels their places on sessions that have not started, each
 * through the one way a booking changes (history with the reason, the cancellation mail and calendar
 * CANCEL, the freed place offered to the waiting list). Reactivating lets them sign in again.
 */
@Injectable()
export class PersonStatusService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly changes: BookingChanges,
    private readonly waitingList: WaitingListService,
    private readonly people: PeopleAdminService,
    private readonly clock: Clock,
  ) {}

  async deactivate(viewer: Viewer, personId: string, reason: string | null, now = this.clock.now()): Promise<AdminPersonType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      await lockCoordinators(em);
      const person = await em.findOne(Person, personId);
      if (!person) {
        throw personNotFound();
      }
      if (person.status === PersonStatus.DEACTIVATED) {
        throw new DomainError(ErrorCode.InvalidTransition, `${person.name}'s account is already deactivated.`);
      }
      await refuseLastCoordinator(
        em,
        person,
        { roles: person.roles, status: PersonStatus.DEACTIVATED },
        person.id === viewer.id
          ? 'You are the only active coordinator, so you cannot deactivate your own account. Give someone else the coordinator role first.'
          : `${person.name} is the only active coordinator: give someone else the coordinator role before deactivating this account.`,
      );
      person.status = PersonStatus.DEACTIVATED;
      // written before the bookings are reloaded under their sessions' locks (which refreshes the person)
      await em.flush();
      await em.nativeDelete(AuthSession, { person: person.id });
      await em.nativeUpdate(AccountToken, { person: person.id, usedAt: null }, { usedAt: now });
      await this.cancelFutureBookings(em, viewer, person, reason?.trim() || 'Their account was closed: they have left.', now);
      await em.flush();
    });
    return this.people.person(viewer, personId, now);
  }

  async reactivate(viewer: Viewer, personId: string, now = this.clock.now()): Promise<AdminPersonType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      const person = await em.findOne(Person, personId);
      if (!person) {
        throw personNotFound();
      }
      if (person.status !== PersonStatus.DEACTIVATED) {
        throw new DomainError(ErrorCode.InvalidTransition, 'Only a deactivated account can be reactivated.');
      }
      person.status = PersonStatus.ACTIVE;
    });
    return this.people.person(viewer, personId, now);
  }

  /** Live bookings on sessions that have not started, cancelled one session lock at a time (in id order, so no deadlocks). */
  private async cancelFutureBookings(em: EntityManager, viewer: Viewer, person: Person, reason: string, now: Date): Promise<void> {
    const future = await em.find(
      Booking,
      { person, status: { $in: [...LIVE_STATUSES] }, session: { startsAt: { $gt: now } } },
      { fields: ['id', 'session'], orderBy: { session: { id: 'asc' } } },
    );
    const actor = this.changes.actor(em, viewer);
    for (const { id, session: s } of future) {
      const session = await this.repo.lockSession(em, s.id);
      const booking = await this.repo.reloadUnderLock(em, id, session);
      const from = booking.status;
      if (!(LIVE_STATUSES as readonly BookingStatus[]).includes(from)) {
        continue;
      }
      booking.status = BookingStatus.CANCELLED;
      booking.cancelledAt = now;
      booking.offerExpiresAt = null;
      booking.approvalExpiresAt = null;
      const action = from === BookingStatus.WAITLISTED ? 'left-waiting-list' : 'cancelled';
      await this.changes.changed(em, booking, { action, from, actor, reason, at: now }, { reason });
      if (holdsPlace(from)) {
        await this.waitingList.fillFreedPlaces(em, session, now);
      }
    }
  }
}
