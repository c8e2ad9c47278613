// Survey results in PostgreSQL: response rates per stage, average ratings, confidence before/after/6 months (paired per
// place on named surveys), change in practice, action plans, breakdowns by agency and session, the anonymity threshold
// (an anonymous group of fewer than 5 responses is never shown), and quotes picked for the annual report.
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AgencySector,
  BookingStatus,
  Role,
  SurveyAudience,
  SurveyInvitationStatus,
  SurveyStage,
  formatLondonDateTime,
  type StoredAnswer,
} from '@lh/domain';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import type { Agency } from '../people/agency.entity';
import type { Course } from '../catalogue/course.entity';
import type { Session } from '../scheduling/session.entity';
import { Booking } from '../booking/booking.entity';
import { SurveyInvitations } from './survey-invitations';
import { SurveyResponse } from './survey-response.entity';
import { SurveyTemplateVersion } from './survey-template.entity';
import { ANONYMOUS_GROUP } from './survey-results.service';

const GROUP = `key label responses hidden responseRates { stage audience invited answered }
  ratings { stage audience questionId responses average measures }
  confidence { stage responses before now } confidencePairs { stage people before after later }
  practiceChange { stage answered yes } actionPlans { stage done partly notYet }`;
const RESULTS = `query($f: SurveyResultsFilter!) { surveyResults(filter: $f) { overall { ${GROUP} } groups { ${GROUP} } } }`;
const QUOTES = `query($f: SurveyResultsFilter!, $picked: Boolean) { surveyQuotes(filter: $f, pickedOnly: $picked) {
  anonymousHidden quotes { responseId questionId outcomeIndex question text stage courseTitle sector picked } } }`;
const PICK = `mutation($i: PickSurveyQuoteInput!) { pickSurveyQuote(input: $i) }`;

type Group = {
  key: string | null;
  label: string;
  responses: number;
  hidden: boolean;
  responseRates: { stage: string; audience: string; invited: number; answered: number }[];
  ratings: { stage: string; questionId: string; responses: number; average: number }[];
  confidence: { stage: string; responses: number; before: number | null; now: number }[];
  confidencePairs: { stage: string; people: number; before: number; after: number; later: number }[];
  practiceChange: { stage: string; answered: number; yes: number }[];
  actionPlans: { stage: string; done: number; partly: number; notYet: number }[];
};
type Results = { surveyResults: { overall: Group; groups: Group[] } };
type Quotes = {
  surveyQuotes: { anonymousHidden: number; quotes: { responseId: string; questionId: string; text: string; picked: boolean }[] };
};

const a = (questionId: string, value: StoredAnswer['value']): StoredAnswer => ({ questionId, outcomeIndex: null, value });

