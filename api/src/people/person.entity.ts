import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Rel, type Opt } from '@mikro-orm/core';
import { PersonStatus, Role } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Agency } from './agency.entity';

/** Anyone who uses Learning Hub: practitioners, trainers, coordinators, reviewers. */
@Entity({ tableName: 'person' })
export class Person {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Always stored lower-case, so sign-in is case-insensitive. */
  @Property({ type: 'string', length: 320 })
  @Unique()
  email!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  jobTitle?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  team?: string | null;

  /** Only ACTIVE accounts sign in and book (see PersonStatus). */
  @Enum({ items: () => PersonStatus, nativeEnumName: 'person_status', default: PersonStatus.ACTIVE })
  status: Opt<PersonStatus> = PersonStatus.ACTIVE;

  /** When the person proved they receive mail at `email` (a verification, sign-in or reset link, or single sign-on). */
  @Property({ type: 'datetime', nullable: true })
  emailVerifiedAt?: Date | null;

  @ManyToOne(() => Agency, { nullable: true })
  @Index()
  agency?: Rel<Agency>;

  @Enum({ items: () => Role, array: true, nativeEnumName: 'person_role' })
  roles: Opt<Role[]> = [Role.PRACTITIONER];

  /** The person's usual line manager, who approves bookings where a course needs it (prefilled, changeable). */
  @Property({ type: 'string', length: 320, nullable: true })
  lineManagerEmail?: string | null;

  /** The single sign-on identity linked to this account: the ID token's issuer and subject ("iss sub"). */
  @Property({ type: 'string', length: 400, nullable: true, unique: true })
  ssoSubject?: string | null;
  /** Access needs and reasonable adjustments, kept for the next booking (prefilled, changeable); each booking keeps its own copy. */
  @Property({ type: 'text', nullable: true })
  accessNeeds?: string | null;

  /** Dietary needs, kept like access needs. */
  @Property({ type: 'text', nullable: true })
  dietaryNeeds?: string | null;

  /** argon2id hash; null for people who have never set a password. */
  @Property({ type: 'string', length: 200, nullable: true, hidden: true, lazy: true })
  passwordHash?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
