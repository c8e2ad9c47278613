import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  SurveyAudience,
  SurveyInvitationStatus,
  answerFieldId,
  answerToValues,
  askedQuestions,
  checkAnswers,
  surveyModeStatements,
  type AnswerInput,
} from '@lh/domain';
import { Clock } from '../common/clock';
import { verifyToken } from '../common/signed-token';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SurveyInvitation } from './survey-invitation.entity';
import { recordSurveyResponse } from './survey-responses';
import { SURVEY_TOKEN_PURPOSE, SurveyInvitations } from './survey-invitations';
import { SurveyFormType, YourSurveyType } from './surveys.types';

const POPULATE = ['templateVersion', 'session.course', 'person', 'booking.agency'] as const;

/**
 * Answering a survey: by the personal signed link (no sign-in; the token is the permission, the
 * invitation's state makes submission single use), or from the person's own list. A draft is kept on
 * the invitation; submitting checks every answer, and on any problem changes nothing.
 */
@Injectable()
export class SurveyAnsweringService {
  constructor(
    private readonly em: EntityManager,
    private readonly invitations: SurveyInvitations,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async form(token: string): Promise<SurveyFormType> {
    const now = this.clock.now();
    const em = this.em.fork();
    return this.toForm(await this.open(em, token, now, false));
  }

  async saveDraft(token: string, answers: AnswerInput[]): Promise<SurveyFormType> {
    const now = this.clock.now();
    return this.em.fork().transactional(async (em) => {
      const invitation = await this.open(em, token, now, true);
      const checked = checkAnswers(this.asked(invitation), answers, false);
      this.refuse(checked.problems);
      invitation.draft = checked.answers;
      invitation.draftSavedAt = now;
      await em.flush();
      return this.toForm(invitation);
    });
  }

  async submit(token: string, answers: AnswerInput[]): Promise<SurveyFormType> {
    const now = this.clock.now();
    return this.em.fork().transactional(async (em) => {
      const invitation = await this.open(em, token, now, true);
      const checked = checkAnswers(this.asked(invitation), answers, true);
      this.refuse(checked.problems);
      recordSurveyResponse(em, invitation, checked.answers, now);
      invitation.draft = null;
      invitation.draftSavedAt = null;
      await em.flush();
      return this.toForm(invitation);
    });
  }

  /** The signed-in person's own surveys (not line managers' ones about them), newest first. */
  async yours(viewer: Viewer): Promise<YourSurveyType[]> {
    const now = this.clock.now();
    const rows = await this.em.fork().find(
      SurveyInvitation,
      {
        person: viewer.id,
        audience: SurveyAudience.ATTENDEE,
        status: { $in: [SurveyInvitationStatus.OPEN, SurveyInvitationStatus.SUBMITTED] },
      },
      { populate: ['session.course'], orderBy: { createdAt: 'desc' } },
    );
    return rows
      .filter((i) => i.status === SurveyInvitationStatus.SUBMITTED || i.expiresAt > now)
      .map((i) => ({
        invitationId: i.id,
        token: this.invitations.tokenFor(i),
        stage: i.stage,
        status: i.status,
        courseTitle: i.session.course.title,
        sessionStartsAt: i.session.startsAt,
        expiresAt: i.expiresAt,
        hasDraft: !!i.draft?.length,
      }));
  }

  // ---- internals ---------------------------------------------------------------------------

  /** The invitation a token names; for a change it must still be open, and it is locked. */
  private async open(em: EntityManager, token: string, now: Date, forChange: boolean): Promise<SurveyInvitation> {
    let subject: string;
    try {
      subject = verifyToken(this.config.appSecret, SURVEY_TOKEN_PURPOSE, token, now).subject;
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.TokenExpired) {
        throw new DomainError(ErrorCode.TokenExpired, 'This survey link has expired, so the survey is closed. Thank you all the same.');
      }
      throw new DomainError(ErrorCode.InvalidToken, 'This survey link is not valid. Check you copied all of it from the email.');
    }
    const invitation = await em.findOne(SurveyInvitation, subject, {
      populate: POPULATE,
      ...(forChange ? { lockMode: 4 /* pessimistic write */ } : {}),
    });
    if (!invitation || invitation.status === SurveyInvitationStatus.WITHDRAWN) {
      throw new DomainError(
        ErrorCode.InvalidToken,
        'This survey is no longer needed: the training team withdrew it. Nothing more is needed from you.',
      );
    }
    if (forChange && invitation.status === SurveyInvitationStatus.SUBMITTED) {
      throw new DomainError(
        ErrorCode.AlreadyDecided,
        'You have already sent your answers to this survey. Thank you: nothing more is needed.',
      );
    }
    if (forChange && (invitation.status === SurveyInvitationStatus.CLOSED || invitation.expiresAt <= now)) {
      throw new DomainError(ErrorCode.TokenExpired, 'This survey has closed. Thank you all the same.');
    }
    return invitation;
  }

  private asked(invitation: SurveyInvitation) {
    return askedQuestions(invitation.templateVersion.questions, invitation.session.course.learningOutcomes, !!invitation.actionPlanText);
  }

  private refuse(problems: { questionId: string; outcomeIndex: number | null; message: string }[]): void {
    if (problems.length) {
      throw new DomainError(
        ErrorCode.BadUserInput,
        problems.map((p) => p.message).join('; '),
        problems.map((p) => ({ field: answerFieldId(p.questionId, p.outcomeIndex), message: p.message })),
      );
    }
  }

  private toForm(invitation: SurveyInvitation): SurveyFormType {
    const version = invitation.templateVersion;
    const draft = invitation.draft ?? [];
    return {
      stage: invitation.stage,
      audience: invitation.audience,
      mode: version.mode,
      modeStatement: surveyModeStatements[version.mode],
      status: invitation.status,
      courseTitle: invitation.session.course.title,
      sessionStartsAt: invitation.session.startsAt,
      aboutName: invitation.audience === SurveyAudience.LINE_MANAGER ? invitation.person.name : null,
      expiresAt: invitation.expiresAt,
      draftSavedAt: invitation.draftSavedAt ?? null,
      questions: this.asked(invitation).map((a) => {
        const q = a.question;
        const saved = draft.find((d) => d.questionId === q.id && d.outcomeIndex === a.outcomeIndex);
        return {
          fieldId: answerFieldId(q.id, a.outcomeIndex),
          questionId: q.id,
          outcomeIndex: a.outcomeIndex,
          label: a.label,
          kind: q.kind,
          hint: q.hint ?? null,
          required: q.required,
          options: q.options ?? [],
          lowLabel: q.lowLabel ?? null,
          highLabel: q.highLabel ?? null,
          min: q.min ?? null,
          max: q.max ?? null,
          shownText: q.kind === 'ACTION_PLAN_REVIEW' ? (invitation.actionPlanText ?? null) : null,
          values: saved ? answerToValues(saved.value) : [],
        };
      }),
    };
  }
}
