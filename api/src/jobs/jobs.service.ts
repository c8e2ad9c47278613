import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** pg-boss keeps its tables in this schema of the app's database and creates (and migrates) them itself on start. */
export const JOBS_SCHEMA = 'pgboss';

export interface QueueSettings {
  /** "short" keeps at most one waiting job per queue: extra sends while one waits are dropped. */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /** How often an idle worker looks for new jobs. */
  pollingIntervalSeconds?: number;
  /** Queue one job as soon as the workers start (to catch up on work that fell due while stopped). */
  runOnStart?: boolean;
}

interface Registration {
  handler: (data: object) => Promise<void>;
  settings: QueueSettings;
}

/**
 * Background jobs on pg-boss: the queue's state lives in PostgreSQL (schema `pgboss`), so jobs and
 * cron schedules survive restarts and run once across several API processes. Capabilities declare
 * their queues, handlers and schedules in onModuleInit with `work` and `schedule`; the queue starts
 * with the app (unless JOBS_ENABLED=false) and stops before the database connections close.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly queues = new Map<string, Registration>();
  private readonly schedules = new Map<string, string>();
  private boss: PgBoss | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Declares a queue and the handler that runs each of its jobs (a handler that throws is retried by pg-boss). */
  work<T extends object>(name: string, handler: (data: T) => Promise<void>, settings: QueueSettings = {}): void {
    if (this.boss) {
      throw new Error(`Declare the "${name}" queue in onModuleInit, before the jobs start`);
    }
    this.queues.set(name, { handler: handler as (data: object) => Promise<void>, settings });
  }

  /** Sends a job to a declared queue every time `cron` matches (Europe/London time). */
  schedule(name: string, cron: string): void {
    if (this.boss) {
      throw new Error(`Declare the "${name}" schedule in onModuleInit, before the jobs start`);
    }
    this.schedules.set(name, cron);
  }

  /** True once jobs can be queued (JOBS_ENABLED and started; the workers run unless JOBS_WORKERS=false). */
  get running(): boolean {
    return this.boss !== null;
  }

  /** Queues one job. Returns its id, or null when jobs are not running or the queue's policy dropped it. */
  async send(name: string, data: object = {}, options: PgBoss.SendOptions = {}): Promise<string | null> {
    if (!this.boss) {
      return null;
    }
    return this.boss.send(name, data, options);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) {
      this.logger.log('Background jobs are off (JOBS_ENABLED=false)');
      return;
    }
    const workers = this.config.jobsWorkers;
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: workers ? 'learning-hub-jobs' : 'learning-hub-jobs-sender',
      max: workers ? 4 : 2,
      // a process that only queues jobs leaves maintenance and cron to the workers
      supervise: workers,
      schedule: workers,
    });
    boss.on('error', (e: Error) => this.logger.error(`pg-boss: ${e.message}`));
    await boss.start();
    for (const [name, { handler, settings }] of this.queues) {
      const { pollingIntervalSeconds = 2, runOnStart, ...queue } = settings;
      await boss.createQueue(name, { name, ...queue });
      if (!workers) {
        continue;
      }
      await boss.work<object>(name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          await handler(job.data);
        }
      });
      if (runOnStart) {
        await boss.send(name, {});
      }
    }
    if (workers) {
      for (const [name, cron] of this.schedules) {
        await boss.schedule(name, cron, {}, { tz: 'Europe/London' });
      }
    }
    this.boss = boss;
    this.logger.log(
      workers
        ? `Background jobs started: ${[...this.queues.keys()].join(', ') || 'no queues'}`
        : 'Background jobs are queued here and run by the worker processes (JOBS_WORKERS=false)',
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
