import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, Role, SurveyAudience, SurveyStage, surveyGroupShown } from '@lh/domain';
import { hasRole, type Viewer } from '../common/viewer';
import type { SurveyResultsFilter, SurveyResultsType } from './survey-results.types';

/**
 * Survey results computed in PostgreSQL, for coordinators and reviewers: response rates per stage, and average
 * ratings of REACTION questions. A group with anonymous responses is shown only from SURVEY_MIN_GROUP responses.
 */
@Injectable()
export class SurveyResultsService {
  constructor(private readonly em: EntityManager) {}

  async results(viewer: Viewer, filter: SurveyResultsFilter): Promise<SurveyResultsType> {
    if (!hasRole(viewer, Role.COORDINATOR, Role.REVIEWER)) {
      throw new DomainError(ErrorCode.NotAllowed, 'Only coordinators and reviewers can see survey results.');
    }
    const em = this.em.fork();
    const course = filter.courseId ?? null;
    const from = filter.fromMonth ?? '0000-01';
    const to = filter.toMonth ?? '9999-12';
    const rates = await em.execute<{ stage: SurveyStage; audience: SurveyAudience; invited: string; answered: string }[]>(
      `select i.stage, i.audience,
              count(*) filter (where i.status <> 'WITHDRAWN') as invited,
              count(*) filter (where i.status = 'SUBMITTED') as answered
         from survey_invitation i join session s on s.id = i.session_id
        where (?::uuid is null or s.course_id = ?::uuid)
          and to_char(s.starts_at at time zone 'Europe/London', 'YYYY-MM') between ? and ?
        group by i.stage, i.audience order by i.stage, i.audience`,
      [course, course, from, to],
    );
    const ratings = await em.execute<
      { stage: SurveyStage; question_id: string; question: string; responses: string; anonymous: string; average: string }[]
    >(
      `select r.stage, q->>'id' as question_id, min(q->>'text') as question,
              count(distinct r.id) as responses, count(distinct r.id) filter (where not r.identified) as anonymous,
              avg((a->>'value')::numeric) as average
         from survey_response r
         join survey_template_version v on v.id = r.template_version_id
         cross join lateral jsonb_array_elements(v.questions) q
         cross join lateral jsonb_array_elements(r.answers) a
        where q->>'kind' = 'RATING' and q->>'measures' = 'REACTION' and a->>'questionId' = q->>'id'
          and jsonb_typeof(a->'value') = 'number'
          and (?::uuid is null or r.course_id = ?::uuid) and r.session_month between ? and ?
        group by r.stage, q->>'id' order by r.stage, q->>'id'`,
      [course, course, from, to],
    );
    return {
      responseRates: rates.map((r) => ({ stage: r.stage, audience: r.audience, invited: Number(r.invited), answered: Number(r.answered) })),
      ratings: ratings.map((r) => {
        const shown = surveyGroupShown(Number(r.responses), Number(r.anonymous));
        return {
          stage: r.stage,
          questionId: r.question_id,
          question: r.question,
          responses: shown ? Number(r.responses) : null,
          average: shown ? Math.round(Number(r.average) * 100) / 100 : null,
        };
      }),
    };
  }
}
