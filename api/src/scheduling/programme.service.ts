import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  BookingStatus,
  CourseFormat,
  DomainError,
  ErrorCode,
  PROGRAMME_PAGE_SIZE,
  SessionStatus,
  datePlusDays,
  isSearchableDate,
  isMonth,
  londonParts,
  londonToUtc,
  monthBounds,
  placesLeft,
  type FieldProblem,
} from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { ProgrammeSort, type ProgrammeFilterInput } from './dto/programme-filter.input';
import type { ProgrammeMonthType, ProgrammePageType, ProgrammeRowType, ProgrammeTotalsType } from './programme.types';

/** The most sessions a month of the calendar lists. */
const MONTH_LIMIT = 500;

interface Row {
  sessions: string;
  places: string;
  booked_total: string;
  waiting_total: string;
  approvals_total: string;
  id: string | null;
  course_id: string;
  title: string;
  format: CourseFormat;
  status: SessionStatus;
  starts_at: Date;
  ends_at: Date;
  venue_name: string | null;
  capacity: number;
  confirmed: string;
  held: string;
  approvals: string;
  waiting: string;
  trainers: string[];
}

const badFilter = (problems: FieldProblem[]) => new DomainError(ErrorCode.BadUserInput, `${problems[0]!.message}.`, problems);
const searchable = isSearchableDate;

