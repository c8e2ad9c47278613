// Reminders through the real job queue (pg-boss) and outbox to a real SMTP server: a clock moved forward day by
// day sends "due" and then "overdue" mail at most once a week per person and requirement; the job twice a day
// sends once; each mail lists the sessions to book; nobody holding a place on one is reminded.
import { BookingStatus, MailKind } from '@lh/domain';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { aCompletion, aRequirement, addMonths, joinedOn, londonAt, plusDays, todayInLondon } from '../../test/mandatory-training';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';
import { startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Clock } from '../common/clock';
import { JobsService } from '../jobs/jobs.service';
import { MailDeliveryService } from '../notifications/mail-delivery.service';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { MandatoryReminder } from './mandatory-requirement.entity';
import { MANDATORY_REMINDERS_QUEUE, MandatoryReminders } from './mandatory-reminders';

describe('mandatory training reminders (pg-boss, outbox and SMTP, real PostgreSQL)', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url, jobsEnabled: true, webOrigin: 'https://learninghub.example.org' });
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });
  afterEach(() => api.app.get(Clock).fixAt(null));
  const em = () => api.orm.em.fork();

  async function scenario() {
    const today = todayInLondon();
    const agency = await anAgency(em());
    const course = await aCourse(em(), { title: 'Safeguarding children: level 1' });
    const session = await aSession(em(), course, { inDays: 60 });
    const requirement = await aRequirement(em(), {
      name: 'Safeguarding children: level 1 awareness',
      agencyIds: [agency.id],
      courseIds: [course.id],
      validityMonths: 12,
      refresherMonths: 1,
      newStarterMonths: 3,
    });
    // Rae's completion is valid for 10 more days (due soon now); Sid joined and has 5 days left as a new starter
    const rae = await aPerson(em(), { name: 'Rae Refresher', agency });
    await joinedOn(em(), rae, addMonths(today, -60));
    await aCompletion(em(), rae, addMonths(plusDays(today, 10), -12), { course });
    const sid = await aPerson(em(), { name: 'Sid Starter', agency });
    await joinedOn(em(), sid, addMonths(plusDays(today, 5), -3));
    return { today, session, requirement, rae, sid };
  }
  /** The reminders a person was sent, for one requirement (each test's scenario adds its own; earlier ones apply to practitioners too). */
  const sent = async (personId: string, requirementId?: string) =>
    (
      await em().find(
        MandatoryReminder,
        { person: personId, ...(requirementId ? { requirement: requirementId } : {}) },
        { orderBy: { sentOn: 'asc' } },
      )
    ).map((r) => [r.sentOn, r.kind]);

  it('day by day: due then overdue, at most weekly, with the sessions to book in the mail', async () => {
    const { today, session, rae, sid } = await scenario();
    const reminders = api.app.get(MandatoryReminders);
    for (let day = 0; day <= 22; day++) {
      const date = plusDays(today, day);
      api.app.get(Clock).fixAt(londonAt(date));
      await reminders.run();
    }
    expect(await sent(rae.id)).toEqual([
      [today, MailKind.TRAINING_DUE],
      [plusDays(today, 7), MailKind.TRAINING_DUE],
      [plusDays(today, 14), MailKind.TRAINING_OVERDUE], // expired from the 11th day
      [plusDays(today, 21), MailKind.TRAINING_OVERDUE],
    ]);
    expect(await sent(sid.id)).toEqual([
      [plusDays(today, 6), MailKind.TRAINING_OVERDUE], // the day after the new starter's last day
      [plusDays(today, 13), MailKind.TRAINING_OVERDUE],
      [plusDays(today, 20), MailKind.TRAINING_OVERDUE],
    ]);

    api.app.get(Clock).fixAt(null);
    await api.app.get(MailDeliveryService).deliverDue();
    const outbox = await em().find(OutboxMessage, { personId: rae.id }, { orderBy: { createdAt: 'asc' } });
    expect(outbox.map((m) => m.kind)).toEqual([
      MailKind.TRAINING_DUE,
      MailKind.TRAINING_DUE,
      MailKind.TRAINING_OVERDUE,
      MailKind.TRAINING_OVERDUE,
    ]);
    await smtp.waitFor(7);
    const raeMail = smtp.received.filter((m) => m.envelopeTo.includes(rae.email));
    expect(raeMail.map((m) => m.parsed.subject)).toEqual([
      'Refresher due: Safeguarding children: level 1 awareness',
      'Refresher due: Safeguarding children: level 1 awareness',
      'Expired: Safeguarding children: level 1 awareness',
      'Expired: Safeguarding children: level 1 awareness',
    ]);
    expect(raeMail[0]!.parsed.text).toContain(`https://learninghub.example.org/sessions/${session.id}/book`);
    expect(smtp.received.filter((m) => m.envelopeTo.includes(sid.email)).map((m) => m.parsed.subject)[0]).toBe(
      'Overdue: Safeguarding children: level 1 awareness',
    );
  }, 120_000);

  it('the daily job through the real queue, run twice in a day, sends once', async () => {
    const { today, rae, requirement } = await scenario();
    api.app.get(Clock).fixAt(londonAt(today, '07:00'));
    const jobs = api.app.get(JobsService);
    const waitForReminder = async () => {
      for (let i = 0; i < 100 && !(await sent(rae.id, requirement.id)).length; i++) {
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    // jobs waiting or running on the queue (its policy keeps one waiting at most: the run at start-up may still be there)
    const pending = async () =>
      Number(
        (
          await em().execute(`select count(*) as n from pgboss.job where name = ? and state in ('created', 'retry', 'active')`, [
            MANDATORY_REMINDERS_QUEUE,
          ])
        )[0]!.n,
      );
    const idle = async () => {
      for (let i = 0; i < 100 && (await pending()) > 0; i++) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(await pending()).toBe(0);
    };
    await idle();
    expect(await jobs.send(MANDATORY_REMINDERS_QUEUE)).not.toBeNull();
    await waitForReminder();
    expect(await sent(rae.id, requirement.id)).toEqual([[today, MailKind.TRAINING_DUE]]);

    await idle();
    api.app.get(Clock).fixAt(londonAt(today, '19:00'));
    expect(await jobs.send(MANDATORY_REMINDERS_QUEUE)).not.toBeNull();
    // wait for the second job to have run (the queue is empty again), then check nothing more was sent
    await idle();
    expect(await sent(rae.id, requirement.id)).toEqual([[today, MailKind.TRAINING_DUE]]);
    expect(await em().count(OutboxMessage, { personId: rae.id, kind: MailKind.TRAINING_DUE })).toBe(1);
  }, 60_000);

  it('nobody is reminded while they hold a place on a session that would count; on the waiting list they are', async () => {
    const { today, session, requirement, rae, sid } = await scenario();
    const fork = em();
    fork.create(Booking, { session: session.id, person: rae.id, status: BookingStatus.CONFIRMED });
    fork.create(Booking, { session: session.id, person: sid.id, status: BookingStatus.WAITLISTED });
    await fork.flush();
    api.app.get(Clock).fixAt(londonAt(plusDays(today, 6)));
    await api.app.get(MandatoryReminders).run();
    expect(await sent(rae.id, requirement.id)).toEqual([]);
    expect(await sent(sid.id, requirement.id)).toEqual([[plusDays(today, 6), MailKind.TRAINING_OVERDUE]]);
  });
});
