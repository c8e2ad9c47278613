import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, OFFER_EXPIRING_WITHIN_HOURS, SessionStatus, UNDER_FILLED, isUnderFilled } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { RegistrationQueueService } from '../registration/registration-queue.service';
import type { QueueApprovalType, QueueOfferType, QueueUnderFilledType, TrainingTeamQueueType } from './training-team-queue.types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Everything waiting for the training team across sessions, read at one instant: approvals pending (oldest
 * first, with when they started waiting), offers ending within OFFER_EXPIRING_WITHIN_HOURS, the registrations
 * queue's count, and sessions under-filled (UNDER_FILLED) shortly before they start.
 */
@Injectable()
export class TrainingTeamQueueService {
  constructor(
    private readonly em: EntityManager,
    private readonly registrations: RegistrationQueueService,
    private readonly clock: Clock,
  ) {}

  async queue(viewer: Viewer, now = this.clock.now()): Promise<TrainingTeamQueueType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const [approvals, expiringOffers, underFilled, registrationsToApprove] = await Promise.all([
      this.approvals(em, now),
      this.expiringOffers(em, now),
      this.underFilled(em, now),
      this.registrations.count(viewer),
    ]);
    return {
      approvals,
      expiringOffers,
      registrationsToApprove,
      underFilled,
      offerHours: OFFER_EXPIRING_WITHIN_HOURS,
      underFilledShare: UNDER_FILLED.shareBooked,
      underFilledWithinDays: UNDER_FILLED.withinDays,
    };
  }

  private async approvals(em: EntityManager, now: Date): Promise<QueueApprovalType[]> {
    const rows = await em.execute<
      { booking_id: string; session_id: string; title: string; starts_at: Date; name: string; agency: string | null; since: Date }[]
    >(
      `select b.id as booking_id, s.id as session_id, c.title, s.starts_at, p.name, a.name as agency,
              coalesce((select max(e.at) from booking_event e where e.booking_id = b.id and e.to_status = ?), b.created_at) as since
         from booking b
         join session s on s.id = b.session_id
         join course c on c.id = s.course_id
         join person p on p.id = b.person_id
         left join agency a on a.id = b.agency_id
        where b.status = ? and s.status = ? and s.ends_at > ?
        order by since asc, b.id asc`,
      [BookingStatus.PENDING_APPROVAL, BookingStatus.PENDING_APPROVAL, SessionStatus.SCHEDULED, now],
    );
    return rows.map((r) => ({
      bookingId: r.booking_id,
      sessionId: r.session_id,
      courseTitle: r.title,
      sessionStartsAt: new Date(r.starts_at),
      personName: r.name,
      agencyName: r.agency,
      waitingSince: new Date(r.since),
    }));
  }

  private async expiringOffers(em: EntityManager, now: Date): Promise<QueueOfferType[]> {
    const rows = await em.execute<
      { booking_id: string; session_id: string; title: string; starts_at: Date; name: string; expires: Date }[]
    >(
      `select b.id as booking_id, s.id as session_id, c.title, s.starts_at, p.name, b.offer_expires_at as expires
         from booking b
         join session s on s.id = b.session_id
         join course c on c.id = s.course_id
         join person p on p.id = b.person_id
        where b.status = ? and s.status = ? and b.offer_expires_at > ? and b.offer_expires_at <= ?
        order by b.offer_expires_at asc, b.id asc`,
      [BookingStatus.OFFERED, SessionStatus.SCHEDULED, now, new Date(now.getTime() + OFFER_EXPIRING_WITHIN_HOURS * HOUR)],
    );
    return rows.map((r) => ({
      bookingId: r.booking_id,
      sessionId: r.session_id,
      courseTitle: r.title,
      sessionStartsAt: new Date(r.starts_at),
      personName: r.name,
      offerExpiresAt: new Date(r.expires),
    }));
  }

  private async underFilled(em: EntityManager, now: Date): Promise<QueueUnderFilledType[]> {
    const rows = await em.execute<{ id: string; title: string; starts_at: Date; capacity: number; held: string }[]>(
      `select s.id, c.title, s.starts_at, s.capacity,
              (select count(*) from booking b where b.session_id = s.id and b.status in (?, ?, ?)) as held
         from session s
         join course c on c.id = s.course_id
        where s.status = ? and s.starts_at > ? and s.starts_at <= ? and s.capacity > 0
        order by s.starts_at asc, s.id asc`,
      [
        BookingStatus.CONFIRMED,
        BookingStatus.OFFERED,
        BookingStatus.PENDING_APPROVAL,
        SessionStatus.SCHEDULED,
        now,
        new Date(now.getTime() + UNDER_FILLED.withinDays * DAY),
      ],
    );
    return rows
      .map((r) => ({
        sessionId: r.id,
        courseTitle: r.title,
        startsAt: new Date(r.starts_at),
        capacity: r.capacity,
        booked: Number(r.held),
      }))
      .filter((r) => isUnderFilled(r.capacity, r.booked));
  }
}
