import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, agencySectorLabels, type AgencySector, type ReportPeriod } from '@lh/domain';
import { Clock } from '../common/clock';
import { isCoordinator } from '../common/access';
import type { Viewer } from '../common/viewer';
import { ReportFilters } from './report-filter';
import * as sql from './delivery-report-sql';
import type { ReportFilterInput, ReportPeriodType } from './reports.types';
import type {
  ChargesReportGroupType,
  ChargesReportRowType,
  ChargesReportType,
  TrainerFiguresType,
  TrainersReportType,
} from './delivery-reports.types';

type Row = Record<string, string | number | null>;
const num = (v: string | number | null | undefined) => Number(v ?? 0);
const periodType = (p: ReportPeriod): ReportPeriodType => ({ kind: p.kind, from: p.from, to: p.to, label: p.label });
const sectorName = (key: string) => (key === 'none' ? 'No agency' : agencySectorLabels[key as AgencySector]);

const chargeRow = (r: Row | undefined, agencyId: string | null, name: string): ChargesReportRowType => ({
  agencyId,
  name,
  didNotAttend: num(r?.did_not_attend),
  lateCancellations: num(r?.late_cancellations),
  raisedPence: num(r?.raised_pence),
  waivedPence: num(r?.waived_pence),
  chargesPence: num(r?.charges_pence),
});

const trainerFigures = (r: Row | undefined): TrainerFiguresType => ({
  sessionsDelivered: num(r?.sessions_delivered),
  trainingDays: num(r?.training_days),
  averageRating: r?.average_rating === null || r?.average_rating === undefined ? null : Number(r.average_rating),
  ratingsGiven: num(r?.ratings_given),
});

/**
 * Reports 6 (trainers) and 7 (charges, for invoicing), for the period and filters of ReportFilters, counted
 * by delivery-report-sql.ts on the one report CTE. Trainers are people: the per-trainer rows are the
 * coordinators'; a reviewer gets the per-agency table and the total only.
 */
@Injectable()
export class DeliveryReportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly filters: ReportFilters,
  ) {}

  async charges(viewer: Viewer, filter: ReportFilterInput): Promise<ChargesReportType> {
    const em = this.em.fork();
    const checked = await this.filters.check(em, viewer, filter, this.clock.now());
    const q = sql.chargeRows(checked.scope);
    const rows = await em.execute<Row[]>(q.sql, q.params);
    const types = new Map<string, ChargesReportGroupType>();
    let total: ChargesReportRowType = chargeRow(undefined, null, 'Total');
    for (const r of rows) {
      const sector = String(r.sector);
      if (num(r.g_sector) === 1) {
        total = chargeRow(r, null, 'Total');
        continue;
      }
      const group = types.get(sector) ?? {
        sector,
        name: sectorName(sector),
        agencies: [],
        subtotal: chargeRow(undefined, null, `${sectorName(sector)} total`),
      };
      types.set(sector, group);
      if (num(r.g_agency) === 1) {
        group.subtotal = chargeRow(r, null, `${group.name} total`);
      } else {
        group.agencies.push(chargeRow(r, String(r.agency_id), String(r.name)));
      }
    }
    return { period: periodType(checked.periods[0]!), filters: checked.labels, types: [...types.values()], total };
  }

  async trainers(viewer: Viewer, filter: ReportFilterInput): Promise<TrainersReportType> {
    const em = this.em.fork();
    const checked = await this.filters.check(em, viewer, filter, this.clock.now());
    if (filter.agencyId || filter.sector) {
      // the agency filters are the agency places were booked under, which says nothing of who trained
      const message = 'The trainers report is not by the agency places were booked under: clear the agency and sector';
      throw new DomainError(ErrorCode.BadUserInput, message, [{ field: filter.agencyId ? 'filter.agencyId' : 'filter.sector', message }]);
    }
    const q = sql.trainerReportRows(checked.scope, isCoordinator(viewer));
    const rows = await em.execute<Row[]>(q.sql, q.params);
    const of = (kind: sql.TrainerGroup) => rows.filter((r) => r.gkind === kind);
    return {
      period: periodType(checked.periods[0]!),
      filters: checked.labels,
      trainers: of('TRAINER').map((r) => ({
        trainerId: String(r.gkey),
        name: String(r.name),
        agencyName: String(r.agency_name),
        figures: trainerFigures(r),
      })),
      agencies: of('AGENCY').map((r) => ({ agencyId: String(r.gkey), name: String(r.name), figures: trainerFigures(r) })),
      total: trainerFigures(of('ALL')[0]),
    };
  }
}