/**
 * The coordinators' programme: sessions filtered, sorted, counted and paged in one PostgreSQL query
 * (the totals are of every session the filter matches), and the same filter over a month for the calendar.
 */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async page(viewer: Viewer, filter: ProgrammeFilterInput, now = this.clock.now()): Promise<ProgrammePageType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const from = filter.from ?? (filter.to ? null : londonParts(now).date);
    await this.check(em, { ...filter, from });
    const wanted = filter.page ?? 1;
    let result = await this.search(em, filter, from, filter.to ?? null, PROGRAMME_PAGE_SIZE, (wanted - 1) * PROGRAMME_PAGE_SIZE);
    const pageCount = Math.max(1, Math.ceil(result.totals.sessions / PROGRAMME_PAGE_SIZE));
    const page = Math.min(wanted, pageCount);
    if (page !== wanted) {
      // a page past the end shows the last one
      result = await this.search(em, filter, from, filter.to ?? null, PROGRAMME_PAGE_SIZE, (page - 1) * PROGRAMME_PAGE_SIZE);
    }
    return { ...result, page, pageCount, from, to: filter.to ?? null };
  }

  async month(viewer: Viewer, month: string, filter: ProgrammeFilterInput): Promise<ProgrammeMonthType> {
    requireCoordinator(viewer);
    if (!isMonth(month)) {
      throw badFilter([{ field: 'month', message: 'The month must be a real month, like 2027-01' }]);
    }
    const em = this.em.fork();
    const { from, to } = monthBounds(month);
    await this.check(em, { ...filter, from: null, to: null });
    return { month, ...(await this.search(em, { ...filter, sort: ProgrammeSort.DATE }, from, to, MONTH_LIMIT, 0)) };
  }

  /** Refuses dates that are not real or run backwards, and courses, areas, venues or trainers that do not exist. */
  private async check(em: EntityManager, filter: ProgrammeFilterInput): Promise<void> {
    const problems: FieldProblem[] = [];
    if (filter.from && !searchable(filter.from)) {
      problems.push({ field: 'filter.from', message: 'The from date must be a real date' });
    }
    if (filter.to && !searchable(filter.to)) {
      problems.push({ field: 'filter.to', message: 'The to date must be a real date' });
    }
    if (!problems.length && filter.from && filter.to && filter.to < filter.from) {
      problems.push({ field: 'filter.to', message: 'The to date must be the same as or after the from date' });
    }
    const ids = [filter.courseId, filter.priorityAreaId, filter.venueId, filter.trainerId];
    if (ids.some(Boolean)) {
      const [found] = await em.execute<{ course: boolean; area: boolean; venue: boolean; trainer: boolean }[]>(
        `select (?::uuid is null or exists (select 1 from course where id = ?::uuid)) as course,
                (?::uuid is null or exists (select 1 from priority_area where id = ?::uuid)) as area,
                (?::uuid is null or exists (select 1 from venue where id = ?::uuid)) as venue,
                (?::uuid is null or exists (select 1 from person where id = ?::uuid and 'TRAINER' = any(roles))) as trainer`,
        ids.flatMap((id) => [id ?? null, id ?? null]),
      );
      if (!found!.course) {
        problems.push({ field: 'filter.courseId', message: 'Choose a course from the list: there is no such course' });
      }
      if (!found!.area) {
        problems.push({ field: 'filter.priorityAreaId', message: 'Choose a priority area from the list: there is no such priority area' });
      }
      if (!found!.venue) {
        problems.push({ field: 'filter.venueId', message: 'Choose a venue from the list: there is no such venue' });
      }
      if (!found!.trainer) {
        problems.push({ field: 'filter.trainerId', message: 'Choose a trainer from the list: there is no such trainer' });
      }
    }
    if (problems.length) {
      throw badFilter(problems);
    }
  }

  /** One query: the filtered set's totals, and one page of it in the order asked, with each session's trainers. */
  private async search(
    em: EntityManager,
    filter: ProgrammeFilterInput,
    from: string | null,
    to: string | null,
    limit: number,
    offset: number,
  ): Promise<{ sessions: ProgrammeRowType[]; totals: ProgrammeTotalsType }> {
    const where: string[] = [];
    const params: unknown[] = [
      BookingStatus.CONFIRMED,
      BookingStatus.OFFERED,
      BookingStatus.PENDING_APPROVAL,
      BookingStatus.PENDING_APPROVAL,
      BookingStatus.WAITLISTED,
    ];
    if (from) {
      where.push('s.starts_at >= ?');
      params.push(londonToUtc(from, '00:00'));
    }
    if (to) {
      where.push('s.starts_at < ?');
      params.push(londonToUtc(datePlusDays(to, 1), '00:00'));
    }
    if (filter.text) {
      where.push(`c.title ilike ? escape '\\'`);
      params.push(`%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    }
    const equal = (column: string, value: string | null | undefined) => {
      if (value) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    };
    equal('s.course_id', filter.courseId);
    equal('c.priority_area_id', filter.priorityAreaId);
    equal('s.venue_id', filter.venueId);
    equal('c.format', filter.format);
    equal('s.status', filter.status);
    if (filter.trainerId) {
      where.push('exists (select 1 from session_trainer st where st.session_id = s.id and st.person_id = ?)');
      params.push(filter.trainerId);
    }
    if (filter.withWaitingList) {
      where.push('coalesce(k.waiting, 0) > 0');
    }
    if (filter.withApprovalsWaiting) {
      where.push('coalesce(k.approvals, 0) > 0');
    }
    const order = filter.sort === ProgrammeSort.FILL ? 'f.fill asc, f.starts_at asc, f.id asc' : 'f.starts_at asc, f.id asc';
    params.push(SessionStatus.CANCELLED, limit, offset);
    const rows = await em.execute<Row[]>(
      `with counts as (
         select session_id,
                count(*) filter (where status = ?) as confirmed,
                count(*) filter (where status in (?, ?)) as offered_or_pending,
                count(*) filter (where status = ?) as approvals,
                count(*) filter (where status = ?) as waiting
           from booking group by session_id
       ), filtered as (
         select s.id, s.course_id, c.title, c.format, s.status, s.starts_at, s.ends_at, v.name as venue_name, s.capacity,
                coalesce(k.confirmed, 0) as confirmed,
                coalesce(k.confirmed, 0) + coalesce(k.offered_or_pending, 0) as held,
                coalesce(k.approvals, 0) as approvals,
                coalesce(k.waiting, 0) as waiting,
                case when s.capacity = 0 then 1
                     else (coalesce(k.confirmed, 0) + coalesce(k.offered_or_pending, 0))::numeric / s.capacity end as fill
           from session s
           join course c on c.id = s.course_id
           left join venue v on v.id = s.venue_id
           left join counts k on k.session_id = s.id
          ${where.length ? `where ${where.join(' and ')}` : ''}
       ), totals as (
         select count(*) as sessions,
                coalesce(sum(capacity) filter (where status <> ?), 0) as places,
                coalesce(sum(held), 0) as booked_total,
                coalesce(sum(waiting), 0) as waiting_total,
                coalesce(sum(approvals), 0) as approvals_total
           from filtered
       )
       select t.*, p.* from totals t
       left join lateral (
         select f.*,
                coalesce((select array_agg(pe.name order by pe.name) from session_trainer st join person pe on pe.id = st.person_id
                           where st.session_id = f.id), '{}') as trainers
           from filtered f order by ${order} limit ? offset ?
       ) p on true`,
      params,
    );
    const first = rows[0]!;
    const totals: ProgrammeTotalsType = {
      sessions: Number(first.sessions),
      places: Number(first.places),
      booked: Number(first.booked_total),
      waiting: Number(first.waiting_total),
      approvalsWaiting: Number(first.approvals_total),
    };
    const sessions = rows
      .filter((r) => r.id)
      .map((r) => ({
        sessionId: r.id!,
        courseId: r.course_id,
        courseTitle: r.title,
        format: r.format,
        status: r.status,
        startsAt: new Date(r.starts_at),
        endsAt: new Date(r.ends_at),
        venueName: r.venue_name,
        capacity: r.capacity,
        confirmed: Number(r.confirmed),
        booked: Number(r.held),
        approvalsWaiting: Number(r.approvals),
        waiting: Number(r.waiting),
        placesLeft: placesLeft(r.capacity, Number(r.held)),
        trainers: r.trainers,
      }));
    return { sessions, totals };
  }
}
