import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '@lh/domain';
import { Clock } from '../common/clock';
import { isCoordinator } from '../common/access';
import type { Viewer } from '../common/viewer';
import { ReportFilters } from './report-filter';
import { reportCte } from './report-sql';
import { DrillDownFigure, drillDownCount, drillDownRows, isSessionFigure } from './report-drill-down-sql';
import type { DrillDownRowType, ReportDrillDownType } from './report-drill-down.types';
import type { ReportFilterInput } from './reports.types';

/** Rows a drill-down page lists. */
export const DRILL_DOWN_PAGE_SIZE = 25;

type Row = {
  session_id: string;
  course_title: string;
  starts_at: Date | string;
  session_status: string;
  person_id: string | null;
  person_name: string | null;
  agency_name: string | null;
  outcome: string | null;
};

/**
 * The sessions and people behind a report figure, for coordinators only (it names people): the same filter
 * check and the same CTE as the figure, with the figure's condition selecting rows instead of counting them.
 * `pageSize` null lists every row (the export).
 */
@Injectable()
export class ReportDrillDownService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly filters: ReportFilters,
  ) {}

  async drillDown(
    viewer: Viewer,
    figure: DrillDownFigure,
    filter: ReportFilterInput,
    page = 1,
    pageSize: number | null = DRILL_DOWN_PAGE_SIZE,
  ): Promise<ReportDrillDownType> {
    if (!isCoordinator(viewer)) {
      throw new DomainError(ErrorCode.NotAllowed, 'Only coordinators can see the sessions and people behind a figure.');
    }
    const em = this.em.fork();
    const checked = await this.filters.check(em, viewer, filter, this.clock.now());
    const cte = reportCte(checked.scope);
    const [{ n: total }] = await em.execute<{ n: number }[]>(`${cte.sql} ${drillDownCount(figure)}`, cte.params);
    const size = pageSize ?? Math.max(total, 1);
    const pageCount = Math.max(1, Math.ceil(total / size));
    const current = Math.min(Math.max(1, page), pageCount);
    const rows = await em.execute<Row[]>(`${cte.sql} ${drillDownRows(figure)}`, [...cte.params, size, (current - 1) * size]);
    const p = checked.periods[0]!;
    return {
      figure,
      period: { kind: p.kind, from: p.from, to: p.to, label: p.label },
      filters: checked.labels,
      total,
      people: !isSessionFigure(figure),
      rows: rows.map((r): DrillDownRowType => ({
        sessionId: r.session_id,
        courseTitle: r.course_title,
        startsAt: new Date(r.starts_at),
        sessionStatus: r.session_status,
        personId: r.person_id,
        personName: r.person_name,
        agencyName: r.agency_name,
        outcome: r.outcome,
      })),
      page: current,
      pageCount,
      pageSize: size,
    };
  }
}
