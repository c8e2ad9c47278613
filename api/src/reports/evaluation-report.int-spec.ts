// Report 4, evaluation and impact, through the real API on a real PostgreSQL: the survey results' figures for the
// report filter (financial year 2024-25 and a priority area of this spec's own), overall, by course and by agency,
// an anonymous group of 4 hidden and of 5 shown, an agency filter (anonymous answers left out), the period's last
// and next day, the picked quotes without names, the files, and bad filters refused in the form's words.
import { AgencySector, Role, SurveyStage, stageAudienceLabel, type ReportPeriodKind } from '@lh/domain';
import { aCourse, aPerson, aPriorityArea, anAgency } from '../../test/builders';
import { answer as a, placeOn, sessionOn, surveyed } from '../../test/surveys';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import type { Course } from '../catalogue/course.entity';
import type { PriorityArea } from '../catalogue/priority-area.entity';
import type { Agency } from '../people/agency.entity';

const ROW = `key label hidden invited answered responseRate responses averageRating confidenceAfter confidenceSixMonths
  confidenceTwelveMonths changedPractice actionPlansDone actionPlansReviewed`;
const REPORT = `query($filter: ReportFilterInput!, $by: EvaluationBreakdown!) { evaluationReport(filter: $filter, by: $by) {
  period { label } filters { label value } fromMonth toMonth anonymousLeftOut by overall { label responses hidden }
  stages { stage invited answered responseRate confidence practiceAnswered changedPractice actionPlansDone actionPlansReviewed }
  groups { ${ROW} } confidence { point label average responses } quotes { text courseTitle stage } anonymousQuotesHidden } }`;
const FILE = `query($report: ReportKind!, $format: TableFileFormat!, $filter: ReportFilterInput!) {
  reportFile(report: $report, format: $format, filter: $filter) { fileName base64 } }`;
const RATINGS = `query($filter: ReportFilterInput!) { evaluationReport(filter: $filter, by: COURSE) {
  overall { ratings { question stage audience responses average } } } }`;
type Ratings = {
  evaluationReport: { overall: { ratings: { question: string; stage: string; audience: string; responses: number; average: number }[] } };
};
const QUOTES = `query($f: SurveyResultsFilter!) { surveyQuotes(filter: $f) { quotes { responseId questionId text } } }`;
const PICK = `mutation($i: PickSurveyQuoteInput!) { pickSurveyQuote(input: $i) }`;

type Row = Record<string, string | number | boolean | null>;
type Report = {
  fromMonth: string;
  toMonth: string;
  anonymousLeftOut: boolean;
  overall: { label: string; responses: number; hidden: boolean };
  stages: Row[];
  groups: Row[];
  confidence: Row[];
  quotes: { text: string; courseTitle: string; stage: string }[];
  anonymousQuotesHidden: number;
};
const FY = { periodKind: 'FINANCIAL_YEAR' as ReportPeriodKind, from: '2024-06-01' };
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];

