import type { Role } from '@lh/graphql-client';

export interface NavItem {
  href: string;
  label: string;
}

/**
 * The navigation for each role, in one place. A person with several roles sees the union.
 * Only pages that exist are listed; each capability adds its own entries here.
 */
export function navigationFor(roles: Role[] | undefined): NavItem[] {
  const items: NavItem[] = [{ href: '/courses', label: 'Find a course' }];
  if (roles?.length) {
    items.push({ href: '/bookings', label: 'Your bookings' });
  }
  if (roles?.includes('COORDINATOR')) {
    items.push({ href: '/manage/sessions', label: 'Programme' });
  }
  if (roles?.includes('COORDINATOR')) {
    items.push(
      { href: '/manage/courses', label: 'Courses' },
      { href: '/manage/venues', label: 'Venues' },
      { href: '/manage/agencies', label: 'Agencies' },
    );
  }
  if (roles?.includes('COORDINATOR')) {
    items.push({ href: '/manage/mail', label: 'Mail log' });
  }
  if (roles?.length) {
    items.push({ href: '/account', label: 'Your account' });
  }
  items.push({ href: '/help', label: 'Help' });
  return items;
}
