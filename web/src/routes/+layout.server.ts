import { PartnershipDocument, type PartnershipQuery } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import type { LayoutServerLoad } from './$types';

/**
 * Every page: who is signed in (found in hooks.server.ts) and the partnership's name and contact details,
 * for the header, the footer, the help and the accessibility statement. Loaded here, once, and not again
 * on each navigation (this load depends on nothing in the address).
 */
export const load: LayoutServerLoad = async (event) => ({ me: event.locals.me, partnership: await partnershipOf(event) });

async function partnershipOf(event: Parameters<LayoutServerLoad>[0]): Promise<PartnershipQuery['partnership'] | null> {
  try {
    return (await api(event, PartnershipDocument, {})).partnership;
  } catch (e) {
    // The help and the accessibility statement must still show when the API does not answer.
    console.error('Could not load the partnership details', e);
    return null;
  }
}
