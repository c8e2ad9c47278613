import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, SurveyAudience, SurveyInvitationStatus, SurveyStage } from '@lh/domain';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import { verifyToken } from '../common/signed-token';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Person } from '../people/person.entity';
import { SurveyInvitation } from './survey-invitation.entity';
import { SurveyInvitations } from './survey-invitations';
import { SURVEY_OPT_OUT_PURPOSE } from './survey-mail';
import { SurveyOptOut } from './survey-schedule.entity';

/**
 * A person's choice not to get impact surveys (by the link in any survey mail, no sign-in, or on their account
 * page), and the evaluation for a session the signed-in person attended (what the register screen's QR code opens).
 */
@Injectable()
export class SurveyOptOutService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly invitations: SurveyInvitations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether the signed-in person has stopped impact surveys. */
  async mine(viewer: Viewer): Promise<boolean> {
    return (await this.em.fork().count(SurveyOptOut, { person: viewer.id })) > 0;
  }

  /** Stops (true) or starts again (false) the signed-in person's impact surveys. */
  async setMine(viewer: Viewer, optOut: boolean): Promise<boolean> {
    await this.set(viewer.id, optOut, this.clock.now());
    return optOut;
  }

  /** Stops impact surveys by the link in a survey mail; returns the person's name for the page. */
  async optOutByLink(token: string): Promise<string> {
    const now = this.clock.now();
    const { subject } = verifyToken(this.config.appSecret, SURVEY_OPT_OUT_PURPOSE, token, now);
    const person = await this.em.fork().findOne(Person, subject);
    if (!person) {
      throw new DomainError(ErrorCode.InvalidToken, 'This link is not valid. Check you copied all of it.');
    }
    await this.set(person.id, true, now);
    return person.name;
  }

  private async set(personId: string, optOut: boolean, now: Date): Promise<void> {
    const em = this.em.fork();
    if (optOut) {
      await em.execute('insert into survey_opt_out (person_id, opted_out_at) values (?, ?) on conflict (person_id) do nothing', [
        personId,
        now,
      ]);
    } else {
      await em.nativeDelete(SurveyOptOut, { person: personId });
    }
  }

  /**
   * The personal link token of the signed-in person's end-of-course evaluation for a session, or null when there
   * is none (the register is not signed off yet, or their outcome does not complete the course). NOT_FOUND when
   * they had no place on it.
   */
  async evaluationFor(viewer: Viewer, sessionId: string): Promise<string | null> {
    const em = this.em.fork();
    const booking = await em.findOne(Booking, { session: sessionId, person: viewer.id }, { orderBy: { createdAt: 'desc' } });
    if (!booking) {
      throw new DomainError(ErrorCode.NotFound, 'You did not have a place on this session');
    }
    const invitation = await em.findOne(SurveyInvitation, {
      booking,
      stage: SurveyStage.END_OF_COURSE,
      audience: SurveyAudience.ATTENDEE,
      status: SurveyInvitationStatus.OPEN,
    });
    return invitation ? this.invitations.tokenFor(invitation) : null;
  }
}
