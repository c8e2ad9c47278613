import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AgencySector, DomainError, ErrorCode, Role, SURVEY_MIN_GROUP, SurveyAudience, SurveyStage } from '@lh/domain';
import { Clock } from '../common/clock';
import { hasRole, type Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import { responsesSql, scopeOf, type SurveyScope } from './survey-results-sql';
import type { PickSurveyQuoteInput, SurveyQuotesType, SurveyResultsFilter } from './survey-results.types';
import { SurveyQuotePick } from './survey-quote-pick.entity';
import { SurveyResponse } from './survey-response.entity';

export const answerKey = (questionId: string, outcomeIndex: number | null | undefined) => `${questionId}:${outcomeIndex ?? ''}`;

/** Free-text answers in scope, without who wrote them, picked ones first (at most 500). */
const quotesSql = (scope: SurveyScope, pickedOnly: boolean) =>
  responsesSql(
    scope,
    (inScope, p) => `
  select r.id as response_id, r.stage::text as stage, r.audience::text as audience, r.identified, a->>'questionId' as question_id,
         (a->>'outcomeIndex')::int as outcome_index, q->>'text' as question, a->>'value' as text, c.title as course_title,
         r.session_month, r.agency_sector::text as sector, p.id is not null as picked
    from survey_response r
    join survey_template_version v on v.id = r.template_version_id
    join course c on c.id = r.course_id
    cross join lateral jsonb_array_elements(r.answers) a
    cross join lateral jsonb_array_elements(v.questions) q
    left join survey_quote_pick p on p.response_id = r.id and p.answer_key = (a->>'questionId') || ':' || coalesce(a->>'outcomeIndex', '')
   where q->>'id' = a->>'questionId' and q->>'kind' in ('SHORT_TEXT', 'LONG_TEXT')
     and jsonb_typeof(a->'value') = 'string' and btrim(a->>'value') <> ''
     and ${inScope}
     and (not ${p(pickedOnly)}::boolean or p.id is not null)
   order by p.id is null, r.session_month desc, c.title, r.id, a->>'questionId'
   limit 500`,
  );

const anonymousSql = (scope: SurveyScope) =>
  responsesSql(scope, (inScope) => `select count(*) as n from survey_response r where not r.identified and ${inScope}`);

/**
 * Quotes for the annual report: the free-text answers a filter covers, without names, and the
 * coordinators' picks. Anonymous free text is shown only when the filter covers at least
 * SURVEY_MIN_GROUP anonymous answers.
 */
@Injectable()
export class SurveyQuotesService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async quotes(viewer: Viewer, filter: SurveyResultsFilter, pickedOnly: boolean): Promise<SurveyQuotesType> {
    if (!hasRole(viewer, Role.COORDINATOR, Role.REVIEWER)) {
      throw new DomainError(ErrorCode.NotAllowed, 'Only coordinators and reviewers can see survey results.');
    }
    return this.quotesIn(this.em.fork(), scopeOf(filter), pickedOnly);
  }

  /** The quotes a scope covers, for survey results and the evaluation report (who have checked the viewer). */
  async quotesIn(em: EntityManager, scope: SurveyScope, pickedOnly: boolean): Promise<SurveyQuotesType> {
    const quotes = quotesSql(scope, pickedOnly);
    const anonymousCount = anonymousSql(scope);
    const [rows, [anonymous]] = await Promise.all([
      em.execute<Record<string, string | number | boolean | null>[]>(quotes.sql, quotes.params),
      em.execute<{ n: string }[]>(anonymousCount.sql, anonymousCount.params),
    ]);
    const showAnonymous = Number(anonymous?.n ?? 0) >= SURVEY_MIN_GROUP;
    const shown = rows.filter((r) => r.identified || showAnonymous);
    return {
      anonymousHidden: rows.length - shown.length,
      quotes: shown.map((r) => ({
        responseId: String(r.response_id),
        questionId: String(r.question_id),
        outcomeIndex: r.outcome_index === null ? null : Number(r.outcome_index),
        question: String(r.question),
        text: String(r.text),
        stage: r.stage as SurveyStage,
        audience: r.audience as SurveyAudience,
        courseTitle: String(r.course_title),
        sessionMonth: String(r.session_month),
        sector: (r.sector as AgencySector | null) ?? null,
        picked: !!r.picked,
      })),
    };
  }

  /** Picks a free-text answer for the annual report, or takes the pick back. */
  async pick(viewer: Viewer, input: PickSurveyQuoteInput): Promise<boolean> {
    if (!hasRole(viewer, Role.COORDINATOR)) {
      throw new DomainError(ErrorCode.NotAllowed, 'Only coordinators can pick quotes.');
    }
    return this.em.fork().transactional(async (em) => {
      const response = await em.findOne(SurveyResponse, input.responseId, { populate: ['templateVersion'] });
      const question = response?.templateVersion.questions.find((q) => q.id === input.questionId);
      const answer = response?.answers.find(
        (a) => a.questionId === input.questionId && (a.outcomeIndex ?? null) === (input.outcomeIndex ?? null),
      );
      if (!response || !question || !answer || (question.kind !== 'SHORT_TEXT' && question.kind !== 'LONG_TEXT')) {
        throw new DomainError(ErrorCode.NotFound, 'This answer is not in the results.');
      }
      const key = answerKey(input.questionId, input.outcomeIndex);
      const existing = await em.findOne(SurveyQuotePick, { response, answerKey: key });
      if (input.picked && !existing) {
        em.create(SurveyQuotePick, { response, answerKey: key, pickedBy: em.getReference(Person, viewer.id), pickedAt: this.clock.now() });
      } else if (!input.picked && existing) {
        em.remove(existing);
      }
      return input.picked;
    });
  }
}
