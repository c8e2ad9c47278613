import type { EntityManager } from '@mikro-orm/postgresql';
import { CompletionSource, addMonths, londonToday, londonToUtc } from '@lh/domain';
import type { Course } from '../src/catalogue/course.entity';
import { MandatoryRequirement } from '../src/mandatory-training/mandatory-requirement.entity';
import { Person } from '../src/people/person.entity';
import { TrainingCompletion } from '../src/records/training-completion.entity';

/** Test helpers for mandatory training: London dates, requirements and completions written as the records would. */
export const todayInLondon = () => londonToday(new Date());

/** A London date `n` days after `date` (negative: before). */
export function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The instant at `time` London time on a London date. */
export const londonAt = (date: string, time = '07:00') => londonToUtc(date, time);

export async function aRequirement(
  em: EntityManager,
  over: Partial<
    Pick<
      MandatoryRequirement,
      | 'name'
      | 'roles'
      | 'agencyIds'
      | 'sectors'
      | 'courseIds'
      | 'externalMinLevel'
      | 'validityMonths'
      | 'newStarterMonths'
      | 'refresherMonths'
    >
  >,
): Promise<MandatoryRequirement> {
  const now = new Date();
  const r = em.create(MandatoryRequirement, {
    name: `Requirement ${Math.random().toString(16).slice(2, 8)}`,
    validityMonths: 36,
    newStarterMonths: 3,
    refresherMonths: 3,
    createdAt: now,
    updatedAt: now,
    ...over,
  });
  await em.flush();
  return r;
}

export async function aCompletion(
  em: EntityManager,
  person: Person,
  completedOn: string,
  over: { course?: Course | null; source?: CompletionSource; level?: number | null; revoked?: boolean } = {},
): Promise<TrainingCompletion> {
  const c = em.create(TrainingCompletion, {
    person: em.getReference(Person, person.id),
    source: over.source ?? CompletionSource.SESSION,
    course: over.course ?? null,
    title: over.course?.title ?? 'Learning elsewhere',
    level: over.level ?? over.course?.level ?? null,
    minutes: 180,
    startedOn: completedOn,
    completedOn,
    recordedAt: new Date(),
    revokedAt: over.revoked ? new Date() : null,
    revokedReason: over.revoked ? 'The register was corrected' : null,
  });
  await em.flush();
  return c;
}

/** Makes a person's account (and so their joining date) start on a London date. */
export async function joinedOn(em: EntityManager, person: Person, date: string): Promise<void> {
  await em.nativeUpdate(Person, { id: person.id }, { createdAt: londonAt(date, '12:00') });
}

export { addMonths };