describe('evaluation and impact report (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  let reviewer: string;
  let area: PriorityArea;
  let council: Agency;
  let police: Agency;
  let named: Course;
  let five: Course;
  let four: Course;
  const em = () => api.orm.em.fork();

  const report = async (filter: object, by = 'COURSE', as = reviewer): Promise<Report> => {
    const res = await gql<{ evaluationReport: Report }>(api.url, REPORT, { filter: { ...FY, priorityAreaId: area.id, ...filter }, by }, as);
    expect(res.errors).toBeUndefined();
    return res.data!.evaluationReport;
  };

  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(em(), { roles: [Role.COORDINATOR] }));
    reviewer = await signInAs(api.url, await aPerson(em(), { roles: [Role.REVIEWER] }));
    const e = em();
    area = await aPriorityArea(e);
    council = await anAgency(e, { name: `Eval Council ${Date.now()}`, sector: AgencySector.CHILDRENS_SOCIAL_CARE });
    police = await anAgency(e, { name: `Eval Police ${Date.now()}`, sector: AgencySector.POLICE });
    named = await aCourse(e, { title: `Eval A named ${Date.now()}`, priorityArea: area });
    five = await aCourse(e, { title: `Eval B five anonymous ${Date.now()}`, priorityArea: area });
    four = await aCourse(e, { title: `Eval C four anonymous ${Date.now()}`, priorityArea: area });

    // Course A, named, 10 September 2024: three council places answer at the end (relevance 5, confidence 2 -> 4),
    // at 6 months (used: yes, yes, no; confidence 3, 4, 5; plans done, partly, not yet) and the first at 12 months
    // (used yes, confidence 5, plan done); a police officer answers at the end (3, confidence 1 -> 3); one never does.
    const a1 = await sessionOn(e, named, '2024-09-10');
    const plans = ['DONE', 'PARTLY', 'NOT_YET'];
    for (let i = 0; i < 3; i++) {
      const booking = await placeOn(e, a1, council);
      await surveyed(api, e, booking, SurveyStage.END_OF_COURSE, [
        a('relevance', 5),
        a('confidence', { before: 2, now: 4 }),
        a('action-plan', `Check the threshold document ${i}`),
      ]);
      await surveyed(api, e, booking, SurveyStage.SIX_MONTHS, [
        a('used', i < 2),
        a('confidence-now', 3 + i),
        a('action-plan-review', plans[i]!),
      ]);
      if (i === 0) {
        await surveyed(api, e, booking, SurveyStage.TWELVE_MONTHS, [
          a('used', true),
          a('confidence-now', 5),
          a('action-plan-review', 'DONE'),
        ]);
      }
    }
    await surveyed(api, e, await placeOn(e, a1, police), SurveyStage.END_OF_COURSE, [
      a('relevance', 3),
      a('confidence', { before: 1, now: 3 }),
      a('action-plan', 'Ask about the child’s voice'),
    ]);
    await surveyed(api, e, await placeOn(e, a1, police), SurveyStage.END_OF_COURSE, null);
    // the last day of the financial year (in) and the first of the next (out): one council place each
    const last = await placeOn(e, await sessionOn(e, named, '2025-03-31'), council);
    await surveyed(api, e, last, SurveyStage.END_OF_COURSE, [a('relevance', 4), a('confidence', { before: 3, now: 5 })]);
    const next = await placeOn(e, await sessionOn(e, named, '2025-04-01'), council);
    await surveyed(api, e, next, SurveyStage.END_OF_COURSE, [a('relevance', 1), a('confidence', { before: 1, now: 1 })]);

    // Course B, 15 October 2024: six council places asked, five answer anonymously (relevance 4, 4, 4, 2, 2; confidence 1 -> 3)
    const b1 = await sessionOn(e, five, '2024-10-15');
    for (let i = 0; i < 6; i++) {
      const answers = i < 5 ? [a('relevance', i < 3 ? 4 : 2), a('confidence', { before: 1, now: 3 })] : null;
      await surveyed(api, e, await placeOn(e, b1, council), SurveyStage.END_OF_COURSE, answers, false);
    }
    // Course C, 5 November 2024: four police places, four anonymous answers (relevance 5, a comment): too few to show
    const c1 = await sessionOn(e, four, '2024-11-05');
    for (let i = 0; i < 4; i++) {
      await surveyed(
        api,
        e,
        await placeOn(e, c1, police),
        SurveyStage.END_OF_COURSE,
        [a('relevance', 5), a('comments', `Anonymous ${i}`)],
        false,
      );
    }

    // a coordinator picks the police officer's action plan for the annual report
    const quotes = await gql<{ surveyQuotes: { quotes: { responseId: string; questionId: string; text: string }[] } }>(
      api.url,
      QUOTES,
      { f: { courseId: named.id } },
      coordinator,
    );
    const chosen = quotes.data!.surveyQuotes.quotes.find((q) => q.text === 'Ask about the child’s voice')!;
    const pick = await gql(
      api.url,
      PICK,
      { i: { responseId: chosen.responseId, questionId: chosen.questionId, picked: true } },
      coordinator,
    );
    expect(pick.errors).toBeUndefined();
  });
  afterAll(() => api.close());

  it('counts every stage overall, with confidence at the four points, for the months of the period', async () => {
    const r = await report({});
    expect([r.fromMonth, r.toMonth]).toEqual(['2024-04', '2025-03']);
    // 9 named (A) + 5 + 4 anonymous = 18 answers, 9 anonymous: shown
    expect(r.overall).toEqual({ label: 'All courses', responses: 18, hidden: false });
    expect(r.anonymousLeftOut).toBe(false);
    expect(r.stages).toEqual([
      // asked: A 5 + 1 (31 March) + B 6 + C 4 = 16; answered 4 + 1 + 5 + 4 = 14; confidence now: (4+4+4+3+5+3*5)/10
      {
        stage: 'END_OF_COURSE',
        invited: 16,
        answered: 14,
        responseRate: 0.875,
        confidence: 3.5,
        practiceAnswered: 0,
        changedPractice: null,
        actionPlansDone: 0,
        actionPlansReviewed: 0,
      },
      // 3 of 3; confidence (3+4+5)/3; used: 2 of 3; plans: 1 done of 3
      {
        stage: 'SIX_MONTHS',
        invited: 3,
        answered: 3,
        responseRate: 1,
        confidence: 4,
        practiceAnswered: 3,
        changedPractice: 2 / 3,
        actionPlansDone: 1,
        actionPlansReviewed: 3,
      },
      {
        stage: 'TWELVE_MONTHS',
        invited: 1,
        answered: 1,
        responseRate: 1,
        confidence: 5,
        practiceAnswered: 1,
        changedPractice: 1,
        actionPlansDone: 1,
        actionPlansReviewed: 1,
      },
    ]);
    // before: (2+2+2+1+3+1*5)/10
    expect(r.confidence).toEqual([
      { point: 'BEFORE', label: 'Before the course', average: 1.5, responses: 10 },
      { point: 'AFTER', label: 'After the course', average: 3.5, responses: 10 },
      { point: 'SIX_MONTHS', label: 'At 6 months', average: 4, responses: 3 },
      { point: 'TWELVE_MONTHS', label: 'At 12 months', average: 5, responses: 1 },
    ]);
  });

  it('the dashboard draws the same confidence as this report, for every filter (anonymous answers left out by agency)', async () => {
    const DASHBOARD = `query($filter: ReportFilterInput!) { reportDashboard(filter: $filter) { confidence { stage label responses average } confidenceScope } }`;
    for (const filter of [{}, { agencyId: council.id }, { courseId: named.id }, { sector: AgencySector.POLICE }]) {
      const r = await report(filter);
      const res = await gql<{ reportDashboard: { confidence: unknown[]; confidenceScope: string } }>(
        api.url,
        DASHBOARD,
        { filter: { ...FY, priorityAreaId: area.id, ...filter } },
        reviewer,
      );
      expect(res.errors).toBeUndefined();
      expect({ filter, confidence: res.data!.reportDashboard.confidence }).toEqual({
        filter,
        confidence: r.confidence.map((c) => ({
          stage: c.point,
          label: c.label,
          responses: c.average === null ? 0 : c.responses,
          average: c.average,
        })),
      });
      expect(res.data!.reportDashboard.confidenceScope).toMatch(r.anonymousLeftOut ? /named answers only/ : /month of the session/);
    }
    // by agency: the council's named answers only (course A's three and 31 March's), (2+2+2+3)/4 before and (4+4+4+5)/4 after
    const byCouncil = await report({ agencyId: council.id });
    expect(byCouncil.confidence.slice(0, 2)).toEqual([
      { point: 'BEFORE', label: 'Before the course', average: 2.25, responses: 4 },
      { point: 'AFTER', label: 'After the course', average: 4.25, responses: 4 },
    ]);
  });

  it('shows a course of 5 anonymous answers, hides one of 4 (its invitations still counted), and shows named ones', async () => {
    const rows = new Map((await report({})).groups.map((g) => [g.key, g]));
    expect(rows.size).toBe(3);
    // A: asked 5 + 1 + 3 + 1, answered 4 + 1 + 3 + 1; ratings: relevance (5,5,5,3,4), confidence-now (3,4,5), (5): 39/9
    expect(rows.get(named.id)).toEqual({
      key: named.id,
      label: named.title,
      hidden: false,
      invited: 10,
      answered: 9,
      responseRate: 0.9,
      responses: 9,
      averageRating: 4.33,
      confidenceAfter: 4,
      confidenceSixMonths: 4,
      confidenceTwelveMonths: 5,
      changedPractice: 0.75,
      actionPlansDone: 2,
      actionPlansReviewed: 4,
    });
    expect(rows.get(five.id)).toMatchObject({
      hidden: false,
      invited: 6,
      answered: 5,
      responses: 5,
      averageRating: 3.2,
      confidenceAfter: 3,
    });
    expect(rows.get(four.id)).toEqual({
      key: four.id,
      label: four.title,
      hidden: true,
      invited: 4,
      answered: 4,
      responseRate: 1,
      responses: 4,
      averageRating: null,
      confidenceAfter: null,
      confidenceSixMonths: null,
      confidenceTwelveMonths: null,
      changedPractice: null,
      actionPlansDone: 0,
      actionPlansReviewed: 0,
    });
  });

  it('by agency: named answers under the agency of the place, anonymous ones in a row of their own', async () => {
    const rows = (await report({}, 'AGENCY')).groups;
    expect(rows.map((g) => [g.label, g.responses, g.invited, g.answered])).toEqual([
      // council: A 3 + 3 + 1 + 1 (31 March) named; asked 3 + 3 + 1 + 1 + B 6, answered 3 + 3 + 1 + 1 + 5
      [council.name, 8, 14, 13],
      // police: 1 named; asked A 2 + C 4, answered 1 + 4
      [police.name, 1, 6, 5],
      ['Anonymous answers (no session or agency is kept with them)', 9, 0, 0],
    ]);
  });

  it('an agency filter leaves anonymous answers out and says so; the invitations keep their agency', async () => {
    const r = await report({ agencyId: council.id });
    expect(r.anonymousLeftOut).toBe(true);
    expect(r.overall.responses).toBe(8);
    // asked A 3 + 1 + B 6 = 10, answered 3 + 1 + 5; confidence now of the named council answers: (4+4+4+5)/4
    expect(r.stages[0]).toMatchObject({ stage: 'END_OF_COURSE', invited: 10, answered: 9, confidence: 4.25 });
    expect(r.confidence[0]).toMatchObject({ point: 'BEFORE', average: 2.25, responses: 4 });
  });

  it('takes the session on the last day of the period and leaves the next day to the next period', async () => {
    const next = await report({ from: '2025-06-01' });
    expect([next.fromMonth, next.toMonth]).toEqual(['2025-04', '2026-03']);
    expect(next.overall.responses).toBe(1);
    expect(next.stages[0]).toMatchObject({ invited: 1, answered: 1, confidence: 1 });
    const month = await report({ periodKind: 'MONTH', from: '2025-03-01' });
    expect(month.groups.map((g) => [g.key, g.responses])).toEqual([[named.id, 1]]);
    expect(month.confidence[0]).toMatchObject({ average: 3, responses: 1 });
  });

  it('lists the picked quotes only, without names', async () => {
    const r = await report({});
    expect(r.quotes).toEqual([{ text: 'Ask about the child’s voice', courseTitle: named.title, stage: 'END_OF_COURSE' }]);
    const raw = await gql(api.url, REPORT, { filter: { ...FY, priorityAreaId: area.id }, by: 'COURSE' }, reviewer);
    expect(JSON.stringify(raw.data)).not.toMatch(/@example|personId|Person /);
  });

  it('writes the files from the same rows as the screen', async () => {
    const res = await gql<{ reportFile: { fileName: string; base64: string } }>(
      api.url,
      FILE,
      { report: 'EVALUATION_BY_COURSE', format: 'CSV', filter: { ...FY, priorityAreaId: area.id } },
      reviewer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportFile.fileName).toBe('evaluation-by-course-2024-04-01-to-2025-03-31.csv');
    const csv = Buffer.from(res.data!.reportFile.base64, 'base64').toString('utf8');
    expect(csv).toContain(`${named.title},10,9,90.0%,4.33,4,4,5,75.0%,2,`);
    expect(csv).toContain(`${four.title},4,4,100.0%,,,,,,0,Not shown: fewer than 5 anonymous answers`);
    const stages = await gql<{ reportFile: { base64: string } }>(
      api.url,
      FILE,
      { report: 'EVALUATION', format: 'XLSX', filter: { ...FY, priorityAreaId: area.id } },
      reviewer,
    );
    expect(stages.errors).toBeUndefined();
    expect(Buffer.from(stages.data!.reportFile.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('writes the ratings table from the same rows as the screen', async () => {
    const shown = await gql<Ratings>(api.url, RATINGS, { filter: { ...FY, priorityAreaId: area.id } }, reviewer);
    const screen = shown.data!.evaluationReport.overall.ratings;
    expect(screen.length).toBeGreaterThan(0);
    const res = await gql<{ reportFile: { fileName: string; base64: string } }>(
      api.url,
      FILE,
      { report: 'EVALUATION_RATINGS', format: 'CSV', filter: { ...FY, priorityAreaId: area.id } },
      reviewer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportFile.fileName).toBe('evaluation-ratings-2024-04-01-to-2025-03-31.csv');
    const lines = Buffer.from(res.data!.reportFile.base64, 'base64').toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe('Question,Stage,Answers,Average rating');
    expect(lines.slice(1)).toEqual(
      screen.map((q) => [q.question, stageAudienceLabel(q.stage, q.audience), q.responses, q.average].join(',')),
    );
    const xlsx = await gql<{ reportFile: { base64: string } }>(
      api.url,
      FILE,
      { report: 'EVALUATION_RATINGS', format: 'XLSX', filter: { ...FY, priorityAreaId: area.id } },
      reviewer,
    );
    expect(Buffer.from(xlsx.data!.reportFile.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a trainer filter to a reviewer, an unknown course and an inverted period, in the form’s words', async () => {
    const ask = (filter: object) => gql(api.url, REPORT, { filter, by: 'COURSE' }, reviewer);
    const trainer = await ask({ trainerId: '00000000-0000-4000-8000-000000000000' });
    expect(trainer.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(fields(trainer)).toEqual([{ field: 'filter.trainerId', message: 'Only coordinators can filter reports by trainer' }]);
    const course = await ask({ courseId: '00000000-0000-4000-8000-000000000000' });
    expect(fields(course)).toEqual([{ field: 'filter.courseId', message: 'There is no such course: choose one from the list' }]);
    const inverted = await ask({ periodKind: 'CUSTOM', from: '2025-03-01', to: '2025-02-01' });
    expect(inverted.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fields(inverted).length).toBeGreaterThan(0);
    const practitioner = await signInAs(api.url, await aPerson(em()));
    expect((await gql(api.url, REPORT, { filter: {}, by: 'COURSE' }, practitioner)).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
  });
});
