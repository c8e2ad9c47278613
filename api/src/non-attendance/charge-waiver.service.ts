import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction, ChargeStatus, DomainError, ErrorCode, formatLondonDate } from '@lh/domain';
import { AuditLog } from '../audit/audit-log';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import { NonAttendanceCharge } from './non-attendance-charge.entity';
import { NonAttendanceChargeType } from './non-attendance.types';
import type { WaiveChargeInput } from './dto/non-attendance.inputs';

const chargeNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no charge with that id.');

/** A coordinator lets a charge go, with a reason kept with it (who, when, why); only a charge still charged can be waived. */
@Injectable()
export class ChargeWaiverService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async waive(viewer: Viewer, input: WaiveChargeInput, now = this.clock.now()): Promise<NonAttendanceChargeType> {
    requireCoordinator(viewer);
    const reason = input.reason.trim();
    if (!reason) {
      throw new DomainError(ErrorCode.BadUserInput, 'Enter why the charge is waived.', [
        { field: 'input.reason', message: 'Enter why the charge is waived' },
      ]);
    }
    return this.em.fork().transactional(async (em) => {
      const rows = await em.execute<{ id: string }[]>('select id from non_attendance_charge where id = ? for update', [input.chargeId]);
      if (!rows.length) {
        throw chargeNotFound();
      }
      const charge = await em.findOneOrFail(NonAttendanceCharge, input.chargeId, { refresh: true, populate: ['person'] });
      if (charge.status === ChargeStatus.WAIVED) {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `${charge.statusChangedByName ?? 'A coordinator'} already waived this charge on ${formatLondonDate(charge.statusChangedAt ?? now)}: "${charge.statusReason ?? ''}".`,
        );
      }
      if (charge.status === ChargeStatus.VOID) {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          charge.statusReason
            ? `This charge is void (${charge.statusReason}), so there is nothing to waive.`
            : 'This charge is void, so there is nothing to waive.',
        );
      }
      AuditLog.record(em, viewer, {
        action: AuditAction.CHARGE_WAIVED,
        at: now,
        subject: { type: 'non_attendance_charge', id: charge.id },
        subjectPerson: { id: charge.person.id, name: charge.person.name },
        before: { status: charge.status, amountPence: charge.amountPence },
        after: { status: ChargeStatus.WAIVED },
        reason,
      });
      charge.status = ChargeStatus.WAIVED;
      charge.statusReason = reason;
      charge.statusChangedAt = now;
      charge.statusChangedBy = em.getReference(Person, viewer.id);
      charge.statusChangedByName = viewer.name;
      await em.flush();
      return Object.assign(new NonAttendanceChargeType(), {
        id: charge.id,
        status: charge.status,
        days: charge.days,
        perDayPence: charge.perDayPence,
        amountPence: charge.amountPence,
        rule: charge.rule,
        chargedAt: charge.chargedAt,
        statusReason: charge.statusReason,
        statusChangedAt: charge.statusChangedAt,
        statusChangedByName: charge.statusChangedByName,
      });
    });
  }
}
