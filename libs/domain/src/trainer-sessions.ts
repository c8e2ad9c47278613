/** How long after a session ended it still shows among a trainer's recent sessions. */
export const RECENT_TRAINER_SESSION_DAYS = 60;

/** Sessions that ended after this instant are a trainer's recent sessions (see RECENT_TRAINER_SESSION_DAYS). */
export function recentTrainerSessionsCutoff(now: Date): Date {
  return new Date(now.getTime() - RECENT_TRAINER_SESSION_DAYS * 86_400_000);
}

/** Whether the trainer must plan for this place: it says something about access or dietary needs. */
export function hasNeedsToPlanFor(place: { accessNeeds?: string | null; dietaryNeeds?: string | null }): boolean {
  return !!place.accessNeeds?.trim() || !!place.dietaryNeeds?.trim();
}

/** How many of these places come with access or dietary needs to plan for (a person with both counts once). */
export function countNeedsToPlanFor(places: readonly { accessNeeds?: string | null; dietaryNeeds?: string | null }[]): number {
  return places.filter(hasNeedsToPlanFor).length;
}

/** Attendees as trainers' lists show them: by name (as people read them), then by id so the order is stable. */
export function byAttendeeName<T extends { name: string; id: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}
