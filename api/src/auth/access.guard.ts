import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@lh/domain';
import { ACCESS_KEY, requestOf, type Access } from '../common/access.decorators';
import { AuthService, SESSION_COOKIE } from './auth.service';

/**
 * Runs before every resolver and route. Finds who is calling from the session cookie, then
 * applies the operation's @Public / @SignedIn / @Roles rule. No rule means no access.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!req.viewer) {
      const found = await this.auth.viewerForToken(token);
      req.viewer = found && { ...found, requestId: req.requestId ?? null };
    }
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!access) {
      throw new DomainError(ErrorCode.NotAllowed, 'You do not have access to this.');
    }
    if (access.kind === 'public') {
      return true;
    }
    const viewer = req.viewer;
    if (!viewer) {
      throw new DomainError(ErrorCode.Unauthenticated, 'Sign in to continue.');
    }
    if (access.kind === 'signed-in') {
      return true;
    }
    if (access.roles.some((r) => viewer.roles.includes(r))) {
      return true;
    }
    throw new DomainError(ErrorCode.NotAllowed, 'You do not have access to this.');
  }
}
