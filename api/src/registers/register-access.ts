import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  SessionStatus,
  formatLondonDateTime,
  isUuid,
  registerWindow,
  registerWindowState,
  type RegisterWindow,
  type RegisterWindowState,
} from '@lh/domain';
import { isCoordinator } from '../common/access';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SessionPart } from '../scheduling/session-part.entity';
import { Session } from '../scheduling/session.entity';
import { RegisterSignOff } from './register-sign-off.entity';

/** One part's register as the rules see it: the part, its session, its window and its sign-off. */
export interface RegisterContext {
  part: SessionPart;
  session: Session;
  /** 1-based position of the part in its session. */
  partNumber: number;
  partCount: number;
  window: RegisterWindow;
  state: RegisterWindowState;
  signOff: RegisterSignOff | null;
  /** The viewer is a coordinator (else one of the session's trainers). */
  asCoordinator: boolean;
}

const sortedParts = (session: Session) => session.parts.getItems().sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

const partNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no register for that session part.');

/**
 * Who may see and mark a register, and when: the session's own trainers and coordinators; from 15 minutes
 * before the part starts; trainers until REGISTER_CLOSES_HOURS_AFTER_END after it ends and until it is
 * signed off; coordinators afterwards, as corrections with a reason. Every register operation starts here.
 */
@Injectable()
export class RegisterAccess {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Loads the part's register context, refusing anyone who is neither one of its trainers nor a coordinator. */
  async load(em: EntityManager, viewer: Viewer, partId: string, now: Date): Promise<RegisterContext> {
    const part = await this.findPart(em, partId);
    const asCoordinator = this.refuseOutsider(viewer, part.session);
    return this.contextOf(part.session, part, await this.signOffOf(em, part.id), asCoordinator, now);
  }

  /**
   * The part's register context as self check-in sees it, for anyone (the caller decides what they may do):
   * the rules of a trainer's window apply, never a coordinator's.
   */
  async loadForCheckIn(em: EntityManager, partId: string, now: Date): Promise<RegisterContext> {
    const part = await this.findPart(em, partId);
    return this.contextOf(part.session, part, await this.signOffOf(em, part.id), false, now);
  }

  private async findPart(em: EntityManager, partId: string): Promise<SessionPart> {
    const part = isUuid(partId)
      ? await em.findOne(SessionPart, partId, { populate: ['session.course', 'session.parts', 'session.venue', 'session.trainers'] })
      : null;
    if (!part) {
      throw partNotFound();
    }
    return part;
  }

  /**
   * The registers of a whole session (sign-in sheet, register file): a context for each part, in order, by the
   * same rule as `load`: the session's own trainers and coordinators, nobody else.
   */
  async loadSession(em: EntityManager, viewer: Viewer, sessionId: string, now: Date): Promise<RegisterContext[]> {
    const session = isUuid(sessionId) ? await em.findOne(Session, sessionId, { populate: ['course', 'parts', 'venue', 'trainers'] }) : null;
    if (!session?.parts.length) {
      throw new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
    }
    const asCoordinator = this.refuseOutsider(viewer, session);
    const parts = sortedParts(session);
    const signOffs = await em.find(RegisterSignOff, { part: { $in: parts.map((p) => p.id) } }, { refresh: true });
    return parts.map((part) => this.contextOf(session, part, signOffs.find((s) => s.part.id === part.id) ?? null, asCoordinator, now));
  }

  /** Refuses anyone who is neither one of the session's trainers nor a coordinator; says which of the two the viewer is. */
  private refuseOutsider(viewer: Viewer, session: Session): boolean {
    const asCoordinator = isCoordinator(viewer);
    if (!asCoordinator && !session.trainers.getItems().some((t) => t.id === viewer.id)) {
      throw new DomainError(ErrorCode.NotAllowed, "Only this session's trainers and the training team can see or mark its register.");
    }
    return asCoordinator;
  }

  private contextOf(
    session: Session,
    part: SessionPart,
    signOff: RegisterSignOff | null,
    asCoordinator: boolean,
    now: Date,
  ): RegisterContext {
    const parts = sortedParts(session);
    const window = registerWindow(part, this.config.registerClosesAfterMinutes);
    return {
      part,
      session,
      partNumber: parts.findIndex((p) => p.id === part.id) + 1,
      partCount: parts.length,
      window,
      state: registerWindowState(window, now),
      signOff,
      asCoordinator,
    };
  }

  /** The part's sign-off, read afresh (after its lock is taken, it cannot change under the caller). */
  signOffOf(em: EntityManager, partId: string): Promise<RegisterSignOff | null> {
    return em.findOne(RegisterSignOff, { part: partId }, { refresh: true });
  }

  /** Whether the viewer may mark now, and if not why, as a refusal to throw. Null when they may. */
  markRefusal(ctx: RegisterContext): DomainError | null {
    if (ctx.session.status === SessionStatus.CANCELLED) {
      return new DomainError(ErrorCode.SessionCancelled, 'This session has been cancelled, so its register cannot be marked.');
    }
    if (ctx.state === 'NOT_OPEN') {
      return new DomainError(
        ErrorCode.RegisterNotOpen,
        `This register opens at ${formatLondonDateTime(ctx.window.opensAt)}, 15 minutes before the ${ctx.partCount > 1 ? 'part' : 'session'} starts.`,
      );
    }
    if (ctx.signOff && !ctx.asCoordinator) {
      return new DomainError(
        ErrorCode.RegisterSignedOff,
        `${ctx.signOff.signedByName} signed this register off at ${formatLondonDateTime(ctx.signOff.signedAt)}. Only a coordinator can change it now, giving a reason.`,
      );
    }
    if (ctx.state === 'CLOSED' && !ctx.asCoordinator) {
      return new DomainError(
        ErrorCode.RegisterClosed,
        `The time for marking this register ended at ${formatLondonDateTime(ctx.window.closesAt)}. Ask the training team to correct it.`,
      );
    }
    return null;
  }

  /** A coordinator's change after sign-off or after the register closed is a correction and needs a reason. */
  isCorrection(ctx: RegisterContext): boolean {
    return !!ctx.signOff || ctx.state === 'CLOSED';
  }
}
