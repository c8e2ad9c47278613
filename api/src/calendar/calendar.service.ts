import { sessionPlace } from '../notifications/session-place';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  BookingStatus,
  DomainError,
  ErrorCode,
  SessionStatus,
  buildFeed,
  calendarStatusFor,
  calendarSummary,
  cancelledSessionFeedCutoff,
  publishedSequence,
  type CalendarEvent,
  type CalendarEventStatus,
} from '@lh/domain';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { isOwnerOrCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Booking } from '../booking/booking.entity';
import { BookingEvent } from '../booking/booking-event.entity';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { sessionInvites, trainerInvites } from '../notifications/session-invites';
import type { InviteDraft } from '../notifications/mail-outbox.service';
import { Session } from '../scheduling/session.entity';
import { CalendarFeed } from './calendar-feed.entity';
import { CalendarFeedLinkType, CalendarFeedType, CalendarFileType } from './calendar.types';

/** Bookings a feed lists: places the person has or holds (see inCalendarFeed in @lh/domain). */
const FEED_STATUSES = [BookingStatus.CONFIRMED, BookingStatus.PENDING_APPROVAL, BookingStatus.OFFERED];
/** Calendar apps are asked to fetch a feed again after this long. */
const FEED_REFRESH_SECONDS = 3600;
/** A feed lists at most this many bookings, the most recent. */
const FEED_LIMIT = 500;
/** 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** An event before its SEQUENCE is looked up. */
interface EventDraft {
  invite: InviteDraft;
  cancelled: boolean;
  status: CalendarEventStatus;
  summary: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const noFeed = () => new DomainError(ErrorCode.NotFound, 'There is no calendar feed at this address. It may have been reset.');
const noBooking = () => new DomainError(ErrorCode.NotFound, 'There is no booking with that id, or it is not yours.');

/**
 * Calendars: each person's private feed of their bookings and the sessions they train (a secret address,
 * only its hash stored), and one booking as an .ics download. Both publish the same events as the invites (same UIDs, the
 * latest SEQUENCE sent), so calendar apps that got the invites do not show sessions twice.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Whether the viewer has a feed, and since when. Never the address: it is not kept. */
  async feed(viewer: Viewer): Promise<CalendarFeedType> {
    const feed = await this.em.fork().findOne(CalendarFeed, { person: viewer.id });
    return { exists: !!feed, createdAt: feed?.createdAt ?? null };
  }

  /** Makes a new feed address for the viewer (the old one, if any, stops working) and shows it this once. */
  async resetFeed(viewer: Viewer, now = new Date()): Promise<CalendarFeedLinkType> {
    const token = randomBytes(32).toString('base64url');
    await this.em
      .fork()
      .upsert(
        CalendarFeed,
        { id: randomUUID(), person: viewer.id, tokenHash: hashToken(token), createdAt: now },
        { onConflictFields: ['person'], onConflictAction: 'merge', onConflictMergeFields: ['tokenHash', 'createdAt'] },
      );
    return { url: `${this.config.webOrigin}/calendar/${token}.ics`, createdAt: now };
  }

  /** Turns the viewer's feed off: its address stops working. */
  async stopFeed(viewer: Viewer): Promise<CalendarFeedType> {
    await this.em.fork().nativeDelete(CalendarFeed, { person: viewer.id });
    return { exists: false, createdAt: null };
  }

  /** One booking as an .ics file: the viewer's own, or anyone's for a coordinator. */
  async bookingCalendar(viewer: Viewer, bookingId: string): Promise<CalendarFileType> {
    const em = this.em.fork();
    const booking = await em.findOne(Booking, bookingId, { populate: ['person', 'session.course', 'session.parts', 'session.venue'] });
    if (!booking || !isOwnerOrCoordinator(viewer, booking.person.id)) {
      throw noBooking();
    }
    const title = booking.session.course.title;
    const content = buildFeed({
      name: `Learning Hub: ${title}`,
      organizer: this.organizer(),
      events: await this.events(em, [booking]),
    });
    return { fileName: `${fileNameFor(title)}.ics`, content };
  }

