import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { CertificateStatus, type StoredCertificateStatus } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Course } from '../catalogue/course.entity';
import { Person } from '../people/person.entity';
import { TrainingCompletion } from '../records/training-completion.entity';

/**
 * A certificate of a completion, as issued: everything it prints is copied in when it is issued (the
 * name as printed, course, level, dates, hours, the partnership), so the verification page always says
 * what the paper says. Never edited after that except its status: revoked by a correction (with the
 * date and the coordinator's reason), or superseded by a newer certificate of the same completion.
 * EXPIRED is not stored: it follows from `expiresOn` and the London date.
 */
@Entity({ tableName: 'certificate' })
export class Certificate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** 20 Crockford base32 symbols (100 random bits), stored without the dashes it is printed with. */
  @Property({ type: 'string', length: 20, unique: 'certificate_code_unique' })
  code!: string;

  @ManyToOne(() => TrainingCompletion, { deleteRule: 'cascade' })
  @Index()
  completion!: Rel<TrainingCompletion>;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  @Index()
  person!: Rel<Person>;

  @ManyToOne(() => Course, { nullable: true, deleteRule: 'set null' })
  course?: Rel<Course> | null;

  /** The holder's name as printed. */
  @Property({ type: 'string', length: 200 })
  holderName!: string;

  @Property({ type: 'string', length: 200 })
  courseTitle!: string;

  @Property({ type: 'smallint', nullable: true })
  level?: number | null;

  /** London dates, "YYYY-MM-DD". */
  @Property({ type: 'date' })
  startedOn!: string;

  @Property({ type: 'date' })
  completedOn!: string;

  /** The time printed, in minutes. */
  @Property({ type: 'integer' })
  minutes!: number;

  @Property({ type: 'string', length: 200 })
  partnershipName!: string;

  @Property({ type: 'datetime' })
  issuedAt!: Date;

  /** The first London date it is no longer valid (null: it does not expire). */
  @Property({ type: 'date', nullable: true })
  expiresOn?: string | null;

  @Enum({
    items: [CertificateStatus.VALID, CertificateStatus.REVOKED, CertificateStatus.SUPERSEDED, CertificateStatus.REMOVED],
    nativeEnumName: 'certificate_status',
    default: CertificateStatus.VALID,
  })
  status: Opt<StoredCertificateStatus> = CertificateStatus.VALID;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  /** The coordinator's reason, as written: told to the holder, never shown on the public page. */
  @Property({ type: 'text', nullable: true })
  revokedReason?: string | null;

  /** The certificate this one replaces (after a correction restored the completion, or changed what it prints). */
  @ManyToOne(() => Certificate, { nullable: true, deleteRule: 'set null' })
  replaces?: Rel<Certificate> | null;

  @ManyToOne(() => Certificate, { nullable: true, deleteRule: 'set null' })
  supersededBy?: Rel<Certificate> | null;
}
