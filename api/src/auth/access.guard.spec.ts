import 'reflect-metadata';
import { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import { DomainError, ErrorCode, Role } from '@lh/domain';
import { Public, Roles, SignedIn } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { AccessGuard } from './access.guard';
import type { AuthService } from './auth.service';

class Handlers {
  undeclared(): void {}
  @Public() open(): void {}
  @SignedIn() anyone(): void {}
  @Roles(Role.COORDINATOR) coordinators(): void {}
}

const practitioner: Viewer = { id: 'p1', name: 'P', email: 'p@example.org', roles: [Role.PRACTITIONER], agencyId: null };
const coordinator: Viewer = { ...practitioner, id: 'c1', roles: [Role.COORDINATOR] };

/** A stand-in for the session look-up: token "p" is the practitioner, "c" the coordinator. */
const auth = {
  viewerForToken: (token?: string) => Promise.resolve(token === 'p' ? practitioner : token === 'c' ? coordinator : undefined),
} as unknown as AuthService;

function contextFor(handler: keyof Handlers, token?: string): ExecutionContext {
  const req = { cookies: token ? { lh_session: token } : {} };
  return {
    getType: () => 'http',
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

async function outcome(handler: keyof Handlers, token?: string): Promise<string> {
  try {
    return (await new AccessGuard(new Reflector(), auth).canActivate(contextFor(handler, token))) ? 'allowed' : 'refused';
  } catch (e) {
    return e instanceof DomainError ? e.code : 'crashed';
  }
}

describe('AccessGuard', () => {
  it('refuses anything without a declared rule, even to a coordinator', async () => {
    expect(await outcome('undeclared')).toBe(ErrorCode.NotAllowed);
    expect(await outcome('undeclared', 'c')).toBe(ErrorCode.NotAllowed);
  });

  it('lets anyone call @Public', async () => {
    expect(await outcome('open')).toBe('allowed');
  });

  it('asks anonymous callers to sign in for @SignedIn and @Roles', async () => {
    expect(await outcome('anyone')).toBe(ErrorCode.Unauthenticated);
    expect(await outcome('coordinators')).toBe(ErrorCode.Unauthenticated);
    expect(await outcome('anyone', 'p')).toBe('allowed');
  });

  it('checks roles', async () => {
    expect(await outcome('coordinators', 'p')).toBe(ErrorCode.NotAllowed);
    expect(await outcome('coordinators', 'c')).toBe('allowed');
  });
});
