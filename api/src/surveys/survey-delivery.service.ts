import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { LockMode, MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  PersonStatus,
  SurveyAudience,
  SurveyInvitationStatus,
  SurveyStage,
  impactSurveyDueAt,
  inSurveySendingHours,
  nextSurveyReminderAt,
  nextSurveySendingTime,
} from '@lh/domain';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import { JobsService } from '../jobs/jobs.service';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { CompletionChangeKind, type CompletionChange } from '../records/session-completions';
import { SurveyInvitation } from './survey-invitation.entity';
import { SurveyInvitations } from './survey-invitations';
import { SURVEY_MAIL_KINDS, SurveyMail } from './survey-mail';
import { SurveyOptOut, SurveySchedule, SurveyScheduleStatus } from './survey-schedule.entity';

/** The pg-boss queue whose jobs run a survey sweep (due 6/12-month surveys, reminders, closing). */
export const SURVEY_DELIVERY_QUEUE = 'survey-delivery';
const IMPACT_STAGES = [SurveyStage.SIX_MONTHS, SurveyStage.TWELVE_MONTHS] as const;
/** Rows taken per transaction in a sweep. */
const BATCH = 50;
const DAY = 86_400_000;
const POPULATE = ['booking.session.course', 'booking.agency', 'person.agency', 'templateVersion'] as const;

export interface SweepResult {
  invited: number;
  skipped: number;
  reminded: number;
  closed: number;
}

/**
 * Delivery of surveys to the places whose outcome completes the course. At sign-off (in its transaction, from
 * `completionsChanged`): the end-of-course evaluation is mailed and the 6- and 12-month surveys are scheduled
 * (`survey_schedule`, due after the session's last part); a correction that takes attendance away withdraws the
 * open invitations, cancels the schedule and the survey mail not yet sent, and one that gives it back schedules
 * again. A sweep (pg-boss, every 5 minutes and on start) invites and mails what fell due, sends reminders and
 * closes expired invitations; it sends only in sending hours (working days, 09:00-18:00 London), never chases
 * people who left their agency, and asks no impact survey of anyone who opted out.
 */
