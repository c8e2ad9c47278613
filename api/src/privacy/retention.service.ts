import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { PersonStatus, addMonths, londonParts, londonToUtc } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { JobsService } from '../jobs/jobs.service';
import { Person } from '../people/person.entity';
import { PersonErasureService } from './person-erasure.service';
import type { RetentionPlanType } from './retention.types';

export const RETENTION_QUEUE = 'retention';

/** What a mail's text becomes once its retention period is over. */
export const MAIL_TEXT_RETIRED = 'Removed: mail text is kept for a limited time (the privacy notice says how long).';

/** Mail whose text is due to go: written before the cut-off, no longer waiting to be sent, text still there. */
const MAIL_TEXT_DUE = `from outbox_message where created_at < ? and status <> 'PENDING' and text <> ?`;

/**
 * Accounts with no activity since the cut-off: nothing made, booked, changed, signed in or entered after it, and no
 * live place on a session to come. Coordinators are never erased by age (their accounts run the programme).
 */
const INACTIVE_ACCOUNTS = `
  select p.id, p.name, greatest(p.created_at, max(b.created_at), max(b.updated_at), max(a.last_used_at), max(a.created_at),
           max(x.submitted_at)) as last_active
  from person p
  left join booking b on b.person_id = p.id
  left join auth_session a on a.person_id = p.id
  left join external_learning x on x.person_id = p.id
  where p.status <> 'ERASED' and not ('COORDINATOR' = any(p.roles))
    and not exists (select 1 from booking l join session s on s.id = l.session_id
                    where l.person_id = p.id and s.ends_at > ? and l.status in ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'PENDING_APPROVAL'))
  group by p.id
  having greatest(p.created_at, max(b.created_at), max(b.updated_at), max(a.last_used_at), max(a.created_at), max(x.submitted_at)) < ?
  order by last_active, p.id`;

/** The most accounts one nightly run erases (the rest wait for the next night). */
const ACCOUNTS_PER_RUN = 200;

/**
 * Storage limitation (UK GDPR): each night, the text of mail older than RETENTION_MAIL_TEXT_MONTHS is removed (who it
 * went to, its kind and when stay in the mail log), and accounts inactive for RETENTION_INACTIVE_ACCOUNT_MONTHS are
 * erased the way a coordinator erases one (PersonErasureService), by the system. Periods count from the London
 * date; 0 keeps for ever. `plan` is the dry run: what the next run would do, for the coordinators' page.
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly erasure: PersonErasureService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.work(RETENTION_QUEUE, () => this.apply(this.clock.now()).then(() => undefined), {
      policy: 'short',
      retryLimit: 3,
      retryDelay: 300,
      expireInSeconds: 30 * 60,
    });
    this.jobs.schedule(RETENTION_QUEUE, '30 2 * * *');
  }

  /** The start of the London day `months` before now's, or null when the period is 0 (kept for ever). */
  private cutoff(months: number, now: Date): Date | null {
    return months > 0 ? londonToUtc(addMonths(londonParts(now).date, -months), '00:00') : null;
  }

  async plan(viewer: Viewer | undefined, now = this.clock.now()): Promise<RetentionPlanType> {
    requireCoordinator(viewer);
    const { mailTextMonths, inactiveAccountMonths } = this.config.retention;
    const mailCutoff = this.cutoff(mailTextMonths, now);
    const accountCutoff = this.cutoff(inactiveAccountMonths, now);
    const em = this.em.fork();
    const [mail] = mailCutoff
      ? await em.execute<{ n: string }[]>(`select count(*) as n ${MAIL_TEXT_DUE}`, [mailCutoff, MAIL_TEXT_RETIRED])
      : [];
    const accounts = accountCutoff ? await this.inactive(em, accountCutoff, now) : [];
    return {
      mailTextMonths,
      mailTextCutoff: mailCutoff,
      mailTexts: Number(mail?.n ?? 0),
      inactiveAccountMonths,
      accountCutoff,
      accounts: accounts.length,
      firstAccounts: accounts.slice(0, 50).map((a) => ({ personId: a.id, name: a.name, lastActiveAt: new Date(a.last_active) })),
    };
  }

  private inactive(em: EntityManager, cutoff: Date, now: Date) {
    return em.execute<{ id: string; name: string; last_active: string }[]>(INACTIVE_ACCOUNTS, [now, cutoff]);
  }

  /** The nightly run: removes mail text past its period and erases inactive accounts, each account in its own transaction. */
  async apply(now: Date): Promise<{ mailTexts: number; accounts: number }> {
    const { mailTextMonths, inactiveAccountMonths } = this.config.retention;
    const mailCutoff = this.cutoff(mailTextMonths, now);
    const accountCutoff = this.cutoff(inactiveAccountMonths, now);
    let mailTexts = 0;
    if (mailCutoff) {
      const res = await this.em
        .fork()
        .getConnection()
        .execute<{ affectedRows?: number }>(
          `update outbox_message set text = ?, html = ? where id in (select id ${MAIL_TEXT_DUE})`,
          [MAIL_TEXT_RETIRED, `<p>${MAIL_TEXT_RETIRED}</p>`, mailCutoff, MAIL_TEXT_RETIRED],
          'run',
        );
      mailTexts = res.affectedRows ?? 0;
    }
    let accounts = 0;
    if (accountCutoff) {
      for (const { id } of (await this.inactive(this.em.fork(), accountCutoff, now)).slice(0, ACCOUNTS_PER_RUN)) {
        const files = await this.em.fork().transactional(async (em) => {
          const person = await em.findOne(Person, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (!person || person.status === PersonStatus.ERASED) {
            return null;
          }
          return this.erasure.eraseIn(
            em,
            person,
            null,
            `No activity for ${inactiveAccountMonths} months (RETENTION_INACTIVE_ACCOUNT_MONTHS)`,
            now,
          );
        });
        if (files) {
          await this.erasure.discard(files);
          accounts++;
        }
      }
    }
    if (mailTexts || accounts) {
      this.logger.log(`Retention: text of ${mailTexts} mails removed, ${accounts} inactive accounts erased`);
    }
    return { mailTexts, accounts };
  }
}
