import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, InviteMethod, MailKind, inviteUid, reminderSendTimes } from '@lh/domain';
import { sessionPlace } from '../notifications/session-place';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { signToken } from '../common/signed-token';
import { MailOutboxService, type InviteDraft } from '../notifications/mail-outbox.service';
import * as templates from '../notifications/mail-templates';
import { sessionInvites, type InviteSession } from '../notifications/session-invites';
import type { Session } from '../scheduling/session.entity';
import type { Booking } from './booking.entity';

export const APPROVAL_TOKEN_PURPOSE = 'booking-approval';

export interface ChangeContext {
  reason?: string | null;
  /** The person changed their own booking (as opposed to the training team or the system). */
  byThemselves?: boolean;
  /** The caller sends its own mail for this change (for example a whole session cancelled). */
  silent?: boolean;
  /** Who decided an approval: the line manager by their link, or the training team on their behalf. */
  decidedBy?: 'line-manager' | 'training-team';
}

/**
 * The mail that goes with each change to a booking, written to the outbox in the same transaction
 * as the change. The booking's person, session (with course, parts and venue) must be loaded.
 */
@Injectable()
export class BookingMailer {
  constructor(
    private readonly outbox: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Call after a booking moved from `from` (null for a new booking) to its current status, `ctx.at`
   * being when that happened (reminders already due by then are not queued).
   */
  async statusChanged(em: EntityManager, booking: Booking, from: BookingStatus | null, ctx: ChangeContext & { at: Date }): Promise<void> {
    const to = booking.status;
    switch (to) {
      case BookingStatus.CONFIRMED:
        if (from === BookingStatus.PENDING_APPROVAL) {
          await this.send(
            em,
            booking,
            MailKind.BOOKING_APPROVED,
            templates.bookingApproved(
              this.common(booking, {
                approverName: ctx.decidedBy === 'training-team' ? "The training team, on your line manager's behalf," : 'Your line manager',
                links: { booking: this.bookingUrl(booking) },
              }),
            ),
          );
          await this.decisionConfirmed(em, booking, true, ctx);
        }
        return this.confirmed(em, booking, ctx.at, from === null);
      case BookingStatus.WAITLISTED:
        return this.send(
          em,
          booking,
          MailKind.WAITING_LIST_JOINED,
          templates.waitingListJoined(this.common(booking, { links: { booking: this.bookingUrl(booking) } })),
        );
      case BookingStatus.OFFERED:
        return this.send(
          em,
          booking,
          MailKind.PLACE_OFFERED,
          templates.placeOffered(
            this.common(booking, {
              deadline: booking.offerExpiresAt!,
              links: { accept: `${this.bookingUrl(booking)}#offer`, decline: `${this.bookingUrl(booking)}#offer` },
            }),
          ),
        );
      case BookingStatus.PENDING_APPROVAL:
        await this.approvalRequested(em, booking);
        return this.send(
          em,
          booking,
          MailKind.APPROVAL_PENDING,
          templates.approvalPending(
            this.common(booking, {
              managerEmail: booking.managerEmail!,
              deadline: booking.approvalExpiresAt ?? null,
              links: { booking: this.bookingUrl(booking) },
            }),
          ),
        );
      case BookingStatus.EXPIRED:
        if (from === BookingStatus.OFFERED) {
          return this.send(
            em,
            booking,
            MailKind.OFFER_EXPIRED,
            templates.offerExpired(this.common(booking, { links: { course: this.courseUrl(booking) } })),
          );
        }
        return this.send(
          em,
          booking,
          MailKind.BOOKING_DECLINED,
          templates.bookingDeclined(
            this.common(booking, {
              reason: 'Your line manager did not answer in time, so the place was released. You can book again.',
              links: { course: this.courseUrl(booking) },
            }),
          ),
        );
      case BookingStatus.DECLINED:
        await this.decisionConfirmed(em, booking, false, ctx);
        return this.send(
          em,
          booking,
          MailKind.BOOKING_DECLINED,
          templates.bookingDeclined(
            this.common(booking, {
              reason: ctx.reason ?? null,
              declinedBy: ctx.decidedBy === 'training-team' ? "The training team, on your line manager's behalf," : null,
              links: { course: this.courseUrl(booking) },
            }),
          ),
        );
      case BookingStatus.CANCELLED:
        await this.outbox.cancelPending(em, { bookingId: booking.id }, [MailKind.REMINDER]);
        if (from === BookingStatus.OFFERED && ctx.byThemselves) {
          return;
        } // declined an offer: nothing to tell them
        await this.send(
          em,
          booking,
          MailKind.BOOKING_CANCELLED,
          templates.bookingCancelled(
            this.common(booking, {
              reason: ctx.reason ?? null,
              cancelledByYou: !!ctx.byThemselves,
              from: from ?? BookingStatus.CONFIRMED,
              late: booking.lateCancellation,
              links: { course: this.courseUrl(booking) },
            }),
          ),
          from === BookingStatus.CONFIRMED ? 'CANCEL' : undefined,
        );
        return;
    }
  }

  /** The session changed (date, times, venue, link): updated invites (same UIDs, higher SEQUENCE) and reminders moved. */
  async sessionChanged(em: EntityManager, booking: Booking, changes: string[], at: Date): Promise<void> {
    const confirmed = booking.status === BookingStatus.CONFIRMED;
    const links = { booking: this.bookingUrl(booking), cancel: `${this.bookingUrl(booking)}#cancel` };
    const joiningInstructions = confirmed ? (booking.session.joiningInstructions ?? null) : null;
    const content = templates.sessionChanged(this.common(booking, { changes, confirmed, joiningInstructions, links }));
    const withdrawn = confirmed ? await this.withdrawnInvites(em, booking, 'This part of the course has been removed.') : [];
    await this.send(em, booking, MailKind.SESSION_CHANGED, content, confirmed ? 'REQUEST' : undefined, withdrawn);
    if (confirmed) {
      await this.outbox.cancelPending(em, { bookingId: booking.id }, [MailKind.REMINDER]);
      await this.scheduleReminders(em, booking, links, at);
    }
  }

  /**
   * A part removed from a session leaves its invite in people's calendars: a CANCEL for every invite
   * UID of this booking whose last word was REQUEST and whose part no longer exists.
   */
  private async withdrawnInvites(em: EntityManager, booking: Booking, description: string): Promise<InviteDraft[]> {
    const current = new Set(booking.session.parts.getItems().map((p) => inviteUid(booking.id, p.id)));
    return (await this.outbox.lastInvites(em, { bookingId: booking.id }))
      .filter((last) => !current.has(last.uid) && last.method === InviteMethod.REQUEST)
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((last) => ({
        method: 'CANCEL' as const,
        uid: last.uid,
        summary: last.summary ?? booking.session.course.title,
        description,
        location: last.location ?? '',
        start: last.start,
        end: last.end,
      }));
  }

  /**
   * A place moved to another date: one mail saying so (old and new dates), carrying the new date's
   * invites and, when the old place was confirmed (so it had calendar events), a CANCEL for each of the
   * old date's parts, so the calendar holds only the new date. The new booking has its own UIDs (they
   * are built from the booking and part ids), so the old events are withdrawn by their own UIDs, as a
   * cancelled booking's are. Reminders follow the new date.
   */
  async moved(em: EntityManager, from: Booking, fromStatus: BookingStatus, to: Booking, reason: string | null, at: Date): Promise<void> {
    const hadEvents = fromStatus === BookingStatus.CONFIRMED;
    await this.outbox.cancelPending(em, { bookingId: from.id }, [MailKind.REMINDER]);
    const links = { booking: this.bookingUrl(to), cancel: `${this.bookingUrl(to)}#cancel` };
    const content = templates.bookingMoved(
      this.common(to, {
        previous: this.details(from.session, false),
        oldEventsCancelled: hadEvents,
        reason,
        joiningInstructions: to.session.joiningInstructions ?? null,
        links,
      }),
    );
    const withdrawn = hadEvents
      ? sessionInvites({
          method: 'CANCEL',
          bookingId: from.id,
          session: this.inviteSession(from.session, false),
          bookingUrl: this.bookingUrl(from),
        })
      : [];
    await this.send(em, to, MailKind.BOOKING_MOVED, content, 'REQUEST', withdrawn);
    await this.scheduleReminders(em, to, links, at);
  }

  /** The session's joining instructions, sent on request by the training team (to confirmed people). */
  async joiningInstructions(em: EntityManager, booking: Booking): Promise<void> {
    const content = templates.joiningInstructions(
      this.common(booking, { instructions: booking.session.joiningInstructions ?? '', links: { booking: this.bookingUrl(booking) } }),
    );
    await this.outbox.enqueue(em, { kind: MailKind.JOINING_INSTRUCTIONS, ...this.addressing(booking), ...content });
  }

  /** The whole session was cancelled: the booking was live; invites are withdrawn. */
  async sessionCancelled(
    em: EntityManager,
    booking: Booking,
    opts: { wasConfirmed: boolean; reason: string | null; otherDates: string[] },
  ): Promise<void> {
    await this.outbox.cancelPending(em, { bookingId: booking.id }, [MailKind.REMINDER]);
    await this.send(
      em,
      booking,
      MailKind.SESSION_CANCELLED,
      templates.sessionCancelled(
        this.common(booking, {
          reason: opts.reason,
          otherDates: opts.otherDates,
          hadCalendarEvent: opts.wasConfirmed,
          links: { course: this.courseUrl(booking) },
        }),
      ),
      opts.wasConfirmed ? 'CANCEL' : undefined,
    );
  }

  /** The manager's approve/decline link: signed, expiring with the hold, single use (the booking's state). */
  approvalToken(booking: Booking): string {
    return signToken(this.config.appSecret, APPROVAL_TOKEN_PURPOSE, booking.id, booking.approvalExpiresAt!);
  }

  /** `isNew`: the booking was made in this transaction, so no invite for its UIDs exists yet and each starts at SEQUENCE 0. */
  private async confirmed(em: EntityManager, booking: Booking, at: Date, isNew: boolean): Promise<void> {
    const links = { booking: this.bookingUrl(booking), cancel: `${this.bookingUrl(booking)}#cancel` };
    const joiningInstructions = booking.session.joiningInstructions ?? null;
    await this.send(
      em,
      booking,
      MailKind.BOOKING_CONFIRMED,
      templates.bookingConfirmed(this.common(booking, { links, joiningInstructions })),
      'REQUEST',
      [],
      isNew,
    );
    await this.scheduleReminders(em, booking, links, at);
  }

  private async scheduleReminders(
    em: EntityManager,
    booking: Booking,
    links: { booking: string; cancel: string },
    at: Date,
  ): Promise<void> {
    for (const r of reminderSendTimes(booking.session.startsAt, this.config.reminderDaysBefore, at)) {
      const content = templates.reminder(
        this.common(booking, { daysBefore: r.daysBefore, links, joiningInstructions: booking.session.joiningInstructions ?? null }),
      );
      await this.outbox.scheduleMail(em, { kind: MailKind.REMINDER, ...this.addressing(booking), ...content }, r.sendAt);
    }
  }

  private async approvalRequested(em: EntityManager, booking: Booking): Promise<void> {
    const token = this.approvalToken(booking);
    const base = `${this.config.webOrigin}/approvals/${token}`;
    const content = templates.approvalRequested({
      ...this.common(booking, {}),
      recipientName: 'line manager',
      practitionerName: booking.person.name,
      practitionerJobTitle: booking.person.jobTitle ?? null,
      practitionerAgency: booking.person.agency?.name ?? null,
      deadline: booking.approvalExpiresAt ?? null,
      links: { approve: `${base}?decision=approve`, decline: `${base}?decision=decline` },
    });
    await this.outbox.enqueue(em, {
      kind: MailKind.APPROVAL_REQUESTED,
      to: { email: booking.managerEmail!, name: `${booking.person.name}'s line manager` },
      ...content,
      personId: booking.person.id,
      sessionId: booking.session.id,
      bookingId: booking.id,
    });
  }

  /** A line manager who decided through their link gets a record of what they decided. */
  private async decisionConfirmed(em: EntityManager, booking: Booking, approved: boolean, ctx: ChangeContext): Promise<void> {
    if (ctx.decidedBy !== 'line-manager' || !booking.managerEmail) {
      return;
    }
    const content = templates.approvalDecided({
      ...this.common(booking, {}),
      recipientName: 'line manager',
      approved,
      practitionerName: booking.person.name,
      reason: ctx.reason ?? null,
      links: { course: this.courseUrl(booking) },
    });
    await this.outbox.enqueue(em, {
      kind: MailKind.APPROVAL_DECIDED,
      to: { email: booking.managerEmail, name: `${booking.person.name}'s line manager` },
      ...content,
      personId: booking.person.id,
      sessionId: booking.session.id,
      bookingId: booking.id,
    });
  }

  /**
   * One mail per change. With `inviteMethod` it carries one invite per session part (each its own
   * UID and .ics), then any `extra` invites (cancellations of events an earlier invite left).
   */
  private async send(
    em: EntityManager,
    booking: Booking,
    kind: MailKind,
    content: templates.MailContent,
    inviteMethod?: 'REQUEST' | 'CANCEL',
    extra: InviteDraft[] = [],
    firstInvites = false,
  ): Promise<void> {
    const invites = inviteMethod
      ? sessionInvites({
          method: inviteMethod,
          bookingId: booking.id,
          session: this.inviteSession(booking.session, booking.status === BookingStatus.CONFIRMED),
          bookingUrl: this.bookingUrl(booking),
        }).map((draft) => (firstInvites ? { ...draft, sequence: 0 } : draft))
      : [];
    await this.outbox.enqueue(em, { kind, ...this.addressing(booking), ...content, invites: [...invites, ...extra] });
  }

  private addressing(booking: Booking) {
    return {
      to: { email: booking.person.email, name: booking.person.name },
      personId: booking.person.id,
      sessionId: booking.session.id,
      bookingId: booking.id,
    };
  }

  private common<T extends object>(booking: Booking, extra: T) {
    return {
      partnershipName: this.config.partnershipName,
      recipientName: booking.person.name,
      session: this.details(booking.session, booking.status === BookingStatus.CONFIRMED),
      ...extra,
    };
  }

  /** The joining link and instructions go only to people with a confirmed place (`confirmed`). */
  private details(session: Session, confirmed: boolean): templates.SessionDetails {
    return {
      courseTitle: session.course.title,
      parts: session.parts.getItems().map((p) => ({ start: p.startsAt, end: p.endsAt })),
      place: sessionPlace(session, { withJoinUrl: confirmed }),
    };
  }

  private inviteSession(session: Session, confirmed: boolean): InviteSession {
    return {
      courseTitle: session.course.title,
      parts: session.parts.getItems().map((p) => ({ id: p.id, start: p.startsAt, end: p.endsAt })),
      place: sessionPlace(session, { withJoinUrl: confirmed }),
      joiningInstructions: confirmed ? (session.joiningInstructions ?? null) : null,
    };
  }

  private bookingUrl(booking: Booking): string {
    return `${this.config.webOrigin}/bookings/${booking.id}`;
  }

  private courseUrl(booking: Booking): string {
    return `${this.config.webOrigin}/courses/${booking.session.course.id}`;
  }
}
