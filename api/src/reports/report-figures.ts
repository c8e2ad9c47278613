import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { shareOf } from '@lh/domain';
import * as sql from './report-sql';
import type { ReportFiguresType } from './reports.types';

type Row = Record<string, string | number | null> & { gkey: string; period: number };
const num = (v: string | number | null | undefined) => Number(v ?? 0);

/** Every figure of one group in one period, from the rows the queries gave (zero where a query had none). */
function figuresOf(session: Row | undefined, place: Row | undefined, moved: Row | undefined, waiting: Row | undefined): ReportFiguresType {
  const sessionsDelivered = num(session?.sessions_delivered);
  const placesOffered = num(session?.places_offered);
  const booked = num(place?.booked);
  const attended = num(place?.attended);
  const attendedBooked = num(place?.attended_booked);
  const didNotAttend = num(place?.did_not_attend);
  const lateCancellations = num(place?.late_cancellations);
  return {
    coursesDelivered: num(session?.courses_delivered),
    sessionsDelivered,
    sessionsCancelled: num(session?.sessions_cancelled),
    trainingDays: num(session?.training_days),
    placesOffered,
    booked,
    fillRate: shareOf(booked, placesOffered),
    attended,
    attendedFully: num(place?.attended_fully),
    attendedPartly: num(place?.attended_partly),
    attendedBooked,
    attendanceRate: shareOf(attendedBooked, booked),
    attendedOfPlaces: shareOf(attended, placesOffered),
    absentWithApology: num(place?.absent_with_apology),
    didNotAttend,
    didNotAttendRate: shareOf(didNotAttend, booked),
    lateCancellations,
    lateCancellationRate: shareOf(lateCancellations, booked),
    awaitingRegister: num(place?.awaiting_register),
    walkIns: num(place?.walk_ins),
    moved: num(moved?.moved),
    waitingListDemand: num(waiting?.waiting_list_demand),
    averageAttendance: shareOf(attended, sessionsDelivered),
    chargesPence: num(place?.charges_pence),
  };
}

/** The one runner of report-sql.ts: figures per group and period, and the agency/sector rows. */
@Injectable()
export class ReportFigures {
  /** Every figure per group key (and period 0 unless asked), all from PostgreSQL. */
  async byKey(em: EntityManager, scope: sql.ReportScope, key: sql.SessionReportKey, period = 0): Promise<Map<string, ReportFiguresType>> {
    return (await this.byKeys(em, scope, [key], { period })).get(key)!;
  }

  /**
   * Every figure per group key, for each of `keys` (and period 0 unless asked): a statement per kind of figure, side by
   * side, each over every key.
   * With `kinds`, only those rows are counted; the figures of the kinds left out are 0.
   */
  async byKeys<K extends sql.SessionReportKey>(
    em: EntityManager,
    scope: sql.ReportScope,
    keys: readonly K[],
    { period = 0, kinds = sql.FIGURE_KINDS }: { period?: number; kinds?: readonly sql.FigureKind[] } = {},
  ): Promise<Map<K, Map<string, ReportFiguresType>>> {
    const cte = sql.reportCte(scope);
    const rows = await Promise.all(
      kinds.map((kind) => em.execute<(Row & { gkind: K })[]>(`${cte.sql} ${sql.keyedFigures(keys, kind)}`, cte.params)),
    );
    const byKind = new Map(kinds.map((kind, i) => [kind, rows[i]!]));
    const of = (kind: sql.FigureKind, key: K) =>
      new Map((byKind.get(kind) ?? []).filter((r) => r.gkind === key && Number(r.period) === period).map((r) => [r.gkey, r]));
    return new Map(
      keys.map((key) => {
        const [s, p, m, w] = [of('sessions', key), of('places', key), of('moved', key), of('waiting', key)];
        const groups = key === 'ALL' ? ['all'] : [...new Set([...s.keys(), ...p.keys()])];
        return [key, new Map(groups.map((k) => [k, figuresOf(s.get(k), p.get(k), m.get(k), w.get(k))]))];
      }),
    );
  }

  /** The session and place figures of each period of the scope (newest first), from one query. */
  async byPeriod(em: EntityManager, scope: sql.ReportScope): Promise<ReportFiguresType[]> {
    const cte = sql.reportCte(scope);
    const rows = await em.execute<Row[]>(`${cte.sql} ${sql.periodFigures()}`, cte.params);
    const byPeriod = new Map(rows.map((r) => [Number(r.period), r]));
    return scope.periodStarts.map((_, i) => figuresOf(byPeriod.get(i), byPeriod.get(i), undefined, undefined));
  }

  /** The agency or sector rows, each period's figures side by side, sorted by PostgreSQL. */
  agencyRows(
    em: EntityManager,
    scope: sql.ReportScope,
    by: 'AGENCY' | 'SECTOR',
    sort: sql.AgencySortColumn,
    descending: boolean,
  ): Promise<Record<string, string | number | null>[]> {
    const cte = sql.reportCte(scope);
    return em.execute(`${cte.sql} ${sql.agencyRows(by, scope.periodStarts.length, sort, descending)}`, cte.params);
  }

  /** The rows' totals over every group, per period, in the same columns. */
  async agencyTotals(em: EntityManager, scope: sql.ReportScope): Promise<Record<string, string | number | null>> {
    const cte = sql.reportCte(scope);
    const [row] = await em.execute<Record<string, string | number | null>[]>(
      `${cte.sql} ${sql.agencyTotals(scope.periodStarts.length)}`,
      cte.params,
    );
    return row ?? {};
  }
}
