import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import type { Request } from 'express';
import type { Viewer } from './viewer';

export const ACCESS_KEY = 'lh:access';

/** Who may call a query, mutation or route. Anything without one of these is refused (deny by default). */
export type Access = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: Role[] };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);
/** Anyone signed in, whatever their role. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'signed-in' } satisfies Access);
/** People holding at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies Access);

export type RequestWithViewer = Request & { viewer?: Viewer; requestId?: string };

export function requestOf(context: ExecutionContext): RequestWithViewer {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithViewer }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithViewer>();
}

/** The signed-in person (or undefined on public operations). */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext) => requestOf(context).viewer);
