// A course's whole life with its surveys, against the real API, real PostgreSQL, the real pg-boss queue and a real
// SMTP server: book, attend, sign off (the evaluation mailed), answer it, a correction that takes one person's
// attendance away (their surveys withdrawn, nothing more to them), 6 months (invitations to the attendee and their
// line manager), reminders (none on a Saturday or at 22:00, on the next weekday morning instead), closing after the
// last reminder, 12 months; someone who opted out gets the evaluation and no impact survey; someone who left their
// agency is not chased.
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { AttendanceMark, MailKind, MailStatus, Role, SurveyInvitationStatus, SurveyStage, londonParts, londonToUtc } from '@lh/domain';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import { JobsService } from '../jobs/jobs.service';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Person } from '../people/person.entity';
import { MARK, MARK_ALL, REGISTER, SIGN_OFF, type RegisterView } from '../registers/register-test-support';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';
import { CourseSurveySettings } from './course-survey-settings.entity';
import { SURVEY_DELIVERY_QUEUE } from './survey-delivery.service';
import { SurveyInvitation } from './survey-invitation.entity';
import { SURVEY_MAIL_KINDS } from './survey-mail';
import { SurveySchedule, SurveyScheduleStatus } from './survey-schedule.entity';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const SUBMIT = `mutation($token: String!, $answers: [SurveyAnswerInput!]!) { submitSurvey(token: $token, answers: $answers) { status } }`;
const FORM = `query($token: String!) { surveyForm(token: $token) { status } }`;
const STOP = `mutation($token: String!) { stopImpactSurveysByLink(token: $token) }`;
const EVALUATION_FOR = `query($s: ID!) { evaluationForSession(sessionId: $s) }`;
const PASSWORD = 'survey-delivery-password';
const MANAGER = 'ada.manager@example.org';

