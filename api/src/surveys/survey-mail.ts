import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MailKind, SURVEY_REMINDER_DAYS, SurveyAudience, SurveyMode, SurveyStage, formatLondonDate } from '@lh/domain';
import { signToken } from '../common/signed-token';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import * as templates from '../notifications/mail-templates';
import type { SurveyInvitation } from './survey-invitation.entity';
import { SurveyInvitations } from './survey-invitations';

export const SURVEY_OPT_OUT_PURPOSE = 'survey-opt-out';
/** An opt-out link works for this long (it only ever stops mail, so a long life does no harm). */
const OPT_OUT_LINK_DAYS = 800;
/** Mail kinds about surveys: withdrawn, when not yet sent, with a booking's surveys. */
export const SURVEY_MAIL_KINDS = [MailKind.SURVEY_INVITATION, MailKind.SURVEY_REMINDER, MailKind.SURVEY_MANAGER_INVITATION];

/** Writes a survey invitation's mail (the invitation, or its next reminder) to the outbox in the caller's transaction. */
@Injectable()
export class SurveyMail {
  constructor(
    private readonly outbox: MailOutboxService,
    private readonly invitations: SurveyInvitations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The signed link that stops a person's impact surveys. */
  optOutLink(personId: string, now: Date): string {
    const token = signToken(
      this.config.appSecret,
      SURVEY_OPT_OUT_PURPOSE,
      personId,
      new Date(now.getTime() + OPT_OUT_LINK_DAYS * 86_400_000),
    );
    return `${this.config.webOrigin}/surveys/opt-out/${token}`;
  }

  /** `reminder`: 0 for the invitation itself, 1 to 3 for a reminder. Needs booking.session.course, person and templateVersion loaded. */
  async send(em: EntityManager, invitation: SurveyInvitation, reminder: number, now: Date): Promise<void> {
    const session = invitation.booking.session;
    const courseTitle = session.course.title;
    const sessionDate = formatLondonDate(session.endsAt);
    const closesOn = formatLondonDate(invitation.expiresAt);
    const survey = this.invitations.linkFor(invitation);
    const about = { personId: invitation.person.id, sessionId: session.id, bookingId: invitation.booking.id };
    if (invitation.audience === SurveyAudience.LINE_MANAGER) {
      const content = templates.surveyManagerInvitation({
        partnershipName: this.config.partnershipName,
        practitionerName: invitation.person.name,
        stage: invitation.stage === SurveyStage.SIX_MONTHS ? 'SIX_MONTHS' : 'TWELVE_MONTHS',
        courseTitle,
        sessionDate,
        closesOn,
        links: { survey },
      });
      await this.outbox.enqueue(em, {
        kind: reminder ? MailKind.SURVEY_REMINDER : MailKind.SURVEY_MANAGER_INVITATION,
        to: { email: invitation.managerEmail!, name: 'Line manager' },
        ...about,
        ...content,
        subject: reminder ? `Reminder: ${content.subject}` : content.subject,
      });
      return;
    }
    const details: templates.SurveyMailDetails = {
      partnershipName: this.config.partnershipName,
      recipientName: invitation.person.name,
      stage: invitation.stage,
      courseTitle,
      sessionDate,
      closesOn,
      anonymous: invitation.templateVersion.mode === SurveyMode.ANONYMOUS,
      links: { survey, yourSurveys: `${this.config.webOrigin}/surveys`, optOut: this.optOutLink(invitation.person.id, now) },
    };
    await this.outbox.enqueue(em, {
      kind: reminder ? MailKind.SURVEY_REMINDER : MailKind.SURVEY_INVITATION,
      to: { email: invitation.person.email, name: invitation.person.name },
      ...about,
      ...(reminder
        ? templates.surveyReminder({ ...details, reminder, reminders: SURVEY_REMINDER_DAYS.length })
        : templates.surveyInvitation(details)),
    });
  }
}
