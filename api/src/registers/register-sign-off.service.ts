import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AttendanceMark, DomainError, ErrorCode, MarkSource, formatLondonDateTime, registerCounts } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import { AttendanceOutcomes } from './attendance-outcomes';
import { AttendanceRepository, markKey } from './attendance.repository';
import { RegisterSignOff } from './register-sign-off.entity';
import { RegisterService } from './register.service';
import { RegisterView } from './register-view';
import type { RegisterType } from './registers.types';

/**
 * Signing a register off: everyone still unmarked is marked as not attending (events from SIGN_OFF), the
 * counts in each state are kept with the signer's name and the time, and the register is locked. When
 * the session's last register is signed off, every place's outcome is written.
 */
@Injectable()
export class RegisterSignOffService {
  constructor(
    private readonly em: EntityManager,
    private readonly registers: RegisterService,
    private readonly repo: AttendanceRepository,
    private readonly view: RegisterView,
    private readonly outcomes: AttendanceOutcomes,
    private readonly clock: Clock,
  ) {}

  async signOff(viewer: Viewer, partId: string, now = this.clock.now()): Promise<RegisterType> {
    await this.em.fork().transactional(async (em) => {
      const ctx = await this.registers.lockedContext(em, viewer, partId, now);
      if (ctx.signOff) {
        throw new DomainError(
          ErrorCode.RegisterSignedOff,
          `${ctx.signOff.signedByName} already signed this register off at ${formatLondonDateTime(ctx.signOff.signedAt)}.`,
        );
      }
      if (now < ctx.part.startsAt) {
        throw new DomainError(
          ErrorCode.RegisterNotOpen,
          `This register can be signed off once the ${ctx.partCount > 1 ? 'part' : 'session'} has started.`,
        );
      }
      const bookings = await this.view.confirmedBookings(em, ctx);
      const marks = await this.repo.currentMarks(em, [ctx.part.id]);
      const final: (AttendanceMark | null)[] = [];
      const clientId = randomUUID();
      for (const booking of bookings) {
        const current = marks.get(markKey(booking.id, ctx.part.id));
        if (current?.mark) {
          final.push(current.mark);
          continue;
        }
        final.push(AttendanceMark.DID_NOT_ATTEND);
        await this.registers.record(
          em,
          viewer,
          ctx,
          current,
          { clientId, booking, mark: AttendanceMark.DID_NOT_ATTEND, source: MarkSource.SIGN_OFF },
          now,
          false,
        );
      }
      em.persist(
        em.create(RegisterSignOff, {
          part: ctx.part,
          signedBy: em.getReference(Person, viewer.id),
          signedByName: viewer.name,
          signedAt: now,
          counts: registerCounts(final),
        }),
      );
      await em.flush();
      await this.outcomes.decide(em, ctx.session, now, { viewer, reason: null });
    });
    return this.registers.register(viewer, partId, now);
  }
}
