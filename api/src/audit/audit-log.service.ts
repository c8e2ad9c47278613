import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, isSearchableDate, londonToUtc } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import type { Viewer } from '../common/viewer';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryType, type AuditLogPageType } from './audit.types';
import type { AuditLogFilterInput } from './dto/audit-log-filter.input';

export const AUDIT_PAGE_SIZE = 25;

const dayAfter = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Coordinators search the audit log (written by AuditLog.record): newest first, 25 a page. */
@Injectable()
export class AuditLogService {
  constructor(private readonly em: EntityManager) {}

  async search(viewer: Viewer | undefined, filter: AuditLogFilterInput): Promise<AuditLogPageType> {
    requireCoordinator(viewer);
    const where = whereOf(filter);
    const em = this.em.fork();
    const total = await em.count(AuditEntry, where);
    const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    const page = Math.min(filter.page ?? 1, pageCount);
    const entries = await em.find(AuditEntry, where, {
      orderBy: { at: 'desc', id: 'desc' },
      limit: AUDIT_PAGE_SIZE,
      offset: (page - 1) * AUDIT_PAGE_SIZE,
    });
    return { entries: entries.map((e) => AuditEntryType.from(e)), total, page, pageCount };
  }
}

/** A real date in a year the log can hold (a date far in the future has no day after it to search to). */
const searchableDate = isSearchableDate;

function whereOf(filter: AuditLogFilterInput): FilterQuery<AuditEntry> {
  const problems: { field: string; message: string }[] = [];
  if (filter.from && !searchableDate(filter.from)) {
    problems.push({ field: 'filter.from', message: 'The from date must be a real date, like 2026-12-01' });
  }
  if (filter.to && !searchableDate(filter.to)) {
    problems.push({ field: 'filter.to', message: 'The to date must be a real date, like 2026-12-31' });
  }
  if (!problems.length && filter.from && filter.to && filter.to < filter.from) {
    problems.push({ field: 'filter.to', message: 'The to date must be the same as or after the from date' });
  }
  if (problems.length) {
    throw new DomainError(ErrorCode.BadUserInput, `${problems[0]!.message}.`, problems);
  }
  const where: FilterQuery<AuditEntry> = {};
  if (filter.action) {
    where.action = filter.action;
  }
  if (filter.actorId) {
    where.actorId = filter.actorId;
  }
  if (filter.subjectPersonId) {
    where.subjectPersonId = filter.subjectPersonId;
  }
  if (filter.from || filter.to) {
    where.at = {
      ...(filter.from ? { $gte: londonToUtc(filter.from, '00:00') } : {}),
      ...(filter.to ? { $lt: londonToUtc(dayAfter(filter.to), '00:00') } : {}),
    };
  }
  if (filter.text) {
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.$or = [
      { actorName: { $ilike: like } },
      { subjectPersonName: { $ilike: like } },
      { reason: { $ilike: like } },
      { requestId: { $ilike: like } },
    ];
  }
  return where;
}
