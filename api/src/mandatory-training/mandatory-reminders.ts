import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MailKind, MandatoryStatus, holdsPlace, londonToday, needsAction, reminderDue } from '@lh/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from '../common/clock';
import { JobsService } from '../jobs/jobs.service';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import * as templates from '../notifications/mail-templates';
import { Person } from '../people/person.entity';
import { MandatoryReminder, MandatoryRequirement } from './mandatory-requirement.entity';
import { MandatoryStandings } from './mandatory-standings';

export const MANDATORY_REMINDERS_QUEUE = 'mandatory-training-reminders';

/**
 * The daily reminders: to each person whose mandatory training is due soon (TRAINING_DUE), or overdue or
 * expired (TRAINING_OVERDUE), at most once a week per person and requirement, listing the sessions to book.
 * Runs at 07:00 London time (and once on start, to catch up); each reminder is stored with its London date
 * in the transaction that queues its mail, so a second run on the same day sends nothing more.
 */
@Injectable()
export class MandatoryReminders implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly standings: MandatoryStandings,
    private readonly outbox: MailOutboxService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.work(MANDATORY_REMINDERS_QUEUE, () => this.run().then(() => undefined), { policy: 'short', runOnStart: true });
    this.jobs.schedule(MANDATORY_REMINDERS_QUEUE, '0 7 * * *');
  }

  /** Sends the reminders due today; returns how many were queued. */
  async run(now = this.clock.now()): Promise<number> {
    const today = londonToday(now);
    return this.em.fork().transactional(async (em) => {
      // one run at a time: the second waits and then sees the first's reminders
      await em.execute(`select pg_advisory_xact_lock(hashtext('lh:mandatory-reminders'))`);
      const rows = (await this.standings.rows(em, today)).filter((r) => needsAction(r.standing.status));
      if (!rows.length) {
        return 0;
      }
      const last = new Map(
        (
          await em.execute<{ person_id: string; requirement_id: string; sent_on: string }[]>(
            `select person_id, requirement_id, to_char(max(sent_on), 'YYYY-MM-DD') as sent_on from mandatory_reminder group by person_id, requirement_id`,
          )
        ).map((r) => [`${r.person_id}:${r.requirement_id}`, r.sent_on]),
      );
      const next = await this.standings.nextSteps(em, rows, now);
      // nobody is reminded while they hold a place on a coming session that would satisfy it
      const due = rows.filter(
        (r) =>
          reminderDue(r.standing.status, last.get(`${r.personId}:${r.requirementId}`) ?? null, today) &&
          !next(r.personId, r.requirementId).yourBookings.some((b) => holdsPlace(b.status)),
      );
      const origin = this.config.webOrigin;
      for (const row of due) {
        const kind = row.standing.status === MandatoryStatus.DUE_SOON ? MailKind.TRAINING_DUE : MailKind.TRAINING_OVERDUE;
        const details: templates.TrainingReminderDetails = {
          partnershipName: this.config.partnershipName,
          recipientName: row.name,
          requirementName: row.requirementName,
          status: row.standing.status,
          validUntil: row.standing.validUntil,
          dueBy: row.standing.dueBy,
          sessions: next(row.personId, row.requirementId).sessions.map((s) => ({ ...s, href: `${origin}/sessions/${s.id}/book` })),
          links: { mandatoryTraining: `${origin}/mandatory-training`, courses: `${origin}/courses` },
          contact: { email: this.config.partnershipContactEmail },
        };
        await this.outbox.enqueue(em, {
          kind,
          to: { email: row.email, name: row.name },
          ...(kind === MailKind.TRAINING_DUE ? templates.trainingDue(details) : templates.trainingOverdue(details)),
          personId: row.personId,
        });
        em.create(MandatoryReminder, {
          person: em.getReference(Person, row.personId),
          requirement: em.getReference(MandatoryRequirement, row.requirementId),
          kind,
          sentOn: today,
          sentAt: now,
        });
      }
      await em.flush();
      return due.length;
    });
  }
}
