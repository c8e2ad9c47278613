import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  BookingStatus,
  DomainError,
  ErrorCode,
  SessionStatus,
  byAttendeeName,
  countNeedsToPlanFor,
  isUuid,
  recentTrainerSessionsCutoff,
} from '@lh/domain';
import { isCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Booking } from '../booking/booking.entity';
import { BookingRepository, type PlaceCounts } from '../booking/booking.repository';
import { sessionTimesAndPlace } from '../catalogue/session-mapping';
import { Session } from '../scheduling/session.entity';
import { SessionTrainerRepository } from '../scheduling/session-trainer.repository';
import { sortedParts } from '../scheduling/scheduling-views';
import type { TrainerSessionSummaryType, TrainerSessionType, YourSessionsType } from './trainer-sessions.types';

const NO_COUNTS: PlaceCounts = { confirmed: 0, pending: 0, held: 0, waiting: 0, lastQueuedAt: null };
const notFound = () => new DomainError(ErrorCode.NotFound, 'There is no session with that id that you train.');

/**
 * Trainers' side of their sessions: "Your sessions" (the sessions the viewer trains, coming and recent)
 * and one session with its attendee list. The attendees' needs are personal data: only the session's
 * trainers and coordinators see them, and anyone else is told the session is not found.
 */
@Injectable()
export class TrainerSessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly trainers: SessionTrainerRepository,
    private readonly clock: Clock,
  ) {}

  /** The sessions the viewer trains that have not ended, and those that ended in the last 60 days. */
  async yourSessions(viewer: Viewer, now = this.clock.now()): Promise<YourSessionsType> {
    const em = this.em.fork();
    const sessions = await em.find(
      Session,
      { trainers: viewer.id, endsAt: { $gt: recentTrainerSessionsCutoff(now) } },
      { populate: ['course', 'parts', 'venue'], orderBy: { startsAt: 'asc', id: 'asc' } },
    );
    const ids = sessions.map((s) => s.id);
    const [counts, needs] = await Promise.all([this.repo.placeCountsBySession(em, ids), this.needsCounts(em, ids)]);
    const summaries = sessions.map((s) => ({ session: s, view: this.summary(s, counts.get(s.id) ?? NO_COUNTS, needs.get(s.id) ?? 0) }));
    const ended = (s: Session) => s.endsAt.getTime() <= now.getTime();
    return {
      coming: summaries.filter((x) => !ended(x.session)).map((x) => x.view),
      recent: summaries
        .filter((x) => ended(x.session))
        .map((x) => x.view)
        .reverse(),
    };
  }

  /**
   * One session for the viewer: a session they train, or any for a coordinator; anyone else gets
   * NOT_FOUND, so nobody learns which sessions exist. The attendee list is the confirmed places, by name.
   */
  async session(viewer: Viewer, id: string): Promise<TrainerSessionType> {
    const em = this.em.fork();
    await this.requireTrainerOrCoordinator(em, viewer, id);
    const session = await em.findOne(Session, id, { populate: ['course', 'parts', 'venue'] });
    if (!session) {
      throw notFound();
    }
    const [confirmed, counts, names] = await Promise.all([
      em.find(Booking, { session, status: BookingStatus.CONFIRMED }, { populate: ['person.agency', 'agency'] }),
      this.repo.placeCounts(em, session.id),
      this.trainers.namesBySession(em, [session.id]),
    ]);
    const attendees = confirmed
      .map((b) => ({
        id: b.id,
        name: b.person.name,
        agencyName: (b.agency ?? b.person.agency)?.name ?? null,
        accessNeeds: b.accessNeeds?.trim() || null,
        dietaryNeeds: b.dietaryNeeds?.trim() || null,
      }))
      .sort(byAttendeeName);
    return {
      ...this.summary(session, counts, countNeedsToPlanFor(confirmed)),
      onlineUrl: session.onlineUrl ?? null,
      joiningInstructions: session.joiningInstructions ?? null,
      trainerNames: names.get(session.id) ?? [],
      youTrain: await this.trainers.isTrainerOn(em, session.id, viewer.id),
      attendees: attendees.map(({ id: bookingId, ...a }) => ({ bookingId, ...a })),
    };
  }

  /**
   * The access rule of every page about one session for its trainers (this one, and its registers):
   * the viewer trains the session, or is a coordinator. Anyone else, and an unknown id, get NOT_FOUND.
   */
  async requireTrainerOrCoordinator(em: EntityManager, viewer: Viewer, sessionId: string): Promise<void> {
    if (!isUuid(sessionId)) {
      throw notFound();
    }
    if (isCoordinator(viewer)) {
      return;
    }
    if (!(await this.trainers.isTrainerOn(em, sessionId, viewer.id))) {
      throw notFound();
    }
  }

  /** For each session, how many confirmed places come with access or dietary needs (the domain's rule). */
  private async needsCounts(em: EntityManager, sessionIds: string[]): Promise<Map<string, number>> {
    if (!sessionIds.length) {
      return new Map();
    }
    const confirmed = await em.find(
      Booking,
      { session: { $in: sessionIds }, status: BookingStatus.CONFIRMED },
      { fields: ['session', 'accessNeeds', 'dietaryNeeds'] },
    );
    const bySession = new Map<string, { accessNeeds?: string | null; dietaryNeeds?: string | null }[]>();
    for (const b of confirmed) {
      bySession.set(b.session.id, [...(bySession.get(b.session.id) ?? []), b]);
    }
    return new Map([...bySession].map(([id, places]) => [id, countNeedsToPlanFor(places)]));
  }

  private summary(s: Session, counts: PlaceCounts, needsCount: number): TrainerSessionSummaryType {
    const { venue, room, online } = sessionTimesAndPlace(s);
    return {
      id: s.id,
      course: { id: s.course.id, title: s.course.title },
      status: s.status,
      cancellationReason: s.status === SessionStatus.CANCELLED ? (s.cancellationReason ?? null) : null,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      parts: sortedParts(s).map((p) => ({ id: p.id, startsAt: p.startsAt, endsAt: p.endsAt })),
      venue,
      room,
      online,
      capacity: s.capacity,
      confirmed: counts.confirmed,
      pending: counts.pending,
      waiting: counts.waiting,
      needsCount,
    };
  }
}
