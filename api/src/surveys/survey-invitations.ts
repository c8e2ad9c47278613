import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SURVEY_OPEN_DAYS, SurveyAudience, SurveyInvitationStatus, SurveyStage, type SurveyQuestion } from '@lh/domain';
import { signToken } from '../common/signed-token';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Booking } from '../booking/booking.entity';
import { SurveyInvitation } from './survey-invitation.entity';
import { SurveyResponse } from './survey-response.entity';
import { SurveyTemplatePicker } from './survey-template-picker';

export const SURVEY_TOKEN_PURPOSE = 'survey';
const DAY = 86_400_000;

/**
 * The seam for delivery: asks an attendee (or their line manager) to answer one stage's survey about
 * one place, and withdraws an invitation when attendance is corrected. Runs in the caller's
 * transaction (`em`); sends no mail (the delivery jobs do, with `linkFor`).
 */
@Injectable()
export class SurveyInvitations {
  constructor(
    private readonly picker: SurveyTemplatePicker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The invitation for a place at a stage: the live one when it exists (asking twice changes nothing),
   * otherwise a new one with the course's template for the stage (latest version). Null when there is
   * no one to ask: a line manager when the course sends no manager surveys or the booking names none.
   */
  async invite(
    em: EntityManager,
    args: { booking: Booking; stage: SurveyStage; audience?: SurveyAudience; now: Date },
  ): Promise<SurveyInvitation | null> {
    const audience = args.audience ?? SurveyAudience.ATTENDEE;
    const booking = await em.findOneOrFail(Booking, args.booking.id, { populate: ['session.course', 'person'] });
    const live = await em.findOne(SurveyInvitation, {
      booking,
      stage: args.stage,
      audience,
      status: { $ne: SurveyInvitationStatus.WITHDRAWN },
    });
    if (live) {
      return live;
    }
    const version = await this.picker.versionFor(em, booking.session.course, args.stage, audience);
    if (!version) {
      return null;
    }
    const managerEmail = audience === SurveyAudience.LINE_MANAGER ? booking.managerEmail?.trim() || null : null;
    if (audience === SurveyAudience.LINE_MANAGER && !managerEmail) {
      return null;
    }
    const invitation = em.create(SurveyInvitation, {
      booking,
      session: booking.session,
      stage: args.stage,
      audience,
      person: booking.person,
      managerEmail,
      templateVersion: version,
      createdAt: args.now,
      expiresAt: new Date(args.now.getTime() + SURVEY_OPEN_DAYS[args.stage] * DAY),
      actionPlanText: version.questions.some((q) => q.kind === 'ACTION_PLAN_REVIEW') ? await this.actionPlanOf(em, booking) : null,
    });
    await em.flush();
    return invitation;
  }

  /** Withdraws an invitation not yet answered (a correction took the attendance away): its link stops working. */
  async withdraw(em: EntityManager, invitation: SurveyInvitation, reason: string, now: Date): Promise<SurveyInvitation> {
    if (invitation.status === SurveyInvitationStatus.OPEN) {
      invitation.status = SurveyInvitationStatus.WITHDRAWN;
      invitation.withdrawnAt = now;
      invitation.withdrawnReason = reason;
      invitation.draft = null;
      invitation.draftSavedAt = null;
      await em.flush();
    }
    return invitation;
  }

  /** The signed personal link's token: valid until the invitation expires. */
  tokenFor(invitation: SurveyInvitation): string {
    return signToken(this.config.appSecret, SURVEY_TOKEN_PURPOSE, invitation.id, invitation.expiresAt);
  }

  /** The personal link to put in mail and on the register screen. */
  linkFor(invitation: SurveyInvitation): string {
    return `${this.config.webOrigin}/surveys/${this.tokenFor(invitation)}`;
  }

  /** The attendee's own end-of-course action plan (identified answers only: an anonymous one has no way back to them). */
  private async actionPlanOf(em: EntityManager, booking: Booking): Promise<string | null> {
    const response = await em.findOne(
      SurveyResponse,
      { identified: true, invitation: { booking, stage: SurveyStage.END_OF_COURSE, audience: SurveyAudience.ATTENDEE } },
      { populate: ['templateVersion'] },
    );
    if (!response) {
      return null;
    }
    const planIds = new Set(response.templateVersion.questions.filter((q: SurveyQuestion) => q.actionPlan).map((q) => q.id));
    const plan = response.answers.find((a) => planIds.has(a.questionId));
    return typeof plan?.value === 'string' ? plan.value : null;
  }
}
