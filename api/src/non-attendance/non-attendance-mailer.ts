import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MailKind } from '@lh/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import * as templates from '../notifications/mail-templates';
import { sessionPlace } from '../notifications/session-place';
import type { Booking } from '../booking/booking.entity';
import type { Session } from '../scheduling/session.entity';
import type { NonAttendanceCharge } from './non-attendance-charge.entity';

/**
 * The line manager to copy in: the one who approved this booking, else the person's usual line manager
 * on their account; none when neither is known (or it is the person's own address).
 */
export function lineManagerOf(booking: Booking): string | null {
  const address = (booking.managerEmail ?? booking.person.lineManagerEmail ?? '').trim().toLowerCase();
  return address && address !== booking.person.email.toLowerCase() ? address : null;
}

/**
 * The mail to someone the register shows did not attend, and the copy to their line manager where
 * their agency asks for one, queued in the transaction that decided the outcome. Once per booking:
 * an outcome corrected away and back again does not send it twice.
 */
@Injectable()
export class NonAttendanceMailer {
  constructor(
    private readonly outbox: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `booking` with person and agency loaded; `session` with course, parts and venue. */
  async didNotAttend(em: EntityManager, booking: Booking, session: Session, charge: NonAttendanceCharge | null): Promise<void> {
    if (await this.outbox.wasQueued(em, { bookingId: booking.id }, MailKind.NON_ATTENDANCE)) {
      return;
    }
    const agency = booking.agency ?? null;
    const details = {
      partnershipName: this.config.partnershipName,
      session: {
        courseTitle: session.course.title,
        parts: session.parts
          .getItems()
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
          .map((p) => ({ start: p.startsAt, end: p.endsAt })),
        place: sessionPlace(session, { withJoinUrl: false }),
      },
      charge:
        charge && agency
          ? { agencyName: agency.name, amountPence: charge.amountPence, perDayPence: charge.perDayPence, days: charge.days }
          : null,
      contact: { email: this.config.partnershipContactEmail, phone: this.config.partnershipContactPhone },
      links: { course: `${this.config.webOrigin}/courses/${session.course.id}` },
    };
    const about = { personId: booking.person.id, sessionId: session.id, bookingId: booking.id };
    await this.outbox.enqueue(em, {
      kind: MailKind.NON_ATTENDANCE,
      to: { email: booking.person.email, name: booking.person.name },
      ...templates.nonAttendance({ ...details, recipientName: booking.person.name }),
      ...about,
    });
    const manager = lineManagerOf(booking);
    if (agency?.copyManagersOnNonAttendance && manager) {
      await this.outbox.enqueue(em, {
        kind: MailKind.NON_ATTENDANCE_MANAGER_COPY,
        to: { email: manager, name: `${booking.person.name}'s line manager` },
        ...templates.nonAttendanceManagerCopy({
          ...details,
          recipientName: 'line manager',
          practitionerName: booking.person.name,
          agencyName: agency.name,
        }),
        ...about,
      });
    }
  }
}
