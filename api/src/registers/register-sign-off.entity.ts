import { Entity, ManyToOne, OneToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import type { RegisterCounts } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';
import { SessionPart } from '../scheduling/session-part.entity';

/** A trainer's (or coordinator's) sign-off of one part's register: it locks the register. */
@Entity({ tableName: 'register_sign_off' })
export class RegisterSignOff {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => SessionPart, { owner: true, unique: 'register_sign_off_part_unique', deleteRule: 'cascade' })
  part!: Rel<SessionPart>;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  signedBy?: Rel<Person> | null;

  /** The name as it was when signing, kept with the register. */
  @Property({ type: 'text' })
  signedByName!: string;

  @Property({ type: 'datetime' })
  signedAt!: Date;

  /** The counts in each state at sign-off. */
  @Property({ type: 'jsonb' })
  counts!: RegisterCounts;
}
