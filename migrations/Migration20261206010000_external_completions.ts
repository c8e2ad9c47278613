import { Migration } from '@mikro-orm/migrations';

/**
 * Learning elsewhere (EXTERNAL completions) by level, which the compliance figures look up for every requirement that
 * accepts it, instead of reading every completion (docs/performance.md, "Compliance").
 */
export class Migration20261206010000_external_completions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "training_completion_external_idx" on "training_completion" ("level") where "source" = 'EXTERNAL';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "training_completion_external_idx";`);
  }
}
