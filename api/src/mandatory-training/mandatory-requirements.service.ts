import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, isUuid, requirementProblems, type FieldProblem } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Course } from '../catalogue/course.entity';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { MandatoryRequirement } from './mandatory-requirement.entity';
import { MandatoryRequirementType } from './mandatory-training.types';
import type { MandatoryRequirementInput } from './dto/mandatory-requirement.input';

const notFound = () => new DomainError(ErrorCode.NotFound, 'There is no such mandatory training requirement.');

/** Coordinators define what training is mandatory, for whom, and how long it stays valid. */
@Injectable()
export class MandatoryRequirementsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer): Promise<MandatoryRequirementType[]> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    return this.describe(em, await em.find(MandatoryRequirement, {}, { orderBy: { name: 'asc', id: 'asc' } }));
  }

  async one(viewer: Viewer, id: string): Promise<MandatoryRequirementType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const row = isUuid(id) ? await em.findOne(MandatoryRequirement, id) : null;
    if (!row) {
      throw notFound();
    }
    return (await this.describe(em, [row]))[0]!;
  }

  /** Creates (no id) or changes a requirement; every problem is named at once and nothing is written while one is left. */
  async save(viewer: Viewer, input: MandatoryRequirementInput, id?: string, now = this.clock.now()): Promise<MandatoryRequirementType> {
    requireCoordinator(viewer);
    const draft = {
      name: input.name.trim(),
      roles: [...new Set(input.roles)],
      agencyIds: [...new Set(input.agencyIds)],
      sectors: [...new Set(input.sectors)],
      courseIds: [...new Set(input.courseIds)],
      externalMinLevel: input.externalMinLevel ?? null,
      validityMonths: input.validityMonths,
      newStarterMonths: input.newStarterMonths,
      refresherMonths: input.refresherMonths,
    };
    return this.em.fork().transactional(async (em) => {
      const problems: FieldProblem[] = requirementProblems(draft);
      const [courses, agencies] = await Promise.all([
        draft.courseIds.length ? em.count(Course, { id: draft.courseIds }) : 0,
        draft.agencyIds.length ? em.count(Agency, { id: draft.agencyIds }) : 0,
      ]);
      if (courses !== draft.courseIds.length) {
        problems.push({ field: 'courseIds', message: 'Choose courses from the list' });
      }
      if (agencies !== draft.agencyIds.length) {
        problems.push({ field: 'agencyIds', message: 'Choose agencies from the list' });
      }
      if (problems.length) {
        throw new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);
      }
      let row: MandatoryRequirement | null;
      if (id) {
        row = isUuid(id) ? await em.findOne(MandatoryRequirement, id) : null;
        if (!row) {
          throw notFound();
        }
      } else {
        row = em.create(MandatoryRequirement, { ...draft, validityMonths: draft.validityMonths, createdAt: now, updatedAt: now });
      }
      Object.assign(row, draft, { updatedAt: now, updatedBy: em.getReference(Person, viewer.id) });
      await em.flush();
      return (await this.describe(em, [row]))[0]!;
    });
  }

  private async describe(em: EntityManager, rows: readonly MandatoryRequirement[]): Promise<MandatoryRequirementType[]> {
    const courseIds = [...new Set(rows.flatMap((r) => r.courseIds))];
    const agencyIds = [...new Set(rows.flatMap((r) => r.agencyIds))];
    const [courses, agencies] = await Promise.all([
      courseIds.length ? em.find(Course, { id: courseIds }, { fields: ['id', 'title'] }) : [],
      agencyIds.length ? em.find(Agency, { id: agencyIds }, { fields: ['id', 'name'] }) : [],
    ]);
    const titles = new Map(courses.map((c) => [c.id, c.title]));
    const names = new Map(agencies.map((a) => [a.id, a.name]));
    return rows.map((r) =>
      Object.assign(new MandatoryRequirementType(), {
        id: r.id,
        name: r.name,
        roles: r.roles,
        agencyIds: r.agencyIds,
        agencyNames: r.agencyIds.map((a) => names.get(a)).filter((n): n is string => !!n),
        sectors: r.sectors,
        courseIds: r.courseIds,
        courseTitles: r.courseIds.map((c) => titles.get(c)).filter((t): t is string => !!t),
        externalMinLevel: r.externalMinLevel ?? null,
        validityMonths: r.validityMonths,
        newStarterMonths: r.newStarterMonths,
        refresherMonths: r.refresherMonths,
        updatedAt: r.updatedAt,
      }),
    );
  }
}
