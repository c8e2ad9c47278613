import { Role } from '@lh/domain';

/** Who is calling: the signed-in person, or undefined for an anonymous visitor. Services take it first. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  agencyId: string | null;
  /** The request's id (X-Request-Id, see common/request-id.ts), for the audit log. */
  requestId?: string | null;
}

export function hasRole(viewer: Viewer | undefined, ...roles: Role[]): boolean {
  return !!viewer && roles.some((r) => viewer.roles.includes(r));
}
