import { AgencySector, BookingStatus, Role, SurveyAudience, SurveyInvitationStatus, SurveyStage } from '@lh/domain';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';
import { Booking } from '../booking/booking.entity';
import { SurveyInvitations } from './survey-invitations';
import { SurveyInvitation } from './survey-invitation.entity';
import { SurveyTemplate } from './survey-template.entity';

const TEMPLATES = `{ surveyTemplates { id name stage audience mode version isDefault sent responseCount courseCount questions { id kind text } } }`;
const SAVE = `mutation($input: SaveSurveyTemplateInput!) { saveSurveyTemplate(input: $input) { id version mode sent questions { id text kind } } }`;
const FORM = `query($token: String!) { surveyForm(token: $token) { status mode modeStatement courseTitle draftSavedAt
  questions { fieldId questionId outcomeIndex label kind required shownText values } } }`;
const DRAFT = `mutation($token: String!, $answers: [SurveyAnswerInput!]!) { saveSurveyDraft(token: $token, answers: $answers) { status draftSavedAt questions { fieldId values } } }`;
const SUBMIT = `mutation($token: String!, $answers: [SurveyAnswerInput!]!) { submitSurvey(token: $token, answers: $answers) { status } }`;
const YOURS = `{ yourSurveys { invitationId token stage status courseTitle hasDraft } }`;
const SETTINGS = `mutation($input: CourseSurveySettingsInput!) { setCourseSurveySettings(input: $input) { endOfCourseTemplateId sendManagerSurveys } }`;

const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];
const DAY = 86_400_000;

/** Every answer a valid end-of-course default needs (course with two learning outcomes). */
const endOfCourseAnswers = (plan = 'I will ask about the child’s lived experience in every visit') => [
  { questionId: 'relevance', values: ['5'] },
  { questionId: 'trainer', values: ['4'] },
  { questionId: 'materials', values: ['4'] },
  { questionId: 'outcomes-met', outcomeIndex: 0, values: ['4'] },
  { questionId: 'outcomes-met', outcomeIndex: 1, values: ['3'] },
  { questionId: 'confidence', values: ['2', '4'] },
  { questionId: 'action-plan', values: [plan] },
];

