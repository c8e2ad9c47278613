import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  AuditAction,
  BookingStatus,
  DomainError,
  ErrorCode,
  RosterSort,
  bookingStatusLabels,
  formatLondonShortDate,
  londonParts,
  rosterMatches,
  rosterSortLabels,
  sortRoster,
  summariseNeeds,
} from '@lh/domain';
import { AuditLog } from '../audit/audit-log';
import { fileNameFor } from '../calendar/calendar.service';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import type { DownloadFileType, TableFileFormat } from '../exports/download-file.types';
import { tableFile, type ExportTable } from '../exports/table-export';
import { Session } from '../scheduling/session.entity';
import { RosterService } from './roster.service';

/**
 * The roster as a file (CSV or XLSX, the one table-export mechanism), written to the audit log because it
 * names people; and the needs summary for a venue or caterer: access and dietary needs of the confirmed
 * places, counted, without names (so not audited). Both come from the rows the roster page shows.
 */
@Injectable()
export class RosterExportService {
  constructor(
    private readonly em: EntityManager,
    private readonly roster: RosterService,
    private readonly clock: Clock,
  ) {}

  async rosterFile(
    viewer: Viewer,
    sessionId: string,
    format: TableFileFormat,
    opts: { search?: string | null; sort?: RosterSort | null } = {},
    now = this.clock.now(),
  ): Promise<DownloadFileType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const session = await this.session(em, sessionId);
    const sort = opts.sort ?? RosterSort.NAME;
    const rows = sortRoster(
      (await this.roster.entries(em, session.id)).filter((e) => rosterMatches(e, opts.search)),
      sort,
    );
    const table: ExportTable = {
      name: 'Roster',
      columns: [
        { header: 'Name' },
        { header: 'Email' },
        { header: 'Job title' },
        { header: 'Agency' },
        { header: 'Status' },
        { header: 'Place in queue', type: 'number' },
        { header: 'Booked on', type: 'date' },
        { header: 'Access needs' },
        { header: 'Dietary needs' },
        { header: 'Note' },
      ],
      rows: rows.map((r) => [
        r.name,
        r.email,
        r.jobTitle,
        r.agencyName,
        bookingStatusLabels[r.status],
        r.waitlistPosition,
        londonParts(r.bookedAt).date,
        r.accessNeeds,
        r.dietaryNeeds,
        r.note?.text ?? null,
      ]),
    };
    const title = `${session.course.title}, ${formatLondonShortDate(session.startsAt)}`;
    await this.em.fork().transactional(async (tx) => {
      AuditLog.record(tx, viewer, {
        action: AuditAction.PERSONAL_DATA_EXPORTED,
        at: now,
        subject: { type: 'session', id: session.id },
        after: { file: `Roster: ${title}`, format, people: rows.length },
      });
    });
    const base = `Roster ${fileNameFor(session.course.title)} ${londonParts(session.startsAt).date}`;
    return tableFile(format, base, table, {
      title: `Roster: ${title}`,
      filters: [
        ['Search', opts.search?.trim() || 'Everyone booked'],
        ['Order', rosterSortLabels[sort]],
      ],
      exportedAt: now,
    });
  }

  async needsFile(viewer: Viewer, sessionId: string, format: TableFileFormat, now = this.clock.now()): Promise<DownloadFileType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const session = await this.session(em, sessionId);
    const needs = summariseNeeds((await this.roster.entries(em, session.id)).filter((e) => e.status === BookingStatus.CONFIRMED));
    const table: ExportTable = {
      name: 'Needs',
      columns: [{ header: 'Need' }, { header: 'Answer' }, { header: 'Places', type: 'number' }],
      rows: [
        ['Confirmed places', null, needs.places],
        ['No access or dietary needs given', null, needs.withoutNeeds],
        ...needs.access.map((a) => ['Access', a.answer, a.count] as const),
        ...needs.dietary.map((a) => ['Dietary', a.answer, a.count] as const),
      ],
    };
    const base = `Needs ${fileNameFor(session.course.title)} ${londonParts(session.startsAt).date}`;
    return tableFile(format, base, table, {
      title: `Access and dietary needs: ${session.course.title}, ${formatLondonShortDate(session.startsAt)}`,
      filters: [['Places', 'Confirmed places only']],
      definitions: [['Answer', 'What people wrote when booking; the same answer (ignoring case) is counted together. No names.']],
      exportedAt: now,
    });
  }

  private async session(em: EntityManager, sessionId: string): Promise<Session> {
    const session = await em.findOne(Session, sessionId, { populate: ['course'] });
    if (!session) {
      throw new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
    }
    return session;
  }
}
