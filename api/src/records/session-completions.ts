import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CompletionSource, londonParts, outcomeCompletes, type CourseOutcome } from '@lh/domain';
import type { Booking } from '../booking/booking.entity';
import type { Session } from '../scheduling/session.entity';
import type { DecidedOutcome } from '../registers/attendance-outcomes';
import type { OutcomeCause } from '../non-attendance/non-attendance-charges';
import { TrainingCompletion } from './training-completion.entity';

/** What happened to a place's completion when its outcome was decided. */
export enum CompletionChangeKind {
  /** First time this place completes the course. */
  COMPLETED = 'COMPLETED',
  /** A correction took attendance away. */
  REVOKED = 'REVOKED',
  /** A later correction gave it back after a revocation. */
  RESTORED = 'RESTORED',
  /** Still completed, with other minutes or outcome (for example attended instead of partly attended). */
  UPDATED = 'UPDATED',
}

export interface CompletionChange {
  completion: TrainingCompletion;
  kind: CompletionChangeKind;
}

/** The fields a session place's completion copies in when written (also used by the demo seed). */
export function sessionCompletionFields(booking: Booking, session: Session, outcome: CourseOutcome, minutes: number) {
  const course = session.course;
  return {
    person: booking.person,
    source: CompletionSource.SESSION,
    course,
    booking,
    session,
    outcome,
    title: course.title,
    provider: null,
    level: course.level,
    priorityArea: course.priorityArea,
    minutes,
    startedOn: londonParts(session.startsAt).date,
    completedOn: londonParts(session.endsAt).date,
    agency: booking.agency ?? null,
  };
}

/**
 * Keeps `training_completion` in step with the outcomes the registers decide, in the same transaction:
 * a place whose outcome completes the course (attended, or partly attended where the course allows it)
 * gets a completion; a correction that takes that away revokes it with the reason, and one that gives it
 * back restores it. Returns what changed, for certificates.
 */
@Injectable()
export class SessionCompletions {
  async outcomesDecided(
    em: EntityManager,
    session: Session,
    decided: readonly DecidedOutcome[],
    now: Date,
    cause?: OutcomeCause,
  ): Promise<CompletionChange[]> {
    if (!decided.length) {
      return [];
    }
    const existing = new Map(
      (await em.find(TrainingCompletion, { booking: decided.map((d) => d.booking.id) }, { populate: ['booking'] })).map((c) => [
        c.booking!.id,
        c,
      ]),
    );
    const changes: CompletionChange[] = [];
    for (const { booking, outcome, minutesAttended } of decided) {
      const row = existing.get(booking.id);
      if (!outcomeCompletes(outcome, session.course)) {
        if (row && !row.revokedAt) {
          row.revokedAt = now;
          row.revokedReason = cause?.reason ?? 'The register was corrected';
          changes.push({ completion: row, kind: CompletionChangeKind.REVOKED });
        }
        continue;
      }
      if (!row) {
        const completion = em.create(TrainingCompletion, {
          ...sessionCompletionFields(booking, session, outcome, minutesAttended),
          recordedAt: now,
        });
        em.persist(completion);
        changes.push({ completion, kind: CompletionChangeKind.COMPLETED });
        continue;
      }
      const kind = row.revokedAt ? CompletionChangeKind.RESTORED : CompletionChangeKind.UPDATED;
      row.revokedAt = null;
      row.revokedReason = null;
      row.outcome = outcome;
      row.minutes = minutesAttended;
      row.recordedAt = now;
      changes.push({ completion: row, kind });
    }
    await em.flush();
    return changes;
  }
}
