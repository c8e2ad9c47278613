// Survey results in PostgreSQL: response rates per stage, average ratings of REACTION questions, and the anonymity
// threshold (an anonymous group of fewer than 5 responses is never shown); reviewers see them, practitioners do not.
import { AgencySector, BookingStatus, Role, SurveyAudience, SurveyInvitationStatus, SurveyMode, SurveyStage } from '@lh/domain';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { SurveyInvitations } from './survey-invitations';
import { SurveyResponse } from './survey-response.entity';
import { SurveyTemplateVersion } from './survey-template.entity';

const RESULTS = `query($f: SurveyResultsFilter!) { surveyResults(filter: $f) {
  responseRates { stage audience invited answered } ratings { stage questionId question responses average } } }`;

describe('survey results (real API, real PostgreSQL)', () => {
  let api: TestApi;
  const em = () => api.orm.em.fork();
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  /** A course with `n` places invited to the end-of-course evaluation and `answered` anonymous answers (trainer rated 4 and 2 alternately). */
  async function course(n: number, answered: number) {
    const e = em();
    const agency = await anAgency(e, { sector: AgencySector.HEALTH });
    const c = await aCourse(e);
    const session = await aSession(e, c, { inDays: -3 });
    const month = new Date(session.startsAt).toISOString().slice(0, 7);
    for (let i = 0; i < n; i++) {
      const booking = e.create(Booking, { session, person: await aPerson(e, { agency }), agency, status: BookingStatus.CONFIRMED });
      await e.flush();
      const invitation = (await api.app.get(SurveyInvitations).invite(e, { booking, stage: SurveyStage.END_OF_COURSE, now: new Date() }))!;
      if (i < answered) {
        invitation.status = SurveyInvitationStatus.SUBMITTED;
        const version = await e.findOneOrFail(SurveyTemplateVersion, invitation.templateVersion.id);
        e.create(SurveyResponse, {
          templateVersion: version,
          stage: SurveyStage.END_OF_COURSE,
          audience: SurveyAudience.ATTENDEE,
          course: c,
          sessionMonth: month,
          agencySector: AgencySector.HEALTH,
          identified: false,
          submittedMonth: month,
          answers: [{ questionId: 'trainer', outcomeIndex: null, value: i % 2 ? 2 : 4 }],
        });
        await e.flush();
      }
    }
    // the default end-of-course template is named; these answers stand for an anonymous template's
    expect(
      (await e.findOneOrFail(SurveyTemplateVersion, (await e.findOneOrFail(SurveyResponse, { course: c })).templateVersion.id)).mode,
    ).toBe(SurveyMode.IDENTIFIED);
    return c;
  }

  it('counts invited and answered, averages ratings from 5 anonymous answers, and hides fewer', async () => {
    const coordinator = await signInAs(api.url, await aPerson(em(), { roles: [Role.COORDINATOR] }));
    const big = await course(6, 5);
    const res = await gql<{
      surveyResults: { responseRates: unknown[]; ratings: { questionId: string; responses: number | null; average: number | null }[] };
    }>(api.url, RESULTS, { f: { courseId: big.id } }, coordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data!.surveyResults.responseRates).toEqual([{ stage: 'END_OF_COURSE', audience: 'ATTENDEE', invited: 6, answered: 5 }]);
    expect(res.data!.surveyResults.ratings).toEqual([expect.objectContaining({ questionId: 'trainer', responses: 5, average: 3.2 })]);

    const small = await course(6, 4);
    const hidden = await gql<{ surveyResults: { ratings: { responses: number | null; average: number | null }[] } }>(
      api.url,
      RESULTS,
      { f: { courseId: small.id } },
      coordinator,
    );
    expect(hidden.data!.surveyResults.ratings).toEqual([expect.objectContaining({ responses: null, average: null })]);

    // reviewers see the aggregates; practitioners cannot
    const reviewer = await signInAs(api.url, await aPerson(em(), { roles: [Role.REVIEWER] }));
    expect((await gql(api.url, RESULTS, { f: { courseId: big.id } }, reviewer)).errors).toBeUndefined();
    const practitioner = await signInAs(api.url, await aPerson(em()));
    expect((await gql(api.url, RESULTS, { f: {} }, practitioner)).errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    // a bad month is refused, naming it
    const bad = await gql(api.url, RESULTS, { f: { fromMonth: '2026-13' } }, coordinator);
    expect(bad.errors?.[0]?.extensions?.fields).toEqual([{ field: 'filter.fromMonth', message: 'Enter the first month like 2026-09' }]);
  });
});
