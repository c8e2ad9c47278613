import { Injectable, SetMetadata, UseGuards, applyDecorators, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { requestOf } from '../common/access.decorators';
import type { RateLimitName } from '../config/rate-limit-config';
import { RateLimitService } from './rate-limit.service';

const RATE_LIMIT_KEY = 'lh:rate-limit';

/** What a limit counts per: the caller's IP address, or the signed-in person (for operations that need a sign-in). */
export type RateLimitKey = 'ip' | 'viewer';

/** The caller's IP address as the API sees it (X-Forwarded-For from a trusted proxy, see TRUST_PROXY). */
export function clientIp(req: { ip?: string; socket?: { remoteAddress?: string } }): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

/** Counts each call of the operation against `name`, per IP address or per person; over the limit it is refused with TOO_MANY_ATTEMPTS (429). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.reflector.get<{ name: RateLimitName; by: RateLimitKey } | undefined>(RATE_LIMIT_KEY, context.getHandler());
    if (limit) {
      const req = requestOf(context);
      // Per person: the access guard has already refused anyone signed out, so a viewer is there.
      await this.rateLimits.consume(limit.name, limit.by === 'viewer' && req.viewer ? `person:${req.viewer.id}` : clientIp(req));
    }
    return true;
  }
}

/**
 * One line on a resolver method: `@RateLimited(RateLimitName.REGISTRATION_PER_IP)` counts every call
 * from an IP address against that named limit (sizes in config); `@RateLimited(name, 'viewer')` counts
 * per signed-in person instead. Runs after the access decorators.
 */
export const RateLimited = (name: RateLimitName, by: RateLimitKey = 'ip') =>
  applyDecorators(SetMetadata(RATE_LIMIT_KEY, { name, by }), UseGuards(RateLimitGuard));