describe('surveys: templates, versions, invitations and answering (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  const em = () => api.orm.em.fork();

  beforeAll(async () => {
    api = await startTestApi({ webOrigin: 'https://learninghub.example.org' });
    coordinator = await signInAs(api.url, await aPerson(em(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));

  async function aPlace(mode?: 'ANONYMOUS') {
    const e = em();
    const agency = await anAgency(e, { sector: AgencySector.EDUCATION });
    const person = await aPerson(e, { agency });
    const course = await aCourse(e, { learningOutcomes: ['Spot signs of neglect', 'Make a referral'] });
    const session = await aSession(e, course, { inDays: -1 });
    const booking = e.create(Booking, { session, person, agency, status: BookingStatus.CONFIRMED, managerEmail: 'boss@example.org' });
    await e.flush();
    if (mode) {
      const made = await gql<{ saveSurveyTemplate: { id: string } }>(
        api.url,
        SAVE,
        {
          input: {
            name: `Anonymous ${course.id}`,
            stage: 'END_OF_COURSE',
            audience: 'ATTENDEE',
            mode,
            questions: [
              { kind: 'RATING', text: 'How useful was it?', required: true, measures: 'REACTION', perOutcome: false },
              { kind: 'LONG_TEXT', text: 'Anything else?', required: false, measures: 'REACTION', perOutcome: false },
            ],
          },
        },
        coordinator,
      );
      expect(made.errors).toBeUndefined();
      const set = await gql(
        api.url,
        SETTINGS,
        { input: { courseId: course.id, endOfCourseTemplateId: made.data!.saveSurveyTemplate.id, sendManagerSurveys: false } },
        coordinator,
      );
      expect(set.errors).toBeUndefined();
    }
    return { person, course, booking };
  }

  const invite = async (booking: Booking, stage = SurveyStage.END_OF_COURSE, now = new Date()) => {
    const e = em();
    const invitation = (await api.app.get(SurveyInvitations).invite(e, { booking, stage, now }))!;
    return { invitation, token: api.app.get(SurveyInvitations).tokenFor(invitation) };
  };

  it('makes the five default templates at start-up, in use by every course', async () => {
    const res = await gql<{
      surveyTemplates: { name: string; stage: string; audience: string; isDefault: boolean; courseCount: number }[];
    }>(api.url, TEMPLATES, {}, coordinator);
    const defaults = res.data!.surveyTemplates.filter((t) => t.isDefault);
    expect(defaults.map((t) => `${t.stage}:${t.audience}`).sort()).toEqual([
      'END_OF_COURSE:ATTENDEE',
      'SIX_MONTHS:ATTENDEE',
      'SIX_MONTHS:LINE_MANAGER',
      'TWELVE_MONTHS:ATTENDEE',
      'TWELVE_MONTHS:LINE_MANAGER',
    ]);
    await aCourse(em());
    const again = await gql<{ surveyTemplates: { isDefault: boolean; stage: string; audience: string; courseCount: number }[] }>(
      api.url,
      TEMPLATES,
      {},
      coordinator,
    );
    const end = again.data!.surveyTemplates.find((t) => t.isDefault && t.stage === 'END_OF_COURSE')!;
    expect(end.courseCount).toBeGreaterThan(0);
    // line managers are asked only when a course says so
    expect(again.data!.surveyTemplates.find((t) => t.isDefault && t.audience === 'LINE_MANAGER')!.courseCount).toBe(0);
  });

  it('asks the default per learning outcome, keeps a draft, refuses bad answers naming the question, and submits once', async () => {
    const { booking } = await aPlace();
    const { token } = await invite(booking);
    const form = await gql<{ surveyForm: { mode: string; questions: { fieldId: string; label: string }[] } }>(api.url, FORM, { token });
    expect(form.errors).toBeUndefined();
    expect(form.data!.surveyForm.mode).toBe('IDENTIFIED');
    expect(form.data!.surveyForm.questions.map((q) => q.label)).toContain('I can now do this: Make a referral');

    const draft = await gql(api.url, DRAFT, { token, answers: [{ questionId: 'relevance', values: ['5'] }] });
    expect(draft.errors).toBeUndefined();

    // a value outside the scale, an unknown question, a missing required answer: refused, the draft kept
    const bad = await gql(api.url, SUBMIT, {
      token,
      answers: [
        { questionId: 'relevance', values: ['7'] },
        { questionId: 'not-a-question', values: ['1'] },
      ],
    });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const messages = fields(bad).map((f) => f.message);
    expect(messages).toContain('Choose a rating from 1 to 5 for "The course was relevant to my role"');
    expect(messages).toContain('Enter an answer to "What will you do differently in your work because of this course?"');
    expect(messages.some((m) => m.includes('not on this survey'))).toBe(true);
    expect(fields(bad).find((f) => f.message.startsWith('Choose a rating'))!.field).toBe('q-relevance-x');
    const after = await gql<{ surveyForm: { status: string; questions: { fieldId: string; values: string[] }[] } }>(api.url, FORM, {
      token,
    });
    expect(after.data!.surveyForm.status).toBe('OPEN');
    expect(after.data!.surveyForm.questions.find((q) => q.fieldId === 'q-relevance-x')!.values).toEqual(['5']);
    expect(await em().count('SurveyResponse', {})).toBe(0);

    const ok = await gql<{ submitSurvey: { status: string } }>(api.url, SUBMIT, { token, answers: endOfCourseAnswers() });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.submitSurvey.status).toBe('SUBMITTED');
    const twice = await gql(api.url, SUBMIT, { token, answers: endOfCourseAnswers() });
    expect(code(twice)).toBe('ALREADY_DECIDED');
    expect(twice.errors![0]!.message).toMatch(/already sent your answers/);
  });

  it('refuses a tampered or expired link, and a withdrawn invitation', async () => {
    const { booking } = await aPlace();
    const { invitation, token } = await invite(booking);
    const tampered = token.slice(0, -2) + (token.endsWith('aa') ? 'bb' : 'aa');
    const t = await gql(api.url, FORM, { token: tampered });
    expect(code(t)).toBe('INVALID_TOKEN');
    expect(t.errors![0]!.message).toMatch(/survey link is not valid/);

    api.app.get(Clock).fixAt(new Date(invitation.expiresAt.getTime() + 1000));
    const expired = await gql(api.url, SUBMIT, { token, answers: endOfCourseAnswers() });
    expect(code(expired)).toBe('TOKEN_EXPIRED');
    api.app.get(Clock).fixAt(null);

    const e = em();
    await api.app
      .get(SurveyInvitations)
      .withdraw(e, await e.findOneOrFail(SurveyInvitation, invitation.id), 'Attendance corrected', new Date());
    const withdrawn = await gql(api.url, SUBMIT, { token, answers: endOfCourseAnswers() });
    expect(code(withdrawn)).toBe('INVALID_TOKEN');
    expect(withdrawn.errors![0]!.message).toMatch(/withdrew it/);
    // a new invitation can be made after a withdrawal; asking again while live gives the same one
    const next = await invite(booking);
    expect(next.invitation.id).not.toBe(invitation.id);
    expect((await invite(booking)).invitation.id).toBe(next.invitation.id);
  });

  it('keeps an anonymous response apart from the person and the invitation', async () => {
    const { booking, course } = await aPlace('ANONYMOUS');
    const { invitation, token } = await invite(booking);
    await gql(api.url, DRAFT, { token, answers: [{ questionId: await firstQuestionId(token), values: ['4'] }] });
    const qid = await firstQuestionId(token);
    const ok = await gql(api.url, SUBMIT, { token, answers: [{ questionId: qid, values: ['4'] }] });
    expect(ok.errors).toBeUndefined();
    const conn = em().getConnection();
    const rows = await conn.execute(`select * from survey_response where course_id = ?`, [course.id]);
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, unknown>;
    expect(row.identified).toBe(false);
    expect(row.person_id).toBeNull();
    expect(row.invitation_id).toBeNull();
    expect(row.submitted_at).toBeNull();
    expect(row.agency_sector).toBe('EDUCATION');
    expect(row.session_month).toMatch(/^\d{4}-\d{2}$/);
    // no column holds the person's or the invitation's id anywhere in the row
    const values = JSON.stringify(row);
    expect(values).not.toContain(booking.person.id);
    expect(values).not.toContain(invitation.id);
    expect(values).not.toContain(booking.id);
    const inv = (
      await conn.execute(`select status, submitted_at, draft from survey_invitation where id = ?`, [invitation.id])
    )[0] as Record<string, unknown>;
    expect(inv).toEqual({ status: 'SUBMITTED', submitted_at: null, draft: null });
  });

  async function firstQuestionId(token: string): Promise<string> {
    const form = await gql<{ surveyForm: { questions: { questionId: string }[] } }>(api.url, FORM, { token });
    return form.data!.surveyForm.questions[0]!.questionId;
  }

  it('makes a new version when a sent template is edited; responses keep the version they answered', async () => {
    const { booking, course } = await aPlace('ANONYMOUS');
    const template = await em().findOneOrFail(SurveyTemplate, { name: `Anonymous ${course.id}` });
    const edit = (text: string, mode = 'ANONYMOUS') =>
      gql<{ saveSurveyTemplate: { version: number; mode: string } }>(
        api.url,
        SAVE,
        {
          input: {
            id: template.id,
            name: template.name,
            stage: 'END_OF_COURSE',
            audience: 'ATTENDEE',
            mode,
            questions: [{ kind: 'RATING', text, required: true, measures: 'REACTION', perOutcome: false }],
          },
        },
        coordinator,
      );
    // never sent: edited in place
    expect((await edit('How useful was the course?')).data!.saveSurveyTemplate.version).toBe(1);
    const { token } = await invite(booking);
    const qid = await firstQuestionId(token);
    expect((await edit('How useful was the day?')).data!.saveSurveyTemplate.version).toBe(2);
    // still version 1 for the invitation sent: its form is unchanged
    const form = await gql<{ surveyForm: { questions: { label: string }[] } }>(api.url, FORM, { token });
    expect(form.data!.surveyForm.questions[0]!.label).toBe('How useful was the course?');
    expect((await gql(api.url, SUBMIT, { token, answers: [{ questionId: qid, values: ['3'] }] })).errors).toBeUndefined();
    const versions = await em()
      .getConnection()
      .execute(
        `select v.version from survey_response r join survey_template_version v on v.id = r.template_version_id where r.course_id = ?`,
        [course.id],
      );
    expect(versions).toEqual([{ version: 1 }]);

    // answered anonymously: cannot become named, and nothing changes
    const named = await edit('How useful was the day?', 'IDENTIFIED');
    expect(code(named)).toBe('BAD_USER_INPUT');
    expect(named.errors![0]!.message).toMatch(/cannot be made named: people have already answered it anonymously/);
    const list = await gql<{ surveyTemplates: { id: string; mode: string; version: number }[] }>(api.url, TEMPLATES, {}, coordinator);
    expect(list.data!.surveyTemplates.find((t) => t.id === template.id)).toMatchObject({ mode: 'ANONYMOUS', version: 2 });
  });

  it('shows the end-of-course action plan back at 6 months, and lists your own surveys', async () => {
    const { booking, person } = await aPlace();
    const first = await invite(booking);
    expect(
      (await gql(api.url, SUBMIT, { token: first.token, answers: endOfCourseAnswers('Use the neglect toolkit') })).errors,
    ).toBeUndefined();
    const later = await invite(booking, SurveyStage.SIX_MONTHS, new Date(Date.now() + 182 * DAY));
    api.app.get(Clock).fixAt(new Date(Date.now() + 183 * DAY));
    const form = await gql<{ surveyForm: { questions: { questionId: string; shownText: string | null }[] } }>(api.url, FORM, {
      token: later.token,
    });
    expect(form.data!.surveyForm.questions.find((q) => q.questionId === 'action-plan-review')!.shownText).toBe('Use the neglect toolkit');
    const mine = await gql<{ yourSurveys: { stage: string; status: string }[] }>(api.url, YOURS, {}, await signInAs(api.url, person));
    expect(mine.data!.yourSurveys.map((s) => `${s.stage}:${s.status}`)).toEqual(['SIX_MONTHS:OPEN', 'END_OF_COURSE:SUBMITTED']);
    expect(later.invitation.status).toBe(SurveyInvitationStatus.OPEN);
  });

  it('asks a line manager only when the course sends the manager version', async () => {
    const { booking, course } = await aPlace();
    const invitations = api.app.get(SurveyInvitations);
    expect(
      await invitations.invite(em(), { booking, stage: SurveyStage.SIX_MONTHS, audience: SurveyAudience.LINE_MANAGER, now: new Date() }),
    ).toBeNull();
    await gql(api.url, SETTINGS, { input: { courseId: course.id, sendManagerSurveys: true } }, coordinator);
    const manager = await invitations.invite(em(), {
      booking,
      stage: SurveyStage.SIX_MONTHS,
      audience: SurveyAudience.LINE_MANAGER,
      now: new Date(),
    });
    expect(manager!.managerEmail).toBe('boss@example.org');
  });
});
