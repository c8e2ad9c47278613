import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { AgencySector, MailKind, Role } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';

/**
 * A piece of training some people must hold and keep current: whom it applies to (any of the roles,
 * agencies or agency sectors), what satisfies it (any of the catalogue courses, from any source, or learning
 * elsewhere of at least a level), how long a completion stays valid, how long new starters have, and when
 * the refresher falls due. The rules are in libs/domain mandatory-training.ts.
 */
@Entity({ tableName: 'mandatory_requirement' })
export class MandatoryRequirement {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => Role, array: true, nativeEnumName: 'person_role', default: [] })
  roles: Opt<Role[]> = [];

  @Property({ type: 'uuid[]', default: '{}' })
  agencyIds: Opt<string[]> = [];

  @Enum({ items: () => AgencySector, array: true, nativeEnumName: 'agency_sector', default: [] })
  sectors: Opt<AgencySector[]> = [];

  /** Catalogue courses any completion of which (session or e-learning) satisfies it. */
  @Property({ type: 'uuid[]', default: '{}' })
  courseIds: Opt<string[]> = [];

  /** Learning elsewhere (EXTERNAL completions) of at least this level satisfies it too; null: it does not. */
  @Property({ type: 'smallint', nullable: true })
  externalMinLevel?: number | null;

  @Property({ type: 'smallint' })
  validityMonths!: number;

  /** Months from joining (the account's creation: the app records no date of joining an agency) to complete it first. */
  @Property({ type: 'smallint' })
  newStarterMonths!: number;

  /** Months before expiry the refresher falls due. */
  @Property({ type: 'smallint' })
  refresherMonths!: number;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  updatedBy?: Rel<Person> | null;
}

/**
 * One reminder mailed to one person about one requirement, kept so that reminders go at most weekly and a
 * second run of the daily job on the same day sends nothing more (unique per person, requirement and day).
 */
@Entity({ tableName: 'mandatory_reminder' })
@Unique({ name: 'mandatory_reminder_once_a_day', properties: ['person', 'requirement', 'sentOn'] })
@Index({ name: 'mandatory_reminder_latest_idx', properties: ['person', 'requirement', 'sentAt'] })
export class MandatoryReminder {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Rel<Person>;

  @ManyToOne(() => MandatoryRequirement, { deleteRule: 'cascade' })
  @Index()
  requirement!: Rel<MandatoryRequirement>;

  /** TRAINING_DUE or TRAINING_OVERDUE. */
  @Enum({ items: () => MailKind, nativeEnumName: 'mail_kind' })
  kind!: MailKind;

  /** The London date it went. */
  @Property({ type: 'date' })
  sentOn!: string;

  @Property({ type: 'datetime' })
  sentAt!: Date;
}