/** London wall-clock time to the UTC instant. */
const london = (date: string, time: string) => londonToUtc(date, time);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('survey delivery through a course’s whole life (real PostgreSQL, pg-boss, SMTP)', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let pg: Client;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({
      smtpUrl: smtp.url,
      jobsEnabled: true,
      sessionTtlHours: 24 * 800,
      webOrigin: 'https://learninghub.example.org',
    });
    pg = new Client({ connectionString: api.orm.config.getClientUrl() });
    await pg.connect();
  }, 60_000);
  afterAll(async () => {
    api.app.get(Clock).fixAt(null);
    await pg.end();
    await api.close();
    await smtp.stop();
  });

  const em = () => api.orm.em.fork();
  const at = (instant: Date) => api.app.get(Clock).fixAt(instant);

  /** Runs one survey sweep on the real queue at the clock's time, and waits for it to finish. */
  async function sweep(): Promise<void> {
    for (let tries = 0; tries < 200; tries++) {
      const id = await api.app.get(JobsService).send(SURVEY_DELIVERY_QUEUE);
      if (id) {
        for (let i = 0; i < 300; i++) {
          const { rows } = await pg.query<{ state: string }>('select state from pgboss.job where id = $1', [id]);
          if (rows[0]?.state === 'completed') {
            return;
          }
          if (rows[0]?.state === 'failed') {
            throw new Error('The survey sweep failed');
          }
          await sleep(100);
        }
        throw new Error('The survey sweep did not finish');
      }
      await sleep(100); // one is already waiting (the queue keeps one): send ours after it
    }
    throw new Error('Could not queue a survey sweep');
  }

  /** Survey mail queued since the last call, as "KIND to address". */
  let seen = new Set<string>();
  async function newSurveyMail(sessionId: string): Promise<string[]> {
    const rows = await em().find(OutboxMessage, { sessionId, kind: { $in: SURVEY_MAIL_KINDS } }, { orderBy: { toEmail: 'asc' } });
    const fresh = rows.filter((r) => !seen.has(r.id));
    seen = new Set(rows.map((r) => r.id));
    return fresh.map((r) => `${r.kind} to ${r.toEmail}`).sort();
  }
  /** Waits until every mail due (in real time: session reminders wait for theirs) and not withdrawn has arrived over SMTP. */
  const allDelivered = async () =>
    smtp.waitFor(await em().count(OutboxMessage, { status: { $ne: MailStatus.CANCELLED }, nextAttemptAt: { $lte: new Date() } }), 30_000);
  const invitations = (bookingId: string) => em().find(SurveyInvitation, { booking: bookingId }, { orderBy: { createdAt: 'asc' } });
  const linkIn = (text: string, pattern: RegExp) => {
    const m = pattern.exec(text);
    expect(m).not.toBeNull();
    return m![1]!;
  };

  it('mails, schedules, reminds, withdraws and closes at the right times, and to the right people', async () => {
    // --- arrange: a course asking line managers too, a one-part session on Wednesday 9 December 2026, 10:00-13:00
    const e = em();
    const agency = await anAgency(e, { name: 'Northshire Council' });
    const course = await aCourse(e, { title: 'Neglect: the toolkit', learningOutcomes: ['Spot signs of neglect', 'Make a referral'] });
    e.create(CourseSurveySettings, { course, sendManagerSurveys: true });
    const session = await aSession(e, course, { inDays: 8 });
    const startsAt = london('2026-12-09', '10:00');
    const endsAt = london('2026-12-09', '13:00');
    await e.nativeUpdate(Session, { id: session.id }, { startsAt, endsAt });
    await e.nativeUpdate(SessionPart, { session: session.id }, { startsAt, endsAt });
    const trainer = await aPerson(e, { roles: [Role.PRACTITIONER, Role.TRAINER], name: 'Tariq Trainer', password: PASSWORD });
    session.trainers.add(trainer);
    await e.flush();
    const coordinator = await signInAs(api.url, await aPerson(em(), { roles: [Role.COORDINATOR], password: PASSWORD }));
    const trainerCookie = await signInAs(api.url, { email: trainer.email, password: PASSWORD });
    const [ada, ben, ola, dee] = await Promise.all(
      ['Ada Answers', 'Ben Corrected', 'Ola Optedout', 'Dee Leaves'].map((name) =>
        aPerson(em(), { name, email: `${name.split(' ')[0]!.toLowerCase()}@example.org`, agency, password: PASSWORD }),
      ),
    );
    const part = (await em().findOneOrFail(SessionPart, { session: session.id })).id;

    // --- book (a week before)
    at(london('2026-12-02', '10:00'));
    const bookingOf = new Map<string, string>();
    for (const person of [ada!, ben!, ola!, dee!]) {
      const cookie = await signInAs(api.url, person);
      const res = await gql<{ bookSession: { id: string; status: string } }>(api.url, BOOK, { input: { sessionId: session.id } }, cookie);
      expect(res.errors).toBeUndefined();
      expect(res.data!.bookSession.status).toBe('CONFIRMED');
      bookingOf.set(person.email, res.data!.bookSession.id);
    }
    // Ada's line manager (the course needs no approval, so booking did not ask for one)
    await em().nativeUpdate(Booking, { id: bookingOf.get(ada!.email)! }, { managerEmail: MANAGER });
    await newSurveyMail(session.id);
    const adaCookie = await signInAs(api.url, ada!);

    // --- attend, sign off: the evaluation is mailed to everyone who attended, and offered to them signed in
    at(london('2026-12-09', '11:00'));
    expect((await gql(api.url, EVALUATION_FOR, { s: session.id }, adaCookie)).data).toEqual({ evaluationForSession: null });
    expect((await gql(api.url, MARK_ALL, { input: { clientId: randomUUID(), partId: part } }, trainerCookie)).errors).toBeUndefined();
    at(london('2026-12-09', '12:55'));
    expect((await gql(api.url, SIGN_OFF, { p: part }, trainerCookie)).errors).toBeUndefined();
    expect(await newSurveyMail(session.id)).toEqual([
      'SURVEY_INVITATION to ada@example.org',
      'SURVEY_INVITATION to ben@example.org',
      'SURVEY_INVITATION to dee@example.org',
      'SURVEY_INVITATION to ola@example.org',
    ]);
    await allDelivered();
    const mailTo = (email: string) => smtp.received.filter((m) => m.envelopeTo.includes(email));
    const evaluationMail = (email: string) => mailTo(email).find((m) => m.parsed.subject?.endsWith('Your evaluation'))!.parsed.text!;
    const adaMail = evaluationMail('ada@example.org');
    expect(adaMail).toContain('Neglect: the toolkit');
    const fromQr = (await gql<{ evaluationForSession: string }>(api.url, EVALUATION_FOR, { s: session.id }, adaCookie)).data!;
    expect(fromQr.evaluationForSession).toBe(linkIn(adaMail, /\/surveys\/(?!opt-out)([\w.-]+)/));
    // the 6- and 12-month surveys are scheduled from the session's last part, on a working day at 09:00 London
    const schedule = await em().find(SurveySchedule, { booking: bookingOf.get(ada!.email)! }, { orderBy: { dueAt: 'asc' } });
    expect(schedule.map((s) => [s.stage, londonParts(s.dueAt)])).toEqual([
      [SurveyStage.SIX_MONTHS, { date: '2027-06-09', time: '09:00' }],
      [SurveyStage.TWELVE_MONTHS, { date: '2027-12-09', time: '09:00' }],
    ]);

    // --- Ada answers the evaluation from her mail's link; Ola stops impact surveys from hers
    at(london('2026-12-09', '13:30'));
    const adaToken = linkIn(adaMail, /\/surveys\/(?!opt-out)([\w.-]+)/);
    const answered = await gql(api.url, SUBMIT, {
      token: adaToken,
      answers: [
        { questionId: 'relevance', values: ['5'] },
        { questionId: 'trainer', values: ['4'] },
        { questionId: 'materials', values: ['4'] },
        { questionId: 'outcomes-met', outcomeIndex: 0, values: ['4'] },
        { questionId: 'outcomes-met', outcomeIndex: 1, values: ['3'] },
        { questionId: 'confidence', values: ['2', '4'] },
        { questionId: 'action-plan', values: ['Ask about the child’s day in every visit'] },
      ],
    });
    expect(answered.errors).toBeUndefined();
    const olaMail = evaluationMail('ola@example.org');
    const stopped = await gql<{ stopImpactSurveysByLink: string }>(api.url, STOP, {
      token: linkIn(olaMail, /\/surveys\/opt-out\/([\w.-]+)/),
    });
    expect(stopped.data).toEqual({ stopImpactSurveysByLink: 'Ola Optedout' });

    // --- the next day a coordinator corrects the register: Ben was not there. His evaluation is withdrawn
    at(london('2026-12-10', '10:00'));
    const reg = (await gql<{ register: RegisterView }>(api.url, REGISTER, { p: part }, coordinator)).data!.register;
    const benEntry = reg.entries.find((x) => x.bookingId === bookingOf.get(ben!.email))!;
    const corrected = await gql(
      api.url,
      MARK,
      {
        input: {
          clientId: randomUUID(),
          partId: part,
          bookingId: benEntry.bookingId,
          mark: AttendanceMark.DID_NOT_ATTEND,
          basedOnEventId: benEntry.eventId,
          reason: 'Signed in but left before the start',
        },
      },
      coordinator,
    );
    expect(corrected.errors).toBeUndefined();
    const benToken = linkIn(evaluationMail('ben@example.org'), /\/surveys\/(?!opt-out)([\w.-]+)/);
    expect((await invitations(bookingOf.get(ben!.email)!)).map((i) => [i.status, i.withdrawnReason])).toEqual([
      [SurveyInvitationStatus.WITHDRAWN, 'Signed in but left before the start'],
    ]);
    expect((await gql(api.url, FORM, { token: benToken })).errors?.[0]?.message).toBeDefined();
    expect((await em().find(SurveySchedule, { booking: bookingOf.get(ben!.email)! })).map((s) => s.status)).toEqual([
      SurveyScheduleStatus.CANCELLED,
      SurveyScheduleStatus.CANCELLED,
    ]);

    // --- Dee moves to another agency: she is not chased any more
    await em().nativeUpdate(Person, { id: dee!.id }, { agency: await anAgency(em(), { name: 'Elsewhere Trust' }) });

    // --- the evaluation's first reminder falls on Saturday 12 December: nothing then, Monday 09:00 instead (Ola only:
    // Ada answered, Ben's was withdrawn, Dee left; Ola opted out of impact surveys, not the evaluation)
    at(london('2026-12-12', '11:00'));
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual([]);
    at(london('2026-12-14', '09:00'));
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual(['SURVEY_REMINDER to ola@example.org']);

    // --- 6 months: Wednesday 9 June 2027, 09:00 BST. Ada and her manager are asked; Ola opted out, Dee left, Ben none
    at(london('2027-06-09', '08:59'));
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual([]);
    at(london('2027-06-09', '09:00'));
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual(['SURVEY_INVITATION to ada@example.org', `SURVEY_MANAGER_INVITATION to ${MANAGER}`]);
    const six = (await invitations(bookingOf.get(ada!.email)!)).filter((i) => i.stage === SurveyStage.SIX_MONTHS);
    expect(six).toHaveLength(2);
    // the evaluations left open closed at their expiry
    expect((await invitations(bookingOf.get(ola!.email)!)).map((i) => [i.stage, i.status])).toEqual([
      [SurveyStage.END_OF_COURSE, SurveyInvitationStatus.CLOSED],
    ]);
    expect(
      (
        await em().find(
          SurveySchedule,
          { stage: SurveyStage.SIX_MONTHS, booking: { session: session.id } },
          { populate: ['booking.person'] },
        )
      )
        .map((s) => `${s.booking.person.name}: ${s.status}${s.note ? ` (${s.note})` : ''}`)
        .sort(),
    ).toEqual([
      'Ada Answers: SENT',
      'Ben Corrected: CANCELLED (Signed in but left before the start)',
      'Dee Leaves: SKIPPED (They left the agency they booked under)',
      'Ola Optedout: SKIPPED (Opted out of impact surveys)',
    ]);
    // the first reminder would fall on Saturday 12 June: Monday 14 June 09:00 instead
    expect(londonParts(six[0]!.nextReminderAt!)).toEqual({ date: '2027-06-14', time: '09:00' });

    at(london('2027-06-12', '10:00')); // Saturday
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual([]);
    at(london('2027-06-14', '09:00')); // Monday morning
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual([`SURVEY_REMINDER to ${MANAGER}`, 'SURVEY_REMINDER to ada@example.org']);

    // the second is due Wednesday 16 June 09:00; a sweep that runs late, at 22:00, sends nothing: Thursday 09:00 does
    at(london('2027-06-16', '22:00'));
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual([]);
    at(london('2027-06-17', '09:00'));
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual([`SURVEY_REMINDER to ${MANAGER}`, 'SURVEY_REMINDER to ada@example.org']);

    at(london('2027-06-23', '09:00')); // the third and last
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual([`SURVEY_REMINDER to ${MANAGER}`, 'SURVEY_REMINDER to ada@example.org']);
    at(london('2027-06-30', '10:00'));
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual([]); // no fourth
    at(london('2027-07-07', '09:00')); // 28 days after: closed
    await sweep();
    expect(
      (await invitations(bookingOf.get(ada!.email)!))
        .filter((i) => i.stage === SurveyStage.SIX_MONTHS)
        .map((i) => [i.status, i.reminderCount]),
    ).toEqual([
      [SurveyInvitationStatus.CLOSED, 3],
      [SurveyInvitationStatus.CLOSED, 3],
    ]);

    // --- 12 months: Thursday 9 December 2027
    at(london('2027-12-09', '09:00'));
    await sweep();
    expect(await newSurveyMail(session.id)).toEqual(['SURVEY_INVITATION to ada@example.org', `SURVEY_MANAGER_INVITATION to ${MANAGER}`]);
    await sweep(); // idempotent: a second sweep at the same time asks no one again
    expect(await newSurveyMail(session.id)).toEqual([]);

    // --- who received what, over real SMTP
    const all = await em().find(OutboxMessage, { sessionId: session.id, kind: { $in: SURVEY_MAIL_KINDS } });
    await allDelivered();
    const surveySubjects = new Set(all.map((m) => m.subject));
    const received = (email: string) => mailTo(email).filter((m) => surveySubjects.has(m.parsed.subject ?? '')).length;
    expect({
      ada: received('ada@example.org'),
      manager: received(MANAGER),
      ben: received('ben@example.org'),
      ola: received('ola@example.org'),
      dee: received('dee@example.org'),
    }).toEqual({ ada: 6, manager: 5, ben: 1, ola: 2, dee: 1 });
    expect(all.filter((m) => m.kind === MailKind.SURVEY_INVITATION && m.toEmail === 'ola@example.org')).toHaveLength(1);
  }, 240_000);
});
