import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BookingStatus, MailKind } from '@lh/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Booking } from '../booking/booking.entity';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { compose, links, p, sessionFacts } from '../notifications/mail-layout';
import { sessionPlace } from '../notifications/session-place';

/** The kind a coordinator's message to a session's people is logged as in the mail log. */
export const SESSION_MESSAGE_MAIL_KIND = MailKind.SESSION_MESSAGE;

/** A coordinator's message to one person booked on a session: their words, the session's details, a link to the booking. */
@Injectable()
export class RosterMailer {
  constructor(
    private readonly outbox: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Session (course, parts, venue) and person must be loaded. Call inside the sending transaction. */
  async message(em: EntityManager, booking: Booking, subject: string, message: string): Promise<void> {
    const s = booking.session;
    const confirmed = booking.status === BookingStatus.CONFIRMED;
    const content = compose({
      subject: `${subject}: ${s.course.title}`,
      partnershipName: this.config.partnershipName,
      recipientName: booking.person.name,
      heading: subject,
      body: [
        ...message
          .split(/\n\s*\n/)
          .map((para) => para.trim())
          .filter(Boolean)
          .map(p),
        sessionFacts(
          {
            courseTitle: s.course.title,
            parts: s.parts
              .getItems()
              .map((part) => ({ start: part.startsAt, end: part.endsAt }))
              .sort((a, b) => a.start.getTime() - b.start.getTime()),
            place: sessionPlace(s, { withJoinUrl: confirmed }),
          },
          { joinLink: confirmed },
        ),
      ],
      next: [
        p('This message is from the training team about your booking.'),
        links({ text: 'View your booking', href: `${this.config.webOrigin}/bookings/${booking.id}` }),
      ],
    });
    await this.outbox.enqueue(em, {
      kind: SESSION_MESSAGE_MAIL_KIND,
      to: { email: booking.person.email, name: booking.person.name },
      personId: booking.person.id,
      sessionId: s.id,
      bookingId: booking.id,
      ...content,
    });
  }
}
