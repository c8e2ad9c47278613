import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  Role,
  agencySectorLabels,
  courseFormatLabels,
  dayAfterDate,
  levelLabels,
  londonParts,
  londonToUtc,
  periodsEndingWith,
  reportPeriodProblems,
  resolvePeriod,
  type ReportPeriod,
} from '@lh/domain';
import { isCoordinator } from '../common/access';
import { hasRole, type Viewer } from '../common/viewer';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { Course } from '../catalogue/course.entity';
import { PriorityArea } from '../catalogue/priority-area.entity';
import type { ReportScope } from './report-sql';
import type { ReportFilterInput, ReportFilterLabelType } from './reports.types';

/** A filter read and checked: the periods (newest first), the SQL scope and the filters in words. */
export interface CheckedFilter {
  periods: ReportPeriod[];
  scope: ReportScope;
  labels: ReportFilterLabelType[];
}

const bad = (field: string, message: string) => new DomainError(ErrorCode.BadUserInput, message, [{ field: `filter.${field}`, message }]);

/**
 * The one reader of a report filter, used by every report and export: who may ask (coordinators and
 * reviewers; agency leads for their own agency only; the trainer filter is the coordinators', since it names a person), the period (its problems in
 * the form's words), that every id names something that exists, and the filters in words for the page and
 * the export's "About" sheet.
 */
@Injectable()
export class ReportFilters {
  async check(em: EntityManager, viewer: Viewer, filter: ReportFilterInput, now: Date, periodCount = 1): Promise<CheckedFilter> {
    if (!hasRole(viewer, Role.COORDINATOR, Role.REVIEWER)) {
      filter = this.asAgencyLead(viewer, filter);
    }
    if (filter.trainerId && !isCoordinator(viewer)) {
      throw new DomainError(ErrorCode.NotAllowed, 'Only coordinators can filter reports by trainer.', [
        { field: 'filter.trainerId', message: 'Only coordinators can filter reports by trainer' },
      ]);
    }
    const request = { kind: filter.periodKind, from: filter.from, to: filter.to };
    const problems = reportPeriodProblems(request);
    if (problems.length) {
      throw new DomainError(
        ErrorCode.BadUserInput,
        problems.map((p) => p.message).join('; '),
        problems.map((p) => ({ field: `filter.${p.field === 'kind' ? 'periodKind' : p.field}`, message: p.message })),
      );
    }
    const periods = periodsEndingWith(resolvePeriod(request, londonParts(now).date), periodCount);
    const labels: ReportFilterLabelType[] = [{ label: 'Period', value: periods[0]!.label }];
    if (filter.priorityAreaId) {
      const area = await em.findOne(PriorityArea, filter.priorityAreaId);
      if (!area) {
        throw bad('priorityAreaId', 'There is no such priority area: choose one from the list');
      }
      labels.push({ label: 'Priority area', value: area.name });
    }
    if (filter.level) {
      labels.push({ label: 'Level', value: levelLabels[filter.level] ?? String(filter.level) });
    }
    if (filter.format) {
      labels.push({ label: 'Format', value: courseFormatLabels[filter.format] });
    }
    if (filter.courseId) {
      const course = await em.findOne(Course, filter.courseId);
      if (!course) {
        throw bad('courseId', 'There is no such course: choose one from the list');
      }
      labels.push({ label: 'Course', value: course.title });
    }
    if (filter.trainerId) {
      const trainer = await em.findOne(Person, filter.trainerId);
      if (!trainer || !trainer.roles.includes(Role.TRAINER)) {
        throw bad('trainerId', 'There is no such trainer: choose one from the list');
      }
      labels.push({ label: 'Trainer', value: trainer.name });
    }
    if (filter.agencyId) {
      const agency = await em.findOne(Agency, filter.agencyId);
      if (!agency) {
        throw bad('agencyId', 'There is no such agency: choose one from the list');
      }
      labels.push({ label: 'Agency', value: agency.name });
    }
    if (filter.sector) {
      labels.push({ label: 'Sector', value: agencySectorLabels[filter.sector] });
    }
    const scope: ReportScope = {
      periodStarts: periods.map((p) => londonToUtc(p.from, '00:00')),
      end: londonToUtc(dayAfterDate(periods[0]!.to), '00:00'),
      now,
      priorityAreaId: filter.priorityAreaId,
      level: filter.level,
      format: filter.format,
      courseId: filter.courseId,
      trainerId: filter.trainerId,
      agencyId: filter.agencyId,
      sector: filter.sector,
    };
    return { periods, scope, labels };
  }

  /**
   * An agency lead sees their own agency's figures: the agency filter is forced to it (as isAgencyLeadOf,
   * a lead leads the one agency of their account), another agency's id is refused, and the sector filter
   * (which would reach other agencies) is not theirs.
   */
  private asAgencyLead(viewer: Viewer, filter: ReportFilterInput): ReportFilterInput {
    if (!hasRole(viewer, Role.AGENCY_LEAD) || !viewer.agencyId) {
      throw new DomainError(ErrorCode.NotAllowed, 'Only coordinators, reviewers and agency leads can see reports.');
    }
    if (filter.agencyId && filter.agencyId !== viewer.agencyId) {
      throw new DomainError(ErrorCode.NotAllowed, 'You can see the figures of your own agency only.', [
        { field: 'filter.agencyId', message: 'You can see the figures of your own agency only' },
      ]);
    }
    if (filter.sector) {
      throw new DomainError(ErrorCode.NotAllowed, 'Agency leads cannot filter reports by sector.', [
        { field: 'filter.sector', message: 'Agency leads cannot filter reports by sector' },
      ]);
    }
    return { ...filter, agencyId: viewer.agencyId };
  }
}
