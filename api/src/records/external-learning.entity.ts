import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { ExternalLearningStatus } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';
import { EvidenceFile } from './evidence-file.entity';
import { TrainingCompletion } from './training-completion.entity';

/**
 * Learning done elsewhere, as a practitioner entered it, with its evidence: waits for a coordinator, who
 * verifies it (it becomes a training_completion with source EXTERNAL) or rejects it with a reason.
 */
@Entity({ tableName: 'external_learning' })
@Index({ name: 'external_learning_status_idx', properties: ['status', 'submittedAt'] })
export class ExternalLearning {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  @Index()
  person!: Rel<Person>;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'string', length: 200 })
  provider!: string;

  /** London date it was completed (YYYY-MM-DD). */
  @Property({ type: 'date' })
  completedOn!: string;

  @Property({ type: 'integer' })
  minutes!: number;

  /** 1 to 4, when the provider gives one. */
  @Property({ type: 'smallint', nullable: true })
  level?: number | null;

  @OneToOne(() => EvidenceFile, { owner: true, unique: true, deleteRule: 'restrict' })
  evidence!: Rel<EvidenceFile>;

  @Enum({ items: () => ExternalLearningStatus, nativeEnumName: 'external_learning_status' })
  status!: ExternalLearningStatus;

  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  decidedBy?: Rel<Person> | null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  /** Why a coordinator did not accept it (REJECTED). */
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  /** VERIFIED: the completion it became. */
  @OneToOne(() => TrainingCompletion, { nullable: true, owner: true, unique: true, deleteRule: 'set null' })
  completion?: Rel<TrainingCompletion> | null;
}
