import type { LayoutServerLoad } from './$types';

/** Verification pages are for people holding a certificate's code, not for search engines. */
export const load: LayoutServerLoad = ({ setHeaders }) => {
  setHeaders({ 'x-robots-tag': 'noindex, nofollow', 'cache-control': 'no-store' });
};
