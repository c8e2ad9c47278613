import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { AgencyRequestKind, AgencyRequestStatus } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Agency } from './agency.entity';
import { Person } from './person.entity';

/**
 * A person asking to be put in an agency: one not listed yet (by name, at registration or later) or
 * another listed one (they moved job). A coordinator creates the agency, maps the request to an agency
 * that exists, or refuses it. One pending request per person (a partial unique index in the migration).
 */
@Entity({ tableName: 'agency_request' })
@Index({
  name: 'agency_request_one_pending',
  expression: `create unique index "agency_request_one_pending" on "agency_request" ("person_id") where "status" = 'PENDING'`,
})
export class AgencyRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  @Index()
  person!: Rel<Person>;

  @Enum({ items: () => AgencyRequestKind, nativeEnumName: 'agency_request_kind' })
  kind!: AgencyRequestKind;

  /** The name the person typed, for an agency that is not listed. */
  @Property({ type: 'string', length: 200, nullable: true })
  requestedName?: string | null;

  /** A listed agency the person asked to move to. */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'set null' })
  requestedAgency?: Rel<Agency> | null;

  /** The person's agency when they asked (for a move). */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'set null' })
  fromAgency?: Rel<Agency> | null;

  @Enum({ items: () => AgencyRequestStatus, nativeEnumName: 'agency_request_status', default: AgencyRequestStatus.PENDING })
  status: Opt<AgencyRequestStatus> = AgencyRequestStatus.PENDING;

  /** The agency the person was put in (created or mapped). */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'set null' })
  resultAgency?: Rel<Agency> | null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  decidedBy?: Rel<Person> | null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  /** The coordinator's reason for refusing, told to the person. */
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
