import { DomainError, ErrorCode, Role } from '@lh/domain';
import { hasRole, type Viewer } from './viewer';

/**
 * The one way services check who may do what with the data they hold. Resolvers declare who may call
 * an operation (`@Public`, `@SignedIn`, `@Roles`); services check again against the data itself.
 */
export function isCoordinator(viewer: Viewer | undefined): boolean {
  return hasRole(viewer, Role.COORDINATOR);
}

/** Refuses anyone who is not a coordinator. */
export function requireCoordinator(viewer: Viewer | undefined): asserts viewer is Viewer {
  if (!isCoordinator(viewer)) {
    throw new DomainError(ErrorCode.NotAllowed, 'Only coordinators can do this.');
  }
}

/** Whether the viewer may see or change something that belongs to `ownerId`: its owner, or a coordinator. */
export function isOwnerOrCoordinator(viewer: Viewer | undefined, ownerId: string): boolean {
  return !!viewer && (viewer.id === ownerId || isCoordinator(viewer));
}

/**
 * Refuses anyone but the owner or a coordinator, with `notFound` (by default a NOT_FOUND error), so
 * nobody learns that someone else's record exists.
 */
export function requireOwnerOrCoordinator(
  viewer: Viewer | undefined,
  ownerId: string,
  notFound: () => DomainError = () => new DomainError(ErrorCode.NotFound, 'There is nothing with that id, or it is not yours.'),
): void {
  if (!isOwnerOrCoordinator(viewer, ownerId)) {
    throw notFound();
  }
}

/** Whether the viewer is the agency lead of this agency (agency leads see their own agency's staff only). */
export function isAgencyLeadOf(viewer: Viewer | undefined, agencyId: string | null | undefined): boolean {
  return !!viewer && !!agencyId && viewer.agencyId === agencyId && hasRole(viewer, Role.AGENCY_LEAD);
}

/**
 * Whether the viewer may see a person's training record (records, certificates, evidence files,
 * compliance): the person, a coordinator, or the agency lead of the person's agency.
 */
export function canSeeRecordOf(viewer: Viewer | undefined, person: { id: string; agencyId: string | null }): boolean {
  return isOwnerOrCoordinator(viewer, person.id) || isAgencyLeadOf(viewer, person.agencyId);
}
