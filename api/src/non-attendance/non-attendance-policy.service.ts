import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  AuditAction,
  CHARGE_AGENCY_TYPES,
  DomainError,
  ErrorCode,
  NO_CHARGE,
  chargeAgencyTypeLabels,
  chargeAgencyTypeOf,
  ratePenceProblem,
  type ChargeAgencyType,
  type FieldProblem,
} from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { NonAttendancePolicy } from './non-attendance-policy.entity';
import { NonAttendanceRepository } from './non-attendance.repository';
import { NonAttendanceRateType } from './non-attendance.types';
import type { NonAttendancePolicyInput } from './dto/non-attendance.inputs';
import { AuditLog } from '../audit/audit-log';

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)} a day`;

/**
 * Coordinators set what each agency type pays a day for a non-attendance and for a late cancellation.
 * A change applies to outcomes decided from then on: charges already written keep the rule they had.
 */
@Injectable()
export class NonAttendancePolicyService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: NonAttendanceRepository,
    private readonly clock: Clock,
  ) {}

  /** Every agency type with its rates (nothing for a type never set) and the agencies of that type now. */
  async policy(viewer: Viewer): Promise<NonAttendanceRateType[]> {
    requireCoordinator(viewer);
    return this.describe(this.em.fork());
  }

  /** Sets the rates given (each type once); every problem is named at once and nothing changes while one is left. */
  async setPolicy(viewer: Viewer, input: NonAttendancePolicyInput, now = this.clock.now()): Promise<NonAttendanceRateType[]> {
    requireCoordinator(viewer);
    const problems: FieldProblem[] = [];
    const seen = new Set<ChargeAgencyType>();
    input.rates.forEach((rate, i) => {
      const label = chargeAgencyTypeLabels[rate.agencyType];
      if (seen.has(rate.agencyType)) {
        problems.push({ field: `input.rates.${i}.agencyType`, message: `${label} is given twice: give each agency type once` });
      }
      seen.add(rate.agencyType);
      for (const [key, what] of [
        ['nonAttendancePence', 'a non-attendance'],
        ['lateCancellationPence', 'a late cancellation'],
      ] as const) {
        const problem = ratePenceProblem(rate[key], `the charge for ${what} (${label})`);
        if (problem) {
          problems.push({ field: `input.rates.${i}.${key}`, message: problem });
        }
      }
    });
    if (problems.length) {
      throw new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);
    }
    return this.em.fork().transactional(async (em) => {
      const rows = await this.repo.policyRows(em);
      for (const rate of input.rates) {
        const existing = rows.get(rate.agencyType);
        const row = existing ?? em.create(NonAttendancePolicy, { agencyType: rate.agencyType, updatedAt: now });
        if (
          row.nonAttendancePence !== rate.nonAttendancePence ||
          row.lateCancellationPence !== rate.lateCancellationPence ||
          !rows.has(rate.agencyType)
        ) {
          AuditLog.record(em, viewer, {
            action: AuditAction.SETTINGS_CHANGED,
            at: now,
            subject: { type: 'non_attendance_policy', id: rate.agencyType },
            before: existing
              ? { nonAttendanceCharge: pounds(existing.nonAttendancePence), lateCancellationCharge: pounds(existing.lateCancellationPence) }
              : null,
            after: {
              setting: `Non-attendance charges: ${chargeAgencyTypeLabels[rate.agencyType]}`,
              nonAttendanceCharge: pounds(rate.nonAttendancePence),
              lateCancellationCharge: pounds(rate.lateCancellationPence),
            },
          });
          row.nonAttendancePence = rate.nonAttendancePence;
          row.lateCancellationPence = rate.lateCancellationPence;
          row.updatedAt = now;
          row.updatedBy = em.getReference(Person, viewer.id);
        }
      }
      await em.flush();
      return this.describe(em);
    });
  }

  private async describe(em: EntityManager): Promise<NonAttendanceRateType[]> {
    const [rows, agencies] = await Promise.all([
      this.repo.policyRows(em),
      em.find(Agency, { retiredAt: null }, { orderBy: { name: 'asc' }, fields: ['id', 'name', 'sector', 'statutoryPartner'] }),
    ]);
    return CHARGE_AGENCY_TYPES.map((type) => {
      const row = rows.get(type);
      return Object.assign(new NonAttendanceRateType(), {
        agencyType: type,
        label: chargeAgencyTypeLabels[type],
        nonAttendancePence: row?.nonAttendancePence ?? NO_CHARGE.nonAttendancePence,
        lateCancellationPence: row?.lateCancellationPence ?? NO_CHARGE.lateCancellationPence,
        agencyNames: agencies.filter((a) => chargeAgencyTypeOf(a) === type).map((a) => a.name),
        updatedAt: row?.updatedAt ?? null,
        updatedByName: row?.updatedBy?.name ?? null,
      });
    });
  }
}
