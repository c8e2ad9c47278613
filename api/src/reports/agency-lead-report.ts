import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType } from '@nestjs/graphql';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Agency } from '../people/agency.entity';
import { ReportFigures } from './report-figures';
import { ReportFilters } from './report-filter';
import {
  AgencyFiguresType,
  ReportFilterLabelType,
  ReportPeriodType,
  type ReportFiguresType,
  type ReportFilterInput,
} from './reports.types';

/** An agency lead's own agency's figures beside the partnership's, for the same period and filters. */
@ObjectType('AgencyLeadReport')
export class AgencyLeadReportType {
  @Field(() => ReportPeriodType) period!: ReportPeriodType;
  @Field(() => [ReportFilterLabelType], { description: 'The filters in words (the agency included).' }) filters!: ReportFilterLabelType[];
  @Field(() => String) agencyName!: string;
  @Field(() => AgencyFiguresType, { description: "The lead's agency (places booked under it)." }) agency!: AgencyFiguresType;
  @Field(() => AgencyFiguresType, { description: 'Every agency: the partnership total.' }) partnership!: AgencyFiguresType;
}

const agencyFigures = (f: ReportFiguresType): AgencyFiguresType => ({
  booked: f.booked,
  attended: f.attended,
  attendedBooked: f.attendedBooked,
  attendanceRate: f.attendanceRate,
  didNotAttend: f.didNotAttend,
  lateCancellations: f.lateCancellations,
  chargesPence: f.chargesPence,
});

/**
 * The agency lead's report: ReportFilters forces the agency filter to the lead's agency; the partnership
 * total is the same figures with that one filter lifted (same queries, same definitions).
 */
@Injectable()
export class AgencyLeadReports {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly filters: ReportFilters,
    private readonly figures: ReportFigures,
  ) {}

  async report(viewer: Viewer, filter: ReportFilterInput): Promise<AgencyLeadReportType> {
    const em = this.em.fork();
    const checked = await this.filters.check(em, viewer, filter, this.clock.now());
    const [own, all, agency] = await Promise.all([
      this.figures.byKey(em, checked.scope, 'ALL'),
      this.figures.byKey(em, { ...checked.scope, agencyId: null }, 'ALL'),
      em.findOneOrFail(Agency, checked.scope.agencyId!),
    ]);
    const p = checked.periods[0]!;
    return {
      period: { kind: p.kind, from: p.from, to: p.to, label: p.label },
      filters: checked.labels,
      agencyName: agency.name,
      agency: agencyFigures(own.get('all')!),
      partnership: agencyFigures(all.get('all')!),
    };
  }
}
