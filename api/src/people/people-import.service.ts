import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  MAX_IMPORT_ROWS,
  PersonStatus,
  checkImportRows,
  importColumnOf,
  importHeaderProblem,
  type CheckedImportRow,
  type ImportColumn,
  type ImportRow,
} from '@lh/domain';
import { parse } from 'csv-parse/sync';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Agency } from './agency.entity';
import { Person } from './person.entity';
import { PeopleAdminService } from './people-admin.service';
import { ImportRowOutcome, type ImportPreviewType, type ImportResultType } from './people-import.types';

/** The largest file read (about 1,000 people with every column filled). */
export const MAX_IMPORT_CHARACTERS = 200_000;

/**
 * Importing people from a CSV file (a header row naming name, email, agency, job title, team, roles).
 * The preview writes nothing and says what happens to every row. The import checks it all again in
 * one transaction: with any row in error nothing is written, unless the coordinator chose to import
 * only the good rows; addresses that already have an account are left out and those accounts unchanged.
 */
@Injectable()
export class PeopleImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly people: PeopleAdminService,
    private readonly clock: Clock,
  ) {}

  async preview(viewer: Viewer, csv: string): Promise<ImportPreviewType> {
    requireCoordinator(viewer);
    const read = readCsv(csv);
    if ('fileProblem' in read) {
      return { fileProblem: read.fileProblem, rows: [], toCreate: 0, skipped: 0, withErrors: 0 };
    }
    return summarise(await this.check(this.em.fork(), read.rows));
  }

  async importPeople(
    viewer: Viewer,
    csv: string,
    opts: { onlyGoodRows: boolean; sendInvitations: boolean },
    now = this.clock.now(),
  ): Promise<ImportResultType> {
    requireCoordinator(viewer);
    const read = readCsv(csv);
    if ('fileProblem' in read) {
      throw new DomainError(ErrorCode.BadUserInput, read.fileProblem, [{ field: 'csv', message: read.fileProblem }]);
    }
    return this.em.fork().transactional(async (em) => {
      // one import at a time, so two files with the same new address cannot both add it
      await em.execute(`select pg_advisory_xact_lock(hashtext('lh:people-import'))`);
      const rows = await this.check(em, read.rows);
      const errors = rows.filter((r) => r.outcome === 'ERROR');
      if (errors.length && !opts.onlyGoodRows) {
        const message = `${errors.length} ${errors.length === 1 ? 'row has a problem' : 'rows have problems'}: fix the file and upload it again, or choose to import only the rows without problems. Nothing has been imported.`;
        throw new DomainError(ErrorCode.BadUserInput, message, [{ field: 'csv', message }]);
      }
      const created: Person[] = [];
      for (const r of rows.filter((row) => row.outcome === 'CREATE')) {
        created.push(
          em.create(Person, {
            name: r.name.trim(),
            email: r.email,
            agency: em.getReference(Agency, r.agencyId!),
            jobTitle: r.jobTitle.trim() || undefined,
            team: r.team.trim() || null,
            roles: r.roles,
            status: PersonStatus.ACTIVE,
            createdAt: now,
          }),
        );
      }
      await em.flush();
      if (opts.sendInvitations) {
        for (const person of created) {
          await this.people.queueInvitation(em, viewer, person, now);
        }
      }
      return {
        created: created.length,
        skipped: rows.filter((r) => r.outcome === 'SKIP').length,
        leftOut: errors.length,
        invited: opts.sendInvitations ? created.length : 0,
      };
    });
  }

  private async check(em: EntityManager, rows: ImportRow[]): Promise<CheckedImportRow[]> {
    const agencies = await em.find(Agency, {}, { fields: ['id', 'name', 'retiredAt'] });
    const emails = [...new Set(rows.map((r) => r.email.trim().toLowerCase()).filter(Boolean))];
    const existing = emails.length ? await em.find(Person, { email: { $in: emails } }, { fields: ['email'] }) : [];
    return checkImportRows(rows, {
      agencies: agencies.map((a) => ({ id: a.id, name: a.name, retired: !!a.retiredAt })),
      existingEmails: new Set(existing.map((p) => p.email)),
    });
  }
}

function summarise(rows: CheckedImportRow[]): ImportPreviewType {
  const count = (o: CheckedImportRow['outcome']) => rows.filter((r) => r.outcome === o).length;
  return {
    fileProblem: null,
    rows: rows.map((r) => ({
      line: r.line,
      name: r.name,
      email: r.email,
      agency: r.agency,
      jobTitle: r.jobTitle,
      team: r.team,
      roles: r.roles,
      outcome: ImportRowOutcome[r.outcome],
      problems: r.problems,
    })),
    toCreate: count('CREATE'),
    skipped: count('SKIP'),
    withErrors: count('ERROR'),
  };
}

/** Parses the file (csv-parse: quotes, commas in quotes, a byte-order mark, CRLF); the header row names the columns. */
export function readCsv(csv: string): { rows: ImportRow[] } | { fileProblem: string } {
  if (csv.length > MAX_IMPORT_CHARACTERS) {
    return { fileProblem: `The file is too large: import at most ${MAX_IMPORT_ROWS} people at a time.` };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return {
      fileProblem: `The file is not a CSV file we can read${line ? ` (the problem is near line ${line})` : ''}. Save it from your spreadsheet as "CSV (comma delimited)" and upload it again.`,
    };
  }
  const [header, ...body] = records;
  if (!header) {
    return { fileProblem: 'The file is empty. It needs a header row and a row for each person.' };
  }
  const problem = importHeaderProblem(header.record);
  if (problem) {
    return { fileProblem: problem };
  }
  if (!body.length) {
    return { fileProblem: 'The file has a header row but no people in it.' };
  }
  if (body.length > MAX_IMPORT_ROWS) {
    return { fileProblem: `The file has ${body.length} people: import at most ${MAX_IMPORT_ROWS} at a time.` };
  }
  const columns = header.record.map(importColumnOf);
  const cell = (record: string[], column: ImportColumn) => {
    const i = columns.indexOf(column);
    return i === -1 ? '' : (record[i] ?? '');
  };
  return {
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      name: cell(record, 'name'),
      email: cell(record, 'email'),
      agency: cell(record, 'agency'),
      jobTitle: cell(record, 'job title'),
      team: cell(record, 'team'),
      rolesText: cell(record, 'roles'),
    })),
  };
}
