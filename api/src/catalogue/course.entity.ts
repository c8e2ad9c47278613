import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { CourseFormat } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { PriorityArea } from './priority-area.entity';
import { Session } from '../scheduling/session.entity';

@Entity({ tableName: 'course' })
@Check({ name: 'course_level_check', expression: 'level >= 1 AND level <= 4' })
@Check({ name: 'course_duration_check', expression: 'duration_minutes > 0' })
export class Course {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'text[]' })
  learningOutcomes: Opt<string[]> = [];

  @ManyToOne(() => PriorityArea)
  @Index()
  priorityArea!: Rel<PriorityArea>;

  @Property({ type: 'smallint' })
  level!: number;

  @Enum({ items: () => CourseFormat, nativeEnumName: 'course_format' })
  format!: CourseFormat;

  @Property({ type: 'integer' })
  durationMinutes!: number;

  @OneToMany(() => Session, (s) => s.course)
  sessions = new Collection<Session>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