  /**
   * The feed behind a feed address. No sign-in: the token is the permission. Unknown or reset tokens are not found.
   * Places on a session that was called off stay, as CANCELLED, until 30 days after it was due to end
   * (cancelledSessionInFeed), so subscribed calendars mark them cancelled rather than just losing them.
   */
  async feedForToken(token: string, now = this.clock.now()): Promise<string> {
    if (!TOKEN_PATTERN.test(token)) {
      throw noFeed();
    }
    const em = this.em.fork();
    const feed = await em.findOne(CalendarFeed, { tokenHash: hashToken(token) }, { populate: ['person'] });
    if (!feed) {
      throw noFeed();
    }
    const found = await em.find(
      Booking,
      {
        person: feed.person.id,
        $or: [
          { status: { $in: FEED_STATUSES } },
          {
            status: BookingStatus.CANCELLED,
            session: { status: SessionStatus.CANCELLED, endsAt: { $gt: cancelledSessionFeedCutoff(now) } },
          },
        ],
      },
      {
        populate: ['session.course', 'session.parts', 'session.venue'],
        orderBy: { session: { startsAt: 'desc' } },
        limit: FEED_LIMIT,
      },
    );
    // of the cancelled ones, only places the feed listed when the session was called off (not a place
    // the person had already given up, nor a waiting-list entry)
    const cancelledIds = found.filter((b) => b.status === BookingStatus.CANCELLED).map((b) => b.id);
    const calledOff = cancelledIds.length
      ? await em.find(
          BookingEvent,
          { booking: { $in: cancelledIds }, action: 'session-cancelled', fromStatus: { $in: FEED_STATUSES } },
          { fields: ['booking'] },
        )
      : [];
    const shownCancelled = new Set(calledOff.map((e) => e.booking.id));
    const bookings = found.filter((b) => b.status !== BookingStatus.CANCELLED || shownCancelled.has(b.id));
    // the sessions the person trains: while they are on them; called off ones as CANCELLED for 30 days, as places are
    const trained = await em.find(
      Session,
      {
        trainers: feed.person.id,
        $or: [{ status: SessionStatus.SCHEDULED }, { status: SessionStatus.CANCELLED, endsAt: { $gt: cancelledSessionFeedCutoff(now) } }],
      },
      { populate: ['course', 'parts', 'venue'], orderBy: { startsAt: 'desc' }, limit: FEED_LIMIT },
    );
    return buildFeed({
      name: `Learning Hub: ${feed.person.name}`,
      organizer: this.organizer(),
      refreshSeconds: FEED_REFRESH_SECONDS,
      events: await this.withSequences(em, [
        ...this.bookingDrafts(bookings.reverse()),
        ...this.trainerDrafts(feed.person.id, trained.reverse()),
      ]),
    });
  }

  private events(em: EntityManager, bookings: Booking[]): Promise<CalendarEvent[]> {
    return this.withSequences(em, this.bookingDrafts(bookings));
  }

  /**
   * A trainer's sessions, one event per part with the UIDs of their trainer invites (trainerInvites):
   * CONFIRMED with the joining link, or CANCELLED once the session is called off.
   */
  private trainerDrafts(personId: string, sessions: Session[]): EventDraft[] {
    return sessions.flatMap((session) => {
      const cancelled = session.status === SessionStatus.CANCELLED;
      const invites = trainerInvites({
        method: 'REQUEST',
        sessionId: session.id,
        personId,
        session: {
          courseTitle: session.course.title,
          parts: session.parts.getItems().map((p) => ({ id: p.id, start: p.startsAt, end: p.endsAt })),
          place: sessionPlace(session, { withJoinUrl: !cancelled }),
        },
        sessionUrl: `${this.config.webOrigin}/your-sessions/${session.id}`,
      });
      return invites.map((invite) => ({
        invite,
        cancelled,
        status: cancelled ? ('CANCELLED' as const) : ('CONFIRMED' as const),
        summary: cancelled ? `Cancelled: ${invite.summary}` : invite.summary,
      }));
    });
  }

  /** One event per session part, as the invites have them; the joining link only for confirmed places. */
  private bookingDrafts(bookings: Booking[]): EventDraft[] {
    return bookings.flatMap((b) => {
      const session = b.session;
      const cancelled = session.status === SessionStatus.CANCELLED;
      const status = calendarStatusFor(b.status, cancelled);
      const place = sessionPlace(session, { withJoinUrl: status === 'CONFIRMED' });
      const invites = sessionInvites({
        method: 'REQUEST',
        bookingId: b.id,
        session: {
          courseTitle: session.course.title,
          parts: session.parts.getItems().map((p) => ({ id: p.id, start: p.startsAt, end: p.endsAt })),
          place,
        },
        bookingUrl: `${this.config.webOrigin}/bookings/${b.id}`,
      });
      return invites.map((invite) => ({ invite, cancelled, status, summary: calendarSummary(invite.summary, b.status, cancelled) }));
    });
  }

  /** Each event with the SEQUENCE of the last invite queued for its UID (one up for a called-off session). */
  private async withSequences(em: EntityManager, drafts: EventDraft[]): Promise<CalendarEvent[]> {
    const sequences = await this.outbox.lastSequences(
      em,
      drafts.map((d) => d.invite.uid),
    );
    return drafts.map(({ invite, cancelled, status, summary }) => ({
      uid: invite.uid,
      sequence: publishedSequence(sequences.get(invite.uid), cancelled),
      status,
      summary,
      description: invite.description,
      location: invite.location,
      start: invite.start,
      end: invite.end,
      url: invite.url,
    }));
  }

  private organizer() {
    return { name: this.config.partnershipName, email: this.config.mailFromAddress };
  }
}

/** A file name from a course title: letters, digits, spaces and a little punctuation, at most 80 characters. */
export function fileNameFor(title: string): string {
  const name = title
    .replace(/[^\p{L}\p{N} ()_.,'-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return name || 'booking';
}