@Injectable()
export class SurveyDelivery implements OnModuleInit {
  private readonly logger = new Logger('Surveys');

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly invitations: SurveyInvitations,
    private readonly mail: SurveyMail,
    private readonly outbox: MailOutboxService,
  ) {}

  onModuleInit(): void {
    this.jobs.work(SURVEY_DELIVERY_QUEUE, () => this.sweep(this.clock.now()).then(() => undefined), {
      policy: 'short',
      retryLimit: 3,
      retryDelay: 30,
      expireInSeconds: 15 * 60,
      runOnStart: true,
    });
    this.jobs.schedule(SURVEY_DELIVERY_QUEUE, '*/5 * * * *');
  }

  /** Follows what sign-off or a correction did to places' completions, in that transaction. */
  async completionsChanged(em: EntityManager, changes: readonly CompletionChange[], now: Date): Promise<void> {
    for (const { completion, kind } of changes) {
      if (!completion.booking) {
        continue;
      }
      // each place in a fresh identity map on the same transaction: a 250-person sign-off flushes small change sets
      const place = em.fork({ keepTransactionContext: true, clear: true });
      const booking = await place.findOneOrFail(Booking, completion.booking.id, { populate: ['session.course', 'person'] });
      if (kind === CompletionChangeKind.REVOKED) {
        await this.withdrawAll(place, booking, completion.revokedReason ?? 'The register was corrected', now);
      } else {
        await this.deliverOnCompletion(place, booking, now);
      }
    }
  }

  /** The evaluation (mailed once, now) and the impact surveys scheduled; asking again changes nothing. */
  private async deliverOnCompletion(em: EntityManager, booking: Booking, now: Date): Promise<void> {
    await this.inviteAndMail(em, booking, SurveyStage.END_OF_COURSE, SurveyAudience.ATTENDEE, now);
    for (const stage of IMPACT_STAGES) {
      const dueAt = impactSurveyDueAt(booking.session.endsAt, stage);
      const row = await em.findOne(SurveySchedule, { booking, stage });
      if (!row) {
        em.create(SurveySchedule, { booking, stage, dueAt });
      } else if (row.status === SurveyScheduleStatus.CANCELLED) {
        Object.assign(row, { status: SurveyScheduleStatus.WAITING, dueAt, doneAt: null, note: null });
      }
    }
    await em.flush();
  }

  private async withdrawAll(em: EntityManager, booking: Booking, reason: string, now: Date): Promise<void> {
    for (const invitation of await em.find(SurveyInvitation, { booking, status: SurveyInvitationStatus.OPEN })) {
      invitation.nextReminderAt = null;
      await this.invitations.withdraw(em, invitation, reason, now);
    }
    await em.nativeUpdate(
      SurveySchedule,
      { booking, status: { $in: [SurveyScheduleStatus.WAITING, SurveyScheduleStatus.SENT] } },
      { status: SurveyScheduleStatus.CANCELLED, doneAt: now, note: reason },
    );
    await this.outbox.cancelPending(em, { bookingId: booking.id }, SURVEY_MAIL_KINDS);
  }

  /** Invites and mails, unless there is a live invitation already (asked once) or no one to ask; true when mailed. */
  private async inviteAndMail(
    em: EntityManager,
    booking: Booking,
    stage: SurveyStage,
    audience: SurveyAudience,
    now: Date,
  ): Promise<boolean> {
    const live = await em.count(SurveyInvitation, { booking, stage, audience, status: { $ne: SurveyInvitationStatus.WITHDRAWN } });
    const invitation = live ? null : await this.invitations.invite(em, { booking, stage, audience, now });
    if (!invitation) {
      return false;
    }
    await this.mailNew(em, invitation, now);
    return true;
  }

  /** Mails a new invitation and sets its first reminder. */
  private async mailNew(em: EntityManager, invitation: SurveyInvitation, now: Date): Promise<void> {
    await em.populate(invitation, POPULATE);
    await this.mail.send(em, invitation, 0, now);
    invitation.nextReminderAt = nextSurveyReminderAt(invitation.createdAt, 0, invitation.expiresAt);
    await em.flush();
  }

  /** One pass: closes what expired; in sending hours, also invites what fell due and sends due reminders. */
  async sweep(now: Date): Promise<SweepResult> {
    const result: SweepResult = { invited: 0, skipped: 0, reminded: 0, closed: 0 };
    result.closed = await this.orm.em
      .fork()
      .nativeUpdate(
        SurveyInvitation,
        { status: SurveyInvitationStatus.OPEN, expiresAt: { $lte: now } },
        { status: SurveyInvitationStatus.CLOSED, closedAt: now, nextReminderAt: null, draft: null, draftSavedAt: null },
      );
    if (inSurveySendingHours(now)) {
      while (await this.inBatch((em) => this.inviteDue(em, now, result))) {
        /* the next batch */
      }
      while (await this.inBatch((em) => this.remindDue(em, now, result))) {
        /* the next batch */
      }
    }
    if (result.invited || result.reminded || result.closed || result.skipped) {
      this.logger.log(`${result.invited} invited, ${result.reminded} reminded, ${result.closed} closed, ${result.skipped} skipped`);
    }
    return result;
  }

  /** Runs one batch in its own transaction; the batch says whether it found anything to do. */
  private inBatch(handle: (em: EntityManager) => Promise<boolean>): Promise<boolean> {
    return this.orm.em.fork().transactional(handle);
  }

  /** Due schedule rows, locked (rows another worker holds are skipped, so each is handled once). */
  private async inviteDue(em: EntityManager, now: Date, result: SweepResult): Promise<boolean> {
    const rows = await em.find(
      SurveySchedule,
      { status: SurveyScheduleStatus.WAITING, dueAt: { $lte: now } },
      { limit: BATCH, orderBy: { dueAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    if (rows.length) {
      await this.invitedDue(em, rows, now, result);
    }
    return rows.length > 0;
  }

  private async remindDue(em: EntityManager, now: Date, result: SweepResult): Promise<boolean> {
    const rows = await em.find(
      SurveyInvitation,
      { status: SurveyInvitationStatus.OPEN, nextReminderAt: { $lte: now }, expiresAt: { $gt: now } },
      { limit: BATCH, orderBy: { nextReminderAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    if (rows.length) {
      await this.remind(em, rows, now, result);
    }
    return rows.length > 0;
  }

  private async invitedDue(em: EntityManager, rows: SurveySchedule[], now: Date, result: SweepResult): Promise<void> {
    await em.populate(rows, ['booking.person.agency', 'booking.agency', 'booking.session.course']);
    const optedOut = await this.optedOut(
      em,
      rows.map((r) => r.booking.person.id),
    );
    for (const row of rows) {
      const why = this.notChased(row.booking) ?? (optedOut.has(row.booking.person.id) ? 'Opted out of impact surveys' : null);
      if (why) {
        Object.assign(row, { status: SurveyScheduleStatus.SKIPPED, doneAt: now, note: why });
        result.skipped++;
        continue;
      }
      for (const audience of [SurveyAudience.ATTENDEE, SurveyAudience.LINE_MANAGER]) {
        if (await this.inviteAndMail(em, row.booking, row.stage, audience, now)) {
          result.invited++;
        }
      }
      Object.assign(row, { status: SurveyScheduleStatus.SENT, doneAt: now });
    }
  }

  private async remind(em: EntityManager, rows: SurveyInvitation[], now: Date, result: SweepResult): Promise<void> {
    await em.populate(rows, POPULATE);
    const optedOut = await this.optedOut(
      em,
      rows.map((r) => r.person.id),
    );
    for (const invitation of rows) {
      const impact = invitation.stage !== SurveyStage.END_OF_COURSE;
      if (this.notChased(invitation.booking, invitation.person) || (impact && optedOut.has(invitation.person.id))) {
        invitation.nextReminderAt = null;
        continue;
      }
      invitation.reminderCount += 1;
      invitation.lastRemindedAt = now;
      await this.mail.send(em, invitation, invitation.reminderCount, now);
      const next = nextSurveyReminderAt(invitation.createdAt, invitation.reminderCount, invitation.expiresAt);
      // a late sweep never sends two reminders in a row: the next waits at least a day
      const atLeast = nextSurveySendingTime(new Date(now.getTime() + DAY));
      invitation.nextReminderAt = next && next < atLeast ? (atLeast < invitation.expiresAt ? atLeast : null) : next;
      result.reminded++;
    }
  }

  /** Why a person is no longer asked (they left the agency they booked under, or their account was closed), or null. */
  private notChased(booking: Booking, person = booking.person): string | null {
    if (person.status === PersonStatus.DEACTIVATED) {
      return 'Their account was closed';
    }
    return (person.agency?.id ?? null) !== (booking.agency?.id ?? null) ? 'They left the agency they booked under' : null;
  }

  private async optedOut(em: EntityManager, personIds: string[]): Promise<Set<string>> {
    if (!personIds.length) {
      return new Set();
    }
    return new Set((await em.find(SurveyOptOut, { person: { $in: personIds } })).map((o) => o.person.id));
  }
}