describe('survey results (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  const em = () => api.orm.em.fork();
  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(em(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());

  const results = async (f: object, as = coordinator) => {
    const res = await gql<Results>(api.url, RESULTS, { f }, as);
    expect(res.errors).toBeUndefined();
    return res.data!.surveyResults;
  };

  /** A confirmed place on `session` for someone in `agency`. */
  async function place(e: EntityManager, session: Session, agency: Agency) {
    const booking = e.create(Booking, { session, person: await aPerson(e, { agency }), agency, status: BookingStatus.CONFIRMED });
    await e.flush();
    return booking;
  }

  /** Invites the place at `stage`; with answers, submits them (named: linked to the invitation; anonymous: not). */
  async function survey(e: EntityManager, booking: Booking, stage: SurveyStage, answers: StoredAnswer[] | null, identified = true) {
    const invitation = (await api.app.get(SurveyInvitations).invite(e, { booking, stage, now: new Date() }))!;
    if (answers) {
      invitation.status = SurveyInvitationStatus.SUBMITTED;
      const month = formatMonth(booking.session.startsAt);
      e.create(SurveyResponse, {
        templateVersion: await e.findOneOrFail(SurveyTemplateVersion, invitation.templateVersion.id),
        stage,
        audience: SurveyAudience.ATTENDEE,
        course: booking.session.course,
        sessionMonth: month,
        agencySector: booking.agency?.sector ?? null,
        identified,
        invitation: identified ? invitation : null,
        person: identified ? booking.person : null,
        session: identified ? booking.session : null,
        booking: identified ? booking : null,
        submittedAt: identified ? new Date() : null,
        submittedMonth: month,
        answers,
      });
    }
    await e.flush();
  }
  const formatMonth = (d: Date) => new Date(d).toISOString().slice(0, 7);

  it('counts invited and answered, averages ratings from 5 anonymous answers, and hides fewer', async () => {
    const e = em();
    const agency = await anAgency(e, { sector: AgencySector.HEALTH });
    const course = async (n: number, answered: number) => {
      const c = await aCourse(e);
      const session = await aSession(e, c, { inDays: -3 });
      for (let i = 0; i < n; i++) {
        await survey(
          e,
          await place(e, session, agency),
          SurveyStage.END_OF_COURSE,
          i < answered ? [a('trainer', i % 2 ? 2 : 4)] : null,
          false,
        );
      }
      return c;
    };
    const big = await course(6, 5);
    const shown = await results({ courseId: big.id });
    expect(shown.overall.label).toBe(big.title);
    expect(shown.overall.responseRates).toEqual([{ stage: 'END_OF_COURSE', audience: 'ATTENDEE', invited: 6, answered: 5 }]);
    expect(shown.overall.ratings).toEqual([
      expect.objectContaining({ questionId: 'trainer', responses: 5, average: 3.2, measures: 'REACTION' }),
    ]);

    const small = await course(6, 4);
    const hidden = await results({ courseId: small.id });
    expect(hidden.overall).toMatchObject({ hidden: true, responses: 4, ratings: [] });
    expect(hidden.overall.responseRates).toEqual([{ stage: 'END_OF_COURSE', audience: 'ATTENDEE', invited: 6, answered: 4 }]);

    // reviewers see the aggregates; practitioners cannot
    const reviewer = await signInAs(api.url, await aPerson(em(), { roles: [Role.REVIEWER] }));
    expect((await results({ courseId: big.id }, reviewer)).overall.responses).toBe(5);
    const practitioner = await signInAs(api.url, await aPerson(em()));
    expect((await gql(api.url, RESULTS, { f: {} }, practitioner)).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    // a bad month is refused, naming it
    const bad = await gql(api.url, RESULTS, { f: { fromMonth: '2026-13' } }, coordinator);
    expect(bad.errors?.[0]?.extensions?.fields).toEqual([{ field: 'filter.fromMonth', message: 'Enter the first month like 2026-09' }]);
  });

  it('averages a rating asked once per learning outcome over every answer, and counts each response once', async () => {
    const e = em();
    const agency = await anAgency(e, { sector: AgencySector.HEALTH });
    const c = await aCourse(e);
    const session = await aSession(e, c, { inDays: -3 });
    const perOutcome = (values: number[]): StoredAnswer[] =>
      values.map((value, outcomeIndex) => ({ questionId: 'outcomes-met', outcomeIndex, value }));
    for (const values of [
      [5, 3],
      [4, 4],
      [2, 2],
      [5, 5],
      [1, 3],
    ]) {
      await survey(e, await place(e, session, agency), SurveyStage.END_OF_COURSE, perOutcome(values), false);
    }
    const { overall } = await results({ courseId: c.id });
    // 10 answers adding up to 34, from 5 responses
    expect(overall.ratings).toEqual([expect.objectContaining({ questionId: 'outcomes-met', responses: 5, average: 3.4 })]);
  });

  describe('a course with named surveys at the end and at 6 months, in two agencies', () => {
    let c: Course;
    let sessions: Session[];
    let council: Agency;
    let police: Agency;
    beforeAll(async () => {
      const e = em();
      council = await anAgency(e, { name: `Northshire Council ${Date.now()}`, sector: AgencySector.CHILDRENS_SOCIAL_CARE });
      police = await anAgency(e, { name: `Northshire Police ${Date.now()}`, sector: AgencySector.POLICE });
      c = await aCourse(e);
      sessions = [await aSession(e, c, { inDays: -200 }), await aSession(e, c, { inDays: -190 })];
      // three council staff on the first session: confidence 2 -> 4 at the end, then 3, 4, 5 at 6 months
      const plans = ['DONE', 'PARTLY', 'NOT_YET'];
      for (let i = 0; i < 3; i++) {
        const booking = await place(e, sessions[0]!, council);
        await survey(e, booking, SurveyStage.END_OF_COURSE, [
          a('relevance', 5),
          a('confidence', { before: 2, now: 4 }),
          a('action-plan', `Use the threshold document in every referral ${i}`),
        ]);
        await survey(e, booking, SurveyStage.SIX_MONTHS, [
          a('used', i < 2),
          a('confidence-now', 3 + i),
          a('action-plan-review', plans[i]!),
        ]);
      }
      // one police officer on the second session answers only at the end (no pair), one never answers
      await survey(e, await place(e, sessions[1]!, police), SurveyStage.END_OF_COURSE, [
        a('relevance', 3),
        a('confidence', { before: 1, now: 3 }),
        a('action-plan', 'Ask about the child’s voice'),
      ]);
      await survey(e, await place(e, sessions[1]!, police), SurveyStage.END_OF_COURSE, null);
    });

    it('reports confidence before, after and at 6 months, paired for the same places, with practice change and action plans', async () => {
      const { overall } = await results({ courseId: c.id });
      expect(overall.responseRates).toEqual([
        { stage: 'END_OF_COURSE', audience: 'ATTENDEE', invited: 5, answered: 4 },
        { stage: 'SIX_MONTHS', audience: 'ATTENDEE', invited: 3, answered: 3 },
      ]);
      expect(overall.confidence).toEqual([
        { stage: 'END_OF_COURSE', responses: 4, before: 1.75, now: 3.75 },
        { stage: 'SIX_MONTHS', responses: 3, before: null, now: 4 },
      ]);
      // the police officer has no 6-month answer, so the pair is the three council places only
      expect(overall.confidencePairs).toEqual([{ stage: 'SIX_MONTHS', people: 3, before: 2, after: 4, later: 4 }]);
      expect(overall.practiceChange).toEqual([{ stage: 'SIX_MONTHS', answered: 3, yes: 2 }]);
      expect(overall.actionPlans).toEqual([{ stage: 'SIX_MONTHS', done: 1, partly: 1, notYet: 1 }]);
      expect(overall.ratings).toEqual(
        expect.arrayContaining([expect.objectContaining({ stage: 'END_OF_COURSE', questionId: 'relevance', responses: 4, average: 4.5 })]),
      );
    });

    it('breaks them down by agency, sector and session', async () => {
      const byAgency = (await results({ courseId: c.id, by: 'AGENCY' })).groups;
      expect(byAgency.map((g) => [g.label, g.responses])).toEqual(
        [
          [council.name, 6],
          [police.name, 1],
        ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      );
      const councilGroup = byAgency.find((g) => g.key === council.id)!;
      expect(councilGroup.confidencePairs).toEqual([{ stage: 'SIX_MONTHS', people: 3, before: 2, after: 4, later: 4 }]);
      const policeGroup = byAgency.find((g) => g.key === police.id)!;
      expect(policeGroup.responseRates).toEqual([{ stage: 'END_OF_COURSE', audience: 'ATTENDEE', invited: 2, answered: 1 }]);
      expect(policeGroup.confidencePairs).toEqual([]);

      const bySector = (await results({ courseId: c.id, by: 'SECTOR' })).groups;
      expect(bySector.map((g) => g.key).sort()).toEqual(['CHILDRENS_SOCIAL_CARE', 'POLICE']);
      expect((await results({ courseId: c.id, sector: 'POLICE' })).overall.responses).toBe(1);

      const bySession = (await results({ courseId: c.id, by: 'SESSION' })).groups;
      expect(bySession.map((g) => [g.key, g.label, g.responses])).toEqual([
        [sessions[0]!.id, `${c.title}, ${formatLondonDateTime(sessions[0]!.startsAt)}`, 6],
        [sessions[1]!.id, `${c.title}, ${formatLondonDateTime(sessions[1]!.startsAt)}`, 1],
      ]);
    });

    it('lists free text without names, and keeps the quotes a coordinator picks', async () => {
      const all = await gql<Quotes>(api.url, QUOTES, { f: { courseId: c.id } }, coordinator);
      expect(all.errors).toBeUndefined();
      const texts = all.data!.surveyQuotes.quotes.map((q) => q.text);
      expect(texts).toHaveLength(4);
      expect(texts).toContain('Ask about the child’s voice');
      expect(JSON.stringify(all.data)).not.toMatch(/@example|email|personId/);

      const chosen = all.data!.surveyQuotes.quotes.find((q) => q.text === 'Ask about the child’s voice')!;
      const input = { responseId: chosen.responseId, questionId: chosen.questionId, picked: true };
      expect((await gql(api.url, PICK, { i: input }, coordinator)).data).toEqual({ pickSurveyQuote: true });
      expect((await gql(api.url, PICK, { i: input }, coordinator)).errors).toBeUndefined(); // picking twice keeps one pick
      const picked = await gql<Quotes>(api.url, QUOTES, { f: { courseId: c.id }, picked: true }, coordinator);
      expect(picked.data!.surveyQuotes.quotes.map((q) => [q.text, q.picked])).toEqual([['Ask about the child’s voice', true]]);

      // only coordinators pick; an answer that is not free text is not a quote
      const reviewer = await signInAs(api.url, await aPerson(em(), { roles: [Role.REVIEWER] }));
      expect((await gql(api.url, PICK, { i: input }, reviewer)).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
      const notText = await gql(api.url, PICK, { i: { ...input, questionId: 'relevance' } }, coordinator);
      expect(notText.errors?.[0]?.message).toBe('This answer is not in the results.');

      await gql(api.url, PICK, { i: { ...input, picked: false } }, coordinator);
      expect((await gql<Quotes>(api.url, QUOTES, { f: { courseId: c.id }, picked: true }, coordinator)).data!.surveyQuotes.quotes).toEqual(
        [],
      );
    });
  });

  it('puts anonymous answers in a group of their own by session, and shows their free text only from 5', async () => {
    const e = em();
    const agency = await anAgency(e, { sector: AgencySector.EDUCATION });
    const c = await aCourse(e);
    const session = await aSession(e, c, { inDays: -5 });
    for (let i = 0; i < 4; i++) {
      await survey(
        e,
        await place(e, session, agency),
        SurveyStage.END_OF_COURSE,
        [a('relevance', 4), a('comments', `Comment ${i}`)],
        false,
      );
    }
    const quotes = async () => (await gql<Quotes>(api.url, QUOTES, { f: { courseId: c.id } }, coordinator)).data!.surveyQuotes;
    expect(await quotes()).toEqual({ anonymousHidden: 4, quotes: [] });
    const [four] = (await results({ courseId: c.id, by: 'SESSION' })).groups.filter((g) => g.key === null);
    expect(four).toMatchObject({ label: ANONYMOUS_GROUP, responses: 4, hidden: true });

    await survey(e, await place(e, session, agency), SurveyStage.END_OF_COURSE, [a('relevance', 5), a('comments', 'Comment 4')], false);
    expect((await quotes()).quotes).toHaveLength(5);
    const groups = (await results({ courseId: c.id, by: 'SESSION' })).groups;
    // the session keeps its response rate; its anonymous answers are one group with no session
    expect(groups.find((g) => g.key === session.id)).toMatchObject({
      responses: 0,
      responseRates: [{ stage: 'END_OF_COURSE', audience: 'ATTENDEE', invited: 5, answered: 5 }],
    });
    expect(groups.find((g) => g.key === null)).toMatchObject({
      hidden: false,
      responses: 5,
      ratings: [expect.objectContaining({ average: 4.2 })],
    });
  });
});
