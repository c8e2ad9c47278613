/** The value of the "My agency is not listed" option in agency lists. */
export const NOT_LISTED = 'not-listed';

/**
 * What an agency question (a list with "My agency is not listed", then a box for the name) sends to
 * the API: the chosen agency, or the typed name, or neither (the API then asks for one).
 */
export function agencyChoice(choice: string, typedName: string): { agencyId: string | null; agencyName: string | null } {
  if (choice === NOT_LISTED) {
    return { agencyId: null, agencyName: typedName.trim() || '' };
  }
  return { agencyId: choice || null, agencyName: null };
}
