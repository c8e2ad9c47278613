import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CheckInRequestStatus, MarkSource, checkInSlot, isPresentMark, nextCheckInCodeAt, secondsUntilNextCheckInCode } from '@lh/domain';
import { toString as qrCode } from 'qrcode';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AttendanceRepository, markKey } from './attendance.repository';
import { CheckInCodes } from './check-in-codes';
import { CheckInRequest } from './check-in-request.entity';
import { checkInRefusal } from './check-in.service';
import { RegisterAccess } from './register-access';
import { RegisterView } from './register-view';
import type { CheckInScreenType } from './walk-in.types';

/**
 * The check-in screen a trainer shows in the room (the session's trainers and coordinators): the code of
 * the moment as a QR code and as text, while people can check in, with how many are there so far.
 */
@Injectable()
export class CheckInScreenService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RegisterAccess,
    private readonly view: RegisterView,
    private readonly repo: AttendanceRepository,
    private readonly codes: CheckInCodes,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async screen(viewer: Viewer, partId: string, now = this.clock.now()): Promise<CheckInScreenType> {
    const em = this.em.fork();
    const ctx = await this.access.load(em, viewer, partId, now);
    const refusal = checkInRefusal(ctx);
    const code = refusal ? null : this.codes.codeFor(ctx.part.id, checkInSlot(now));
    const url = code ? `${this.config.webOrigin}/check-in/${code}` : null;
    const bookings = await this.view.confirmedBookings(em, ctx);
    const marks = await this.repo.currentMarks(em, [ctx.part.id]);
    const here = bookings.map((b) => marks.get(markKey(b.id, ctx.part.id))).filter((m) => isPresentMark(m?.mark));
    return {
      partId: ctx.part.id,
      sessionId: ctx.session.id,
      courseTitle: ctx.session.course.title,
      partNumber: ctx.partNumber,
      partCount: ctx.partCount,
      startsAt: ctx.part.startsAt,
      endsAt: ctx.part.endsAt,
      opensAt: ctx.window.opensAt,
      closesAt: ctx.window.closesAt,
      windowState: ctx.state,
      code,
      url,
      qrSvg: url ? await qrCode(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null,
      unavailableReason: refusal?.message ?? null,
      changesAt: nextCheckInCodeAt(now),
      secondsUntilChange: secondsUntilNextCheckInCode(now),
      present: here.length,
      checkedIn: here.filter((m) => m?.source === MarkSource.SELF_CHECK_IN).length,
      booked: bookings.length,
      pendingRequests: await em.count(CheckInRequest, { part: ctx.part.id, status: CheckInRequestStatus.PENDING }),
    };
  }
}
