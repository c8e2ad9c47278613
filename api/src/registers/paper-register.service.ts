import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  SessionStatus,
  describeVenue,
  formatLondonShortDate,
  formatLondonTime,
  londonParts,
  registerFileCsv,
  AuditAction,
} from '@lh/domain';
import { fileNameFor } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Session } from '../scheduling/session.entity';
import { AttendanceRepository, markKey } from './attendance.repository';
import { RegisterAccess, type RegisterContext } from './register-access';
import { RegisterView } from './register-view';
import { renderSignInSheet } from './sign-in-sheet';
import type { RegisterFileType, SessionRegistersType, SignInSheetFileType } from './paper-register.types';
import { AuditLog } from '../audit/audit-log';

/** "Northshire College, Room 2, 1 High Street" or "Online". */
export function placeOf(session: Session): string {
  return session.venue ? describeVenue({ name: session.venue.name, room: session.room, address: session.venue.address }) : 'Online';
}

/** "<course title> 2026-03-03": what the downloads are called. */
const fileStem = (session: Session) => `${fileNameFor(session.course.title)} ${londonParts(session.startsAt).date}`;

/**
 * Paper registers for a session's trainers and coordinators: the printable sign-in sheet, and the register
 * as a CSV file to fill in on a laptop and upload again (`RegisterImportService`). Who may is
 * `RegisterAccess.loadSession`, the rule every register follows.
 */
@Injectable()
export class PaperRegisterService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RegisterAccess,
    private readonly view: RegisterView,
    private readonly repo: AttendanceRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sessionRegisters(viewer: Viewer, sessionId: string, now = this.clock.now()): Promise<SessionRegistersType> {
    const em = this.em.fork();
    const registers = await this.access.loadSession(em, viewer, sessionId, now);
    const session = registers[0]!.session;
    return {
      sessionId: session.id,
      courseTitle: session.course.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      cancelled: session.status === SessionStatus.CANCELLED,
      confirmed: (await this.repo.confirmedBookingIds(em, session.id)).length,
      parts: registers.map((ctx) => ({
        partId: ctx.part.id,
        partNumber: ctx.partNumber,
        startsAt: ctx.part.startsAt,
        endsAt: ctx.part.endsAt,
        windowState: ctx.state,
        canMark: this.access.markRefusal(ctx) === null,
        changesNeedReason: ctx.asCoordinator && this.access.isCorrection(ctx),
        signedOff: !!ctx.signOff,
      })),
    };
  }

  /** The printable sign-in sheet: everyone with a confirmed place, rows for walk-ins, the check-in QR code. */
  async signInSheet(viewer: Viewer, sessionId: string, now = this.clock.now()): Promise<SignInSheetFileType> {
    const em = this.em.fork();
    const registers = await this.sessionOpenForPaper(em, viewer, sessionId, now);
    const session = registers[0]!.session;
    const bookings = await this.view.confirmedBookings(em, registers[0]!);
    const { pdf, pageCount } = await renderSignInSheet({
      partnershipName: this.config.partnershipName,
      courseTitle: session.course.title,
      parts: registers.map((r) => r.part),
      place: placeOf(session),
      trainers: session.trainers
        .getItems()
        .map((t) => t.name)
        .sort(),
      people: bookings.map((b) => ({ name: b.person.name, agency: b.agency?.name ?? b.person.agency?.name ?? null })),
      checkInUrl: `${this.config.webOrigin}/check-in?session=${session.id}`,
      generatedAt: now,
    });
    await this.auditExport(viewer, session, 'Sign-in sheet', 'PDF', bookings.length, now);
    return { fileName: `Sign-in sheet ${fileStem(session)}.pdf`, base64: pdf.toString('base64'), pageCount };
  }

  /** The register as a CSV file: a row per confirmed place with the current mark on each part. */
  async registerFile(viewer: Viewer, sessionId: string, now = this.clock.now()): Promise<RegisterFileType> {
    const em = this.em.fork();
    const registers = await this.sessionOpenForPaper(em, viewer, sessionId, now);
    const session = registers[0]!.session;
    const bookings = await this.view.confirmedBookings(em, registers[0]!);
    const marks = await this.repo.currentMarks(
      em,
      registers.map((r) => r.part.id),
    );
    const content = registerFileCsv(
      registers.map((r) => `${formatLondonShortDate(r.part.startsAt)} ${formatLondonTime(r.part.startsAt)}`),
      bookings.map((b) => ({
        email: b.person.email,
        name: b.person.name,
        agency: b.agency?.name ?? b.person.agency?.name ?? null,
        marks: registers.map((r) => {
          const m = marks.get(markKey(b.id, r.part.id));
          return m?.mark ? { mark: m.mark, minutes: m.minutes } : null;
        }),
      })),
    );
    await this.auditExport(viewer, session, 'Register', 'CSV', bookings.length, now);
    return { fileName: `Register ${fileStem(session)}.csv`, content };
  }

  /** A file naming the people on a session is an export of personal data (the audit log). */
  private async auditExport(viewer: Viewer, session: Session, file: string, format: string, people: number, now: Date): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      AuditLog.record(em, viewer, {
        action: AuditAction.PERSONAL_DATA_EXPORTED,
        at: now,
        subject: { type: 'session', id: session.id },
        after: { file: `${file}: ${session.course.title}, ${formatLondonShortDate(session.startsAt)}`, format, people },
      });
    });
  }

  private async sessionOpenForPaper(em: EntityManager, viewer: Viewer, sessionId: string, now: Date): Promise<RegisterContext[]> {
    const registers = await this.access.loadSession(em, viewer, sessionId, now);
    if (registers[0]!.session.status === SessionStatus.CANCELLED) {
      throw new DomainError(ErrorCode.SessionCancelled, 'This session has been cancelled, so it has no register to print or fill in.');
    }
    return registers;
  }
}
