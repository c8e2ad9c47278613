import { Migration } from '@mikro-orm/migrations';

/** A course's status: DRAFT, PUBLISHED or ARCHIVED (libs/domain course-status). Every existing course is published. */
export class Migration20261203006000_course_status extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "course_status" as enum ('DRAFT', 'PUBLISHED', 'ARCHIVED');`);
    this.addSql(`alter table "course" add column "status" "course_status" not null default 'PUBLISHED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "course" drop column "status";`);
    this.addSql(`drop type "course_status";`);
  }
}
