import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  CompletionSource,
  CourseFormat,
  DomainError,
  ErrorCode,
  MAX_ELEARNING_IMPORT_CHARACTERS,
  MAX_ELEARNING_ROWS,
  checkElearningRows,
  completionKey,
  elearningColumnOf,
  elearningHeaderProblem,
  londonParts,
  type CheckedElearningRow,
  type ElearningColumn,
  type ElearningRow,
} from '@lh/domain';
import { parse } from 'csv-parse/sync';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Course } from '../catalogue/course.entity';
import { Person } from '../people/person.entity';
import { TrainingCompletion } from './training-completion.entity';
import type { ElearningImportPreviewType, ElearningImportResultType } from './e-learning-import.types';

/**
 * Coordinators importing e-learning completions from the provider's CSV export (email, course, completion
 * date, minutes or hours). The preview writes nothing and says what happens to every row; confirming checks
 * it all again and writes E_LEARNING completions for the good rows only, in one transaction. A completion
 * already recorded (same person, course and day) is never added again, so the same file twice adds nothing.
 */
@Injectable()
export class ElearningImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async preview(viewer: Viewer, csv: string, now = this.clock.now()): Promise<ElearningImportPreviewType> {
    requireCoordinator(viewer);
    const read = readElearningCsv(csv);
    if ('fileProblem' in read) {
      return { fileProblem: read.fileProblem, rows: [], toAdd: 0, duplicates: 0, withErrors: 0 };
    }
    return summarise(await this.check(this.em.fork(), read.rows, now));
  }

  async confirm(viewer: Viewer, csv: string, now = this.clock.now()): Promise<ElearningImportResultType> {
    requireCoordinator(viewer);
    const read = readElearningCsv(csv);
    if ('fileProblem' in read) {
      throw new DomainError(ErrorCode.BadUserInput, read.fileProblem, [{ field: 'csv', message: read.fileProblem }]);
    }
    return this.em.fork().transactional(async (em) => {
      // one import at a time, so two uploads of one file cannot both add its rows
      await em.execute(`select pg_advisory_xact_lock(hashtext('lh:e-learning-import'))`);
      const rows = await this.check(em, read.rows, now);
      const good = rows.filter((r) => r.outcome === 'ADD');
      const people = new Map((await em.find(Person, { id: good.map((r) => r.personId!) }, { populate: ['agency'] })).map((p) => [p.id, p]));
      const courses = new Map(
        (await em.find(Course, { id: good.map((r) => r.courseId!) }, { populate: ['priorityArea'] })).map((c) => [c.id, c]),
      );
      for (const r of good) {
        const person = people.get(r.personId!)!;
        const course = courses.get(r.courseId!)!;
        em.create(TrainingCompletion, {
          person,
          source: CompletionSource.E_LEARNING,
          course,
          title: course.title,
          provider: null,
          level: course.level,
          priorityArea: course.priorityArea ?? null,
          minutes: r.minutesSpent!,
          startedOn: r.completedOn!,
          completedOn: r.completedOn!,
          agency: person.agency ?? null,
          recordedAt: now,
        });
      }
      await em.flush();
      return {
        added: good.length,
        duplicates: rows.filter((r) => r.outcome === 'DUPLICATE').length,
        leftOut: rows.filter((r) => r.outcome === 'ERROR').length,
      };
    });
  }

  private async check(em: EntityManager, rows: ElearningRow[], now: Date): Promise<CheckedElearningRow[]> {
    const emails = [...new Set(rows.map((r) => r.email.trim().toLowerCase()).filter(Boolean))];
    const people = emails.length ? await em.find(Person, { email: { $in: emails } }, { fields: ['id', 'name', 'email'] }) : [];
    const courses = await em.find(Course, { format: CourseFormat.E_LEARNING }, { fields: ['id', 'title', 'externalCode'] });
    const recorded = people.length
      ? await em.find(
          TrainingCompletion,
          { person: people.map((p) => p.id), source: CompletionSource.E_LEARNING, revokedAt: null },
          { fields: ['person', 'course', 'completedOn'] },
        )
      : [];
    return checkElearningRows(rows, {
      people: new Map(people.map((p) => [p.email.toLowerCase(), { id: p.id, name: p.name }])),
      courses: courses.map((c) => ({ id: c.id, title: c.title, externalCode: c.externalCode ?? null })),
      recorded: new Set(recorded.filter((c) => c.course).map((c) => completionKey(c.person.id, c.course!.id, c.completedOn))),
      today: londonParts(now).date,
    });
  }
}

function summarise(rows: CheckedElearningRow[]): ElearningImportPreviewType {
  const count = (o: CheckedElearningRow['outcome']) => rows.filter((r) => r.outcome === o).length;
  return {
    fileProblem: null,
    rows: rows.map((r) => ({
      line: r.line,
      email: r.email,
      course: r.course,
      completed: r.completed,
      personName: r.personName,
      courseTitle: r.courseTitle,
      completedOn: r.completedOn,
      minutes: r.minutesSpent,
      outcome: r.outcome,
      problems: r.problems,
    })),
    toAdd: count('ADD'),
    duplicates: count('DUPLICATE'),
    withErrors: count('ERROR'),
  };
}

/** Parses the export (csv-parse: quotes, a byte-order mark, CRLF); the header row names the columns. */
export function readElearningCsv(csv: string): { rows: ElearningRow[] } | { fileProblem: string } {
  if (csv.length > MAX_ELEARNING_IMPORT_CHARACTERS) {
    return { fileProblem: `The file is too large: import at most ${MAX_ELEARNING_ROWS} completions at a time.` };
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
      fileProblem: `The file is not a CSV file we can read${line ? ` (the problem is near line ${line})` : ''}. Export it from the e-learning system as CSV and upload it again.`,
    };
  }
  const [header, ...body] = records;
  if (!header) {
    return { fileProblem: 'The file is empty. It needs a header row and a row for each completion.' };
  }
  const problem = elearningHeaderProblem(header.record);
  if (problem) {
    return { fileProblem: problem };
  }
  if (!body.length) {
    return { fileProblem: 'The file has a header row but no completions in it.' };
  }
  if (body.length > MAX_ELEARNING_ROWS) {
    return { fileProblem: `The file has ${body.length} rows: import at most ${MAX_ELEARNING_ROWS} at a time.` };
  }
  const columns = header.record.map(elearningColumnOf);
  const cell = (record: string[], column: ElearningColumn) => {
    const i = columns.indexOf(column);
    return i === -1 ? '' : (record[i] ?? '');
  };
  return {
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      email: cell(record, 'email'),
      course: cell(record, 'course'),
      completed: cell(record, 'completed'),
      minutes: cell(record, 'minutes'),
      hours: cell(record, 'hours'),
    })),
  };
}
