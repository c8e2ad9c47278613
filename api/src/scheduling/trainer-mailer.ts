import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InviteMethod, MailKind, trainerInviteUid } from '@lh/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { BookingRepository } from '../booking/booking.repository';
import { MailOutboxService, type InviteDraft } from '../notifications/mail-outbox.service';
import * as templates from '../notifications/mail-templates';
import { trainerInvites, type InviteSession } from '../notifications/session-invites';
import { sessionPlace } from '../notifications/session-place';
import type { Person } from '../people/person.entity';
import type { Session } from './session.entity';
import { sortedParts } from './scheduling-views';

/**
 * The mail to a session's trainers, written to the outbox in the transaction of the change, with one
 * calendar invite per part under the trainer's own UIDs (trainerInviteUid): REQUEST when they are put
 * on a session or it changes (the outbox raises the SEQUENCE), CANCEL when they are taken off it or it
 * is called off. Trainers get what the people with a confirmed place get (the joining link and
 * instructions) and the numbers booked. The session must be loaded with course, parts and venue.
 */
@Injectable()
export class TrainerMailer {
  constructor(
    private readonly outbox: MailOutboxService,
    private readonly repo: BookingRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A trainer was put on the session. */
  async assigned(em: EntityManager, session: Session, trainer: Person): Promise<void> {
    const content = templates.trainerAssigned({
      ...this.common(session, trainer),
      numbers: await this.numbers(em, session),
      joiningInstructions: session.joiningInstructions ?? null,
      links: this.links(session),
    });
    await this.send(em, session, trainer, MailKind.TRAINER_ASSIGNED, content, this.invites(session, trainer, 'REQUEST'));
  }

  /** A trainer was taken off the session: their events are withdrawn. */
  async removed(em: EntityManager, session: Session, trainer: Person): Promise<void> {
    const content = templates.trainerRemoved({ ...this.common(session, trainer), links: { yourSessions: this.yourSessionsUrl() } });
    await this.send(em, session, trainer, MailKind.TRAINER_REMOVED, content, this.invites(session, trainer, 'CANCEL'));
  }

  /**
   * The session's dates, place or joining instructions changed: every trainer gets the new details with
   * updated invites (same UIDs, SEQUENCE up), and a CANCEL for the invite of any part that was removed.
   */
  async sessionChanged(em: EntityManager, session: Session, changes: string[]): Promise<void> {
    const trainers = session.trainers.getItems();
    if (!changes.length || !trainers.length) {
      return;
    }
    const numbers = await this.numbers(em, session);
    for (const trainer of trainers) {
      const content = templates.trainerSessionChanged({
        ...this.common(session, trainer),
        changes,
        numbers,
        joiningInstructions: session.joiningInstructions ?? null,
        links: this.links(session),
      });
      const invites = [...this.invites(session, trainer, 'REQUEST'), ...(await this.withdrawnParts(em, session, trainer))];
      await this.send(em, session, trainer, MailKind.TRAINER_SESSION_CHANGED, content, invites);
    }
  }

  /** The whole session was called off: every trainer is told and their events are withdrawn. */
  async sessionCancelled(em: EntityManager, session: Session, reason: string | null): Promise<void> {
    for (const trainer of session.trainers.getItems()) {
      const content = templates.trainerSessionCancelled({
        ...this.common(session, trainer),
        reason,
        links: { yourSessions: this.yourSessionsUrl() },
      });
      await this.send(em, session, trainer, MailKind.TRAINER_SESSION_CANCELLED, content, this.invites(session, trainer, 'CANCEL'));
    }
  }

  /** A CANCEL for each event an earlier invite left for a part that no longer exists (the outbox knows which). */
  private async withdrawnParts(em: EntityManager, session: Session, trainer: Person): Promise<InviteDraft[]> {
    const current = new Set(session.parts.getItems().map((p) => trainerInviteUid(session.id, trainer.id, p.id)));
    return (await this.outbox.lastInvites(em, { trainer: { sessionId: session.id, personId: trainer.id } }))
      .filter((last) => !current.has(last.uid) && last.method === InviteMethod.REQUEST)
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((last) => ({
        method: 'CANCEL' as const,
        uid: last.uid,
        summary: last.summary ?? session.course.title,
        description: 'This part of the course has been removed.',
        location: last.location ?? '',
        start: last.start,
        end: last.end,
      }));
  }

  private invites(session: Session, trainer: Person, method: 'REQUEST' | 'CANCEL'): InviteDraft[] {
    return trainerInvites({
      method,
      sessionId: session.id,
      personId: trainer.id,
      session: this.inviteSession(session),
      sessionUrl: this.links(session).session,
    });
  }

  private async send(
    em: EntityManager,
    session: Session,
    trainer: Person,
    kind: MailKind,
    content: templates.MailContent,
    invites: InviteDraft[],
  ): Promise<void> {
    await this.outbox.enqueue(em, {
      kind,
      to: { email: trainer.email, name: trainer.name },
      ...content,
      invites,
      personId: trainer.id,
      sessionId: session.id,
      bookingId: null,
    });
  }

  private async numbers(em: EntityManager, session: Session): Promise<templates.TrainerSessionNumbers> {
    const counts = await this.repo.placeCounts(em, session.id);
    return { capacity: session.capacity, confirmed: counts.confirmed, pending: counts.pending, waiting: counts.waiting };
  }

  private common(session: Session, trainer: Person) {
    return {
      partnershipName: this.config.partnershipName,
      recipientName: trainer.name,
      session: {
        courseTitle: session.course.title,
        parts: sortedParts(session).map((p) => ({ start: p.startsAt, end: p.endsAt })),
        place: sessionPlace(session, { withJoinUrl: true }),
      },
    };
  }

  private inviteSession(session: Session): InviteSession {
    return {
      courseTitle: session.course.title,
      parts: sortedParts(session).map((p) => ({ id: p.id, start: p.startsAt, end: p.endsAt })),
      place: sessionPlace(session, { withJoinUrl: true }),
      joiningInstructions: session.joiningInstructions ?? null,
    };
  }

  private links(session: Session): { session: string; yourSessions: string } {
    return { session: `${this.yourSessionsUrl()}/${session.id}`, yourSessions: this.yourSessionsUrl() };
  }

  private yourSessionsUrl(): string {
    return `${this.config.webOrigin}/your-sessions`;
  }
}
