import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  MAX_REGISTER_IMPORT_CHARACTERS,
  MarkSource,
  checkRegisterImportRows,
  registerColumnOf,
  registerHeaderProblem,
  type CheckedRegisterRow,
  type RegisterImportRow,
} from '@lh/domain';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { AttendanceOutcomes } from './attendance-outcomes';
import { AttendanceRepository, markKey, type CurrentMark } from './attendance.repository';
import { RegisterAccess, type RegisterContext } from './register-access';
import { RegisterService } from './register.service';
import { RegisterView } from './register-view';
import { RegisterImportRowOutcome, type RegisterImportPreviewType, type RegisterImportResultType } from './paper-register.types';

const tooLarge = `The file is too large: a register file can be at most ${MAX_REGISTER_IMPORT_CHARACTERS / 1000} KB (about 600 people). Upload the register downloaded from this page.`;

/**
 * Uploading a filled-in register (CSV: Email, Name, Agency, a column per part). The preview writes nothing
 * and says what changes on every row, old and new. Applying checks it all again in one transaction holding
 * every part's lock (in id order, as every register change takes them): with any row in error nothing is
 * written; each change is recorded through `RegisterService.record` with source IMPORT (CORRECTION, with the
 * coordinator's reason, on a signed-off or closed register) and a client id made from the session, the
 * file, the line and the part, so applying the same file twice changes nothing the second time.
 */
@Injectable()
export class RegisterImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RegisterAccess,
    private readonly registers: RegisterService,
    private readonly repo: AttendanceRepository,
    private readonly view: RegisterView,
    private readonly outcomes: AttendanceOutcomes,
    private readonly clock: Clock,
  ) {}

  async preview(viewer: Viewer, sessionId: string, csv: string, now = this.clock.now()): Promise<RegisterImportPreviewType> {
    const em = this.em.fork();
    const contexts = await this.access.loadSession(em, viewer, sessionId, now);
    const read = readRegisterCsv(csv, contexts.length);
    if ('fileProblem' in read) {
      return { fileProblem: read.fileProblem, rows: [], changes: 0, rowsWithChanges: 0, unchanged: 0, withErrors: 0, needsReason: false };
    }
    const { rows } = await this.check(em, contexts, read.rows, csv);
    return this.summarise(rows, contexts);
  }

  async apply(
    viewer: Viewer,
    sessionId: string,
    csv: string,
    reason: string | null,
    now = this.clock.now(),
  ): Promise<RegisterImportResultType> {
    return this.em.fork().transactional(async (em) => {
      const contexts = await this.access.loadSession(em, viewer, sessionId, now);
      const read = readRegisterCsv(csv, contexts.length);
      if ('fileProblem' in read) {
        throw new DomainError(ErrorCode.BadUserInput, read.fileProblem, [{ field: 'csv', message: read.fileProblem }]);
      }
      // the locks every register change takes, in one order so two uploads cannot deadlock; then the sign-offs afresh
      for (const ctx of [...contexts].sort((a, b) => (a.part.id < b.part.id ? -1 : 1))) {
        await this.repo.lockPart(em, ctx.part.id);
        ctx.signOff = await this.access.signOffOf(em, ctx.part.id);
      }
      const { rows, marks } = await this.check(em, contexts, read.rows, csv);
      const errors = rows.filter((r) => r.outcome === 'ERROR');
      if (errors.length) {
        const message = `${errors.length === 1 ? `Line ${errors[0]!.line} has a problem` : `${errors.length} rows have problems (the first on line ${errors[0]!.line})`}: fix the file and upload it again. Nothing has been changed.`;
        throw new DomainError(ErrorCode.BadUserInput, message, [{ field: 'csv', message }]);
      }
      const byPart = new Map(contexts.map((c) => [c.part.id, c]));
      const changes = rows.flatMap((r) => r.changes.map((change) => ({ row: r, change, ctx: byPart.get(change.partId)! })));
      const corrections = changes.filter((c) => this.isCorrection(c.ctx));
      if (corrections.length && !reason) {
        const message = 'Enter the reason for the corrections';
        throw new DomainError(ErrorCode.BadUserInput, `${message}.`, [{ field: 'reason', message }]);
      }
      const bookings = new Map(
        (await this.view.confirmedBookings(em, contexts[0]!, [...new Set(changes.map((c) => c.row.bookingId!))])).map((b) => [b.id, b]),
      );
      const hash = fileHash(csv);
      for (const { row, change, ctx } of changes) {
        const current = marks.get(markKey(row.bookingId!, change.partId));
        const correction = this.isCorrection(ctx);
        await this.registers.record(
          em,
          viewer,
          ctx,
          current,
          {
            clientId: importClientId(ctx.session.id, hash, row.line, change.partId),
            booking: bookings.get(row.bookingId!)!,
            mark: change.to.mark,
            minutes: change.to.minutes,
            // the file says nothing about notes: the trainer's note stays with the person's mark
            note: current?.note ?? null,
            reason: correction ? reason : null,
            source: correction ? MarkSource.CORRECTION : MarkSource.IMPORT,
          },
          now,
          false,
        );
      }
      await em.flush();
      if (changes.some((c) => c.ctx.signOff)) {
        await this.outcomes.decide(em, contexts[0]!.session, now);
      }
      return { changed: changes.length, people: new Set(changes.map((c) => c.row.bookingId)).size, corrections: corrections.length };
    });
  }

  /** A coordinator's change on a signed-off or closed register is a correction; a trainer's is refused before this. */
  private isCorrection(ctx: RegisterContext): boolean {
    return ctx.asCoordinator && this.access.isCorrection(ctx);
  }

  private async check(
    em: EntityManager,
    contexts: RegisterContext[],
    rows: RegisterImportRow[],
    csv: string,
  ): Promise<{ rows: CheckedRegisterRow[]; marks: Map<string, CurrentMark> }> {
    const bookings = await this.view.confirmedBookings(em, contexts[0]!);
    const marks = await this.repo.currentMarks(
      em,
      contexts.map((c) => c.part.id),
    );
    const hash = fileHash(csv);
    const cells = rows.flatMap((r) =>
      contexts
        .filter((c) => (r.marks.get(c.partNumber) ?? '').trim())
        .map((c) => ({ key: `${r.line}:${c.partNumber}`, clientId: importClientId(c.session.id, hash, r.line, c.part.id) })),
    );
    const recorded = await this.repo.recordedClientIds(
      em,
      cells.map((c) => c.clientId),
    );
    const checked = checkRegisterImportRows(rows, {
      parts: contexts.map((c) => ({
        id: c.part.id,
        number: c.partNumber,
        span: c.part,
        refusal: this.access.markRefusal(c)?.message ?? null,
      })),
      people: bookings.map((b) => ({
        bookingId: b.id,
        email: b.person.email.toLowerCase(),
        name: b.person.name,
        marks: new Map(
          contexts.map((c) => {
            const m = marks.get(markKey(b.id, c.part.id));
            return [c.part.id, m?.mark ? { mark: m.mark, minutes: m.minutes } : null];
          }),
        ),
      })),
      alreadyApplied: new Set(cells.filter((c) => recorded.has(c.clientId)).map((c) => c.key)),
    });
    return { rows: checked, marks };
  }

  private summarise(rows: CheckedRegisterRow[], contexts: RegisterContext[]): RegisterImportPreviewType {
    const byPart = new Map(contexts.map((c) => [c.part.id, c]));
    const count = (o: CheckedRegisterRow['outcome']) => rows.filter((r) => r.outcome === o).length;
    const mapped = rows.map((r) => ({
      line: r.line,
      email: r.email,
      name: r.name,
      outcome: RegisterImportRowOutcome[r.outcome],
      problems: r.problems,
      changes: r.changes.map((c) => ({
        partNumber: c.partNumber,
        fromMark: c.from?.mark ?? null,
        fromMinutes: c.from?.minutes ?? null,
        toMark: c.to.mark,
        toMinutes: c.to.minutes,
        correction: this.isCorrection(byPart.get(c.partId)!),
      })),
    }));
    return {
      fileProblem: null,
      rows: mapped,
      changes: mapped.reduce((n, r) => n + r.changes.length, 0),
      rowsWithChanges: count('CHANGE'),
      unchanged: count('NO_CHANGE'),
      withErrors: count('ERROR'),
      needsReason: mapped.some((r) => r.changes.some((c) => c.correction)),
    };
  }
}

