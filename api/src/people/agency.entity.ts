import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { AgencySector } from '@lh/domain';
import { randomUUID } from 'node:crypto';

/** A partner agency whose staff book training (a council service, a police force, an NHS trust, a school...). */
@Entity({ tableName: 'agency' })
/** Names are unique whatever their case: "Northshire Homes" and "northshire homes" are one agency. */
@Index({ name: 'agency_name_lower_unique', expression: 'create unique index "agency_name_lower_unique" on "agency" (lower("name"))' })
export class Agency {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => AgencySector, nativeEnumName: 'agency_sector' })
  sector!: AgencySector;

  /** Staff of this agency (for example volunteers with no line manager) book without manager approval. */
  @Property({ type: 'boolean', default: false })
  approvalExempt: Opt<boolean> = false;

  /** The agency's email domains ("northshire.gov.uk"), lower-case, without "@". */
  @Property({ type: 'text[]', default: '{}' })
  emailDomains: Opt<string[]> = [];

  /** Line managers who approve bookings must use an address on the agency's email domains. */
  @Property({ type: 'boolean', default: false })
  managerEmailOnDomains: Opt<boolean> = false;

  /** Statutory partners (council, police, NHS, schools) may be treated differently by charges. */
  @Property({ type: 'boolean', default: false })
  statutoryPartner: Opt<boolean> = false;

  /** Line managers get a copy of the mail telling one of the agency's people they did not attend. */
  @Property({ type: 'boolean', default: false })
  copyManagersOnNonAttendance: Opt<boolean> = false;

  /** A retired agency is kept for history and reports but offered to no one. */
  @Property({ type: 'datetime', nullable: true })
  retiredAt?: Date | null;

  /** Microsoft Entra tenant ids whose single sign-on tokens this agency accepts. */
  @Property({ type: 'text[]', default: '{}' })
  ssoTenantIds: Opt<string[]> = [];

  /** False for agencies that use single sign-on only: their people cannot sign in with a password. */
  @Property({ type: 'boolean', default: true })
  passwordSignIn: Opt<boolean> = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
