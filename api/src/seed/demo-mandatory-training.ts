import type { EntityManager } from '@mikro-orm/postgresql';
import { AgencySector, CompletionSource, Role, addMonths, londonToday } from '@lh/domain';
import type { Agency } from '../people/agency.entity';
import type { Course } from '../catalogue/course.entity';
import { Person } from '../people/person.entity';
import { MandatoryRequirement } from '../mandatory-training/mandatory-requirement.entity';
import { TrainingCompletion } from '../records/training-completion.entity';

export const DEMO_AGENCY_LEAD_EMAIL = 'agency-lead@example.org';
export const DEMO_LEVEL_1_REQUIREMENT = 'Safeguarding children: level 1 awareness';

/**
 * Demo mandatory training: level 1 awareness for every practitioner and level 3 multi-agency training for
 * children's social care and health, valid 36 months each; e-learning done before the Hub for some people
 * (some still current, some due soon, some expired); the demo practitioner's level 1 has expired, with a
 * Professional Curiosity session coming up that would renew it; and an agency lead for the NHS trust.
 */
export function seedDemoMandatoryTraining(
  em: EntityManager,
  o: {
    courses: { awareness: Course; curiosity: Course; gcp2: Course; contextual: Course };
    practitioners: readonly Person[];
    priya: Person;
    leadAgency: Agency;
    passwordHash: string;
    now: Date;
  },
): void {
  const today = londonToday(o.now);
  em.create(MandatoryRequirement, {
    name: DEMO_LEVEL_1_REQUIREMENT,
    roles: [Role.PRACTITIONER],
    courseIds: [o.courses.awareness.id, o.courses.curiosity.id],
    // only the partnership's own awareness courses (the demo practitioner's level 3 from elsewhere counts for level 3 only)
    externalMinLevel: null,
    validityMonths: 36,
    newStarterMonths: 3,
    refresherMonths: 3,
    createdAt: o.now,
    updatedAt: o.now,
  });
  em.create(MandatoryRequirement, {
    name: 'Level 3 multi-agency safeguarding',
    sectors: [AgencySector.CHILDRENS_SOCIAL_CARE, AgencySector.HEALTH],
    courseIds: [o.courses.gcp2.id, o.courses.contextual.id],
    externalMinLevel: 3,
    validityMonths: 36,
    newStarterMonths: 6,
    refresherMonths: 3,
    createdAt: o.now,
    updatedAt: o.now,
  });
  const eLearning = (person: Person, completedOn: string) =>
    em.create(TrainingCompletion, {
      person,
      source: CompletionSource.E_LEARNING,
      course: o.courses.awareness,
      title: o.courses.awareness.title,
      provider: null,
      level: o.courses.awareness.level,
      priorityArea: o.courses.awareness.priorityArea,
      minutes: o.courses.awareness.durationMinutes,
      startedOn: completedOn,
      completedOn,
      agency: person.agency ?? null,
      recordedAt: o.now,
    });
  // the demo practitioner: level 1 done as e-learning 38 months ago, so expired
  eLearning(o.priya, addMonths(today, -38));
  // two in three of the others did the e-learning at some point in the last 40 months (a spread of statuses)
  o.practitioners.forEach((person, i) => {
    if (person !== o.priya && i % 3 !== 0) {
      eLearning(person, addMonths(today, -((i * 7) % 40)));
    }
  });
  em.create(Person, {
    name: 'Nadia Rahman',
    email: DEMO_AGENCY_LEAD_EMAIL,
    jobTitle: 'Named Nurse for Safeguarding Children (agency lead)',
    agency: o.leadAgency,
    roles: [Role.PRACTITIONER, Role.AGENCY_LEAD],
    passwordHash: o.passwordHash,
    createdAt: new Date(o.now.getTime() - 400 * 86_400_000),
  });
}
