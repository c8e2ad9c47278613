import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

const count = () => Property({ type: 'integer', default: 0 });
const pence = () => Property({ type: 'bigint', default: 0 });

/**
 * A session's places by the agency booked under (the nil uuid: no agency), kept by database triggers
 * (migration `Migration20261205000000_report_place_totals`): the reports' place figures are sums of these
 * rows (`place_sums` in report-sql.ts). Declared here so migrations and the entities agree; the
 * application never writes it.
 */
@Entity({ tableName: 'report_place_total' })
export class ReportPlaceTotal {
  [PrimaryKeyProp]?: ['sessionId', 'agencyId'];

  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  @PrimaryKey({ type: 'uuid' })
  agencyId!: string;

  @count() booked!: number;
  @count() walkIns!: number;
  @count() attendedFully!: number;
  @count() attendedFullyBooked!: number;
  @count() attendedPartly!: number;
  @count() attendedPartlyBooked!: number;
  @count() absentWithApology!: number;
  @count() didNotAttend!: number;
  @count() lateCancellations!: number;
  @count() awaitingRegister!: number;
  @pence() chargesPence!: string;
  @pence() waivedPence!: string;
}