/** The file as read for hashing: without a byte-order mark, with one kind of line end, without trailing blank lines. */
const normalised = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trimEnd();

function fileHash(csv: string): string {
  return createHash('sha256').update(normalised(csv)).digest('hex');
}

/** Where a register file's client ids are made (a fixed, random UUID), so they never meet a device's. */
const IMPORT_NAMESPACE = '5f8d0b8e-3c1a-4e47-9a8e-0d6c2b9f4a21';

/** A name-based UUID (version 5 layout: SHA-1 of namespace and name) for one cell of one file. */
export function importClientId(sessionId: string, fileHashHex: string, line: number, partId: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(IMPORT_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(`register-import:${sessionId}:${fileHashHex}:${line}:${partId}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type ParsedRecords = { record: string[]; info: { lines: number } }[];

function parseRecords(csv: string): ParsedRecords | { fileProblem: string } {
  if (csv.length > MAX_REGISTER_IMPORT_CHARACTERS) {
    return { fileProblem: tooLarge };
  }
  try {
    return parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as ParsedRecords;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return {
      fileProblem: `The file is not a CSV file we can read${line ? ` (the problem is near line ${line})` : ''}. Save it from your spreadsheet as "CSV (comma delimited)" and upload it again.`,
    };
  }
}

/**
 * Parses the file (csv-parse: quotes, commas in quotes, a byte-order mark, CRLF). The header row names the
 * columns; rows with nothing in them are left out (spreadsheets save empty rows as commas).
 */
export function readRegisterCsv(csv: string, partCount: number): { rows: RegisterImportRow[] } | { fileProblem: string } {
  const records = parseRecords(csv);
  if ('fileProblem' in records) {
    return records;
  }
  const [header, ...body] = records;
  if (!header) {
    return { fileProblem: 'The file is empty. It needs a header row and a row for each person.' };
  }
  const problem = registerHeaderProblem(header.record, partCount);
  if (problem) {
    return { fileProblem: problem };
  }
  const columns = header.record.map(registerColumnOf);
  const rows = body.filter(({ record }) => record.some((cell) => cell.trim()));
  if (!rows.length) {
    return { fileProblem: 'The file has a header row but no people in it.' };
  }
  const cell = (record: string[], kind: 'email' | 'name') => {
    const i = columns.findIndex((c) => c?.kind === kind);
    return i === -1 ? '' : (record[i] ?? '');
  };
  return {
    rows: rows.map(({ record, info }) => ({
      line: info.lines,
      email: cell(record, 'email'),
      name: cell(record, 'name'),
      marks: new Map(columns.flatMap((c, i) => (c?.kind === 'part' ? [[c.number, record[i] ?? ''] as const] : []))),
    })),
  };
}
