import { AuditAction, BookingStatus, ERASED_PERSON_NAME, MailKind, MailStatus, PersonStatus, Role } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Booking } from '../booking/booking.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Person } from '../people/person.entity';
import { MAIL_TEXT_RETIRED, RetentionService } from './retention.service';

const PLAN = `query { retentionPlan { mailTextMonths mailTextCutoff mailTexts inactiveAccountMonths accountCutoff accounts firstAccounts { personId name lastActiveAt } } }`;
const YEARS_AGO = (n: number) => new Date(Date.now() - n * 365.25 * 86_400_000);

type Plan = {
  retentionPlan: {
    mailTexts: number;
    accounts: number;
    inactiveAccountMonths: number;
    firstAccounts: { personId: string; name: string }[];
  };
};

/** Retention over a real PostgreSQL: the dry run says what the nightly run then does, and nothing else. */
describe('retention of personal data', () => {
  let api: TestApi;
  let cookie: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi({ retention: { mailTextMonths: 24, inactiveAccountMonths: 36 } });
    const em = api.orm.em.fork();
    const coordinator = await aPerson(em, { roles: [Role.COORDINATOR], name: 'Cora Ordinator' });
    cookie = await signInAs(api.url, coordinator);
    const oldCoordinator = await aPerson(em, { roles: [Role.COORDINATOR], name: 'Olive Coordinator' });
    const gone = await aPerson(em, { name: 'Gwen Gone' });
    const returning = await aPerson(em, { name: 'Ray Returning' });
    const recent = await aPerson(em, { name: 'Rita Recent' });
    const past = await aSession(em, await aCourse(em), { inDays: -4 * 365 });
    const coming = await aSession(em, await aCourse(em), { inDays: 30 });
    em.create(Booking, { session: past, person: gone, status: BookingStatus.CONFIRMED });
    em.create(Booking, { session: coming, person: returning, status: BookingStatus.CONFIRMED });
    await em.flush();
    const sql = (text: string, params: unknown[]) => em.getConnection().execute(text, params, 'run');
    // four years of quiet for all but Rita (and Cora, who just signed in)
    await sql(`update person set created_at = ? where id in (?, ?, ?)`, [YEARS_AGO(4), gone.id, returning.id, oldCoordinator.id]);
    await sql(`update booking set created_at = ?, updated_at = ? where person_id in (?, ?)`, [
      YEARS_AGO(4),
      YEARS_AGO(4),
      gone.id,
      returning.id,
    ]);
    await sql(`update person set created_at = ? where id = ?`, [YEARS_AGO(4), coordinator.id]);
    const mail = (over: Partial<OutboxMessage>) =>
      em.create(OutboxMessage, {
        kind: MailKind.BOOKING_CONFIRMED,
        status: MailStatus.SENT,
        toEmail: recent.email,
        toName: recent.name,
        subject: 'Your place is booked',
        text: 'Dear Rita, your place is booked.',
        html: '<p>Dear Rita, your place is booked.</p>',
        messageId: `<${Math.random()}@test>`,
        nextAttemptAt: new Date(),
        ...over,
      });
    const oldSent = mail({});
    const oldPending = mail({ status: MailStatus.PENDING });
    const newSent = mail({});
    await em.flush();
    await sql(`update outbox_message set created_at = ? where id in (?, ?)`, [YEARS_AGO(3), oldSent.id, oldPending.id]);
    Object.assign(ids, { gone: gone.id, returning: returning.id, recent: recent.id, oldCoordinator: oldCoordinator.id });
    Object.assign(ids, { oldSent: oldSent.id, oldPending: oldPending.id, newSent: newSent.id });
  });
  afterAll(() => api.close());

  it('shows coordinators what the next run would do, then does exactly that', async () => {
    const plan = await gql<Plan>(api.url, PLAN, {}, cookie);
    expect(plan.errors).toBeUndefined();
    expect(plan.data!.retentionPlan).toMatchObject({ mailTextMonths: 24, mailTexts: 1, inactiveAccountMonths: 36, accounts: 1 });
    expect(plan.data!.retentionPlan.firstAccounts.map((a) => a.name)).toEqual(['Gwen Gone']);

    expect(await api.app.get(RetentionService).apply(new Date())).toEqual({ mailTexts: 1, accounts: 1 });

    const em = api.orm.em.fork();
    const texts = Object.fromEntries(
      (await em.find(OutboxMessage, { id: [ids.oldSent!, ids.oldPending!, ids.newSent!] })).map((m) => [m.id, m.text]),
    );
    expect(texts).toEqual({
      [ids.oldSent!]: MAIL_TEXT_RETIRED,
      [ids.oldPending!]: 'Dear Rita, your place is booked.',
      [ids.newSent!]: 'Dear Rita, your place is booked.',
    });
    const people = Object.fromEntries(
      (await em.find(Person, { id: Object.values(ids).slice(0, 4) })).map((p) => [p.id, [p.name, p.status]]),
    );
    expect(people).toEqual({
      [ids.gone!]: [ERASED_PERSON_NAME, PersonStatus.ERASED],
      [ids.returning!]: ['Ray Returning', PersonStatus.ACTIVE],
      [ids.recent!]: ['Rita Recent', PersonStatus.ACTIVE],
      [ids.oldCoordinator!]: ['Olive Coordinator', PersonStatus.ACTIVE],
    });
    // erased by the system, with the rule as the reason; the booking stays for the figures
    const entry = await em.findOneOrFail(AuditEntry, { action: AuditAction.PERSON_ERASED, subjectPersonId: ids.gone });
    expect(entry).toMatchObject({
      actorId: null,
      actorName: 'The system',
      reason: 'No activity for 36 months (RETENTION_INACTIVE_ACCOUNT_MONTHS)',
    });
    expect(await em.count(Booking, { person: ids.gone })).toBe(1);

    // a second run has nothing left to do
    expect((await gql<Plan>(api.url, PLAN, {}, cookie)).data!.retentionPlan).toMatchObject({ mailTexts: 0, accounts: 0 });
    expect(await api.app.get(RetentionService).apply(new Date())).toEqual({ mailTexts: 0, accounts: 0 });
  });

  it('is for coordinators only', async () => {
    const practitioner = await aPerson(api.orm.em.fork());
    const res = await gql(api.url, PLAN, {}, await signInAs(api.url, practitioner));
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
  });
});
