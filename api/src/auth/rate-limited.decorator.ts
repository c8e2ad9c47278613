import { Injectable, SetMetadata, UseGuards, applyDecorators, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { requestOf } from '../common/access.decorators';
import type { RateLimitName } from '../config/rate-limit-config';
import { RateLimitService } from './rate-limit.service';

const RATE_LIMIT_KEY = 'lh:rate-limit';

/** The caller's IP address as the API sees it (X-Forwarded-For from a trusted proxy, see TRUST_PROXY). */
export function clientIp(req: { ip?: string; socket?: { remoteAddress?: string } }): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

/** Counts each call of the operation against `name`, per IP address; over the limit it is refused with TOO_MANY_ATTEMPTS (429). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT_KEY, context.getHandler());
    if (name) {
      await this.rateLimits.consume(name, clientIp(requestOf(context)));
    }
    return true;
  }
}

/**
 * One line on a resolver method: `@RateLimited(RateLimitName.REGISTRATION_PER_IP)` counts every call
 * from an IP address against that named limit (sizes in config). Runs after the access decorators.
 */
export const RateLimited = (name: RateLimitName) => applyDecorators(SetMetadata(RATE_LIMIT_KEY, name), UseGuards(RateLimitGuard));
