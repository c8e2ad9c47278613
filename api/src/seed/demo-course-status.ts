import type { EntityManager } from '@mikro-orm/postgresql';
import { CourseFormat, CourseStatus } from '@lh/domain';
import { Course } from '../catalogue/course.entity';
import type { PriorityArea } from '../catalogue/priority-area.entity';

/**
 * The demo's draft and archived courses, so a coordinator sees both in Manage → Courses: a draft being
 * prepared (not in the catalogue), and an archived course kept for history (not in the catalogue, no new sessions).
 */
export function seedCourseStatuses(em: EntityManager, area: PriorityArea, createdAt: Date): { draft: Course; archived: Course } {
  const draft = em.create(Course, {
    title: 'Safeguarding disabled children (draft)',
    summary:
      'A new half day being prepared with the partnership’s disability team: recognising abuse and neglect of disabled children, ' +
      'communicating with children who do not use speech, and avoiding the assumption that signs are caused by the disability.',
    learningOutcomes: ['By the end you will be able to describe why disabled children are at greater risk of abuse'],
    priorityArea: area,
    level: 2,
    format: CourseFormat.FACE_TO_FACE,
    durationMinutes: 180,
    status: CourseStatus.DRAFT,
    createdAt,
  });
  const archived = em.create(Course, {
    title: 'Working Together 2018: what changed',
    summary:
      'A briefing on the 2018 statutory guidance, replaced since by Working Together 2023. Kept for the training records of people who did it.',
    learningOutcomes: ['By the end you will be able to describe the safeguarding partner arrangements'],
    priorityArea: area,
    level: 1,
    format: CourseFormat.BRIEFING,
    durationMinutes: 90,
    status: CourseStatus.ARCHIVED,
    createdAt,
  });
  return { draft, archived };
}
