import type { Role } from '@lh/graphql-client';

export interface NavItem {
  href: string;
  label: string;
}

/** A page of the coordinators' "Manage" section, as its landing page lists it. */
export interface ManageSection extends NavItem {
  description: string;
}

/** What coordinators manage, in the order /manage lists it. Each capability adds its own page here. */
export const manageSections: ManageSection[] = [
  {
    href: '/manage/sessions',
    label: 'Sessions',
    description: 'The programme of coming sessions: who is booked and waiting, places, trainers, changes and cancelling.',
  },
  {
    href: '/manage/queue',
    label: 'Waiting for the training team',
    description: 'One queue across sessions: approvals pending, offers about to end, registrations to approve and under-filled sessions.',
  },
  { href: '/manage/courses', label: 'Courses', description: 'Add and edit courses, their audiences and what to do first.' },
  { href: '/manage/venues', label: 'Venues', description: 'Places where sessions happen: addresses, rooms, capacity and access.' },
  {
    href: '/manage/people',
    label: 'People',
    description:
      'Find people, see their bookings and history, add them or import a file, change roles, close leavers’ accounts and merge two accounts.',
  },
  {
    href: '/manage/requests',
    label: 'Requests',
    description: 'Approve or refuse registrations waiting for approval, and add agencies people ask for or move them between agencies.',
  },
  {
    href: '/manage/agencies',
    label: 'Agencies',
    description: 'The agencies people work for: add, change, retire or merge them, and their approval and sign-in rules.',
  },
  {
    href: '/manage/non-attendance',
    label: 'Non-attendance',
    description:
      'Who did not attend or cancelled late in a period, what their agencies are charged, waiving a charge, the CSV for invoicing and the policy.',
  },
  {
    href: '/manage/surveys',
    label: 'Surveys',
    description: 'The end-of-course evaluation and the 6- and 12-month impact surveys: make and change them, and see them as people do.',
  },
  {
    href: '/manage/surveys/results',
    label: 'Survey results',
    description:
      'Response rates, ratings, confidence before and after, change in practice and action plans, by course, session, agency or sector, and quotes for the annual report.',
  },
  {
    href: '/manage/external-learning',
    label: 'Learning done elsewhere',
    description: 'Courses practitioners did with other organisations, waiting for you to look at the evidence and verify or reject them.',
  },
  {
    href: '/manage/e-learning',
    label: 'E-learning completions',
    description: 'Import completions from the e-learning provider’s CSV export onto people’s training records, checked row by row first.',
  },
  { href: '/manage/mail', label: 'Mail log', description: 'Every mail the service has sent or will send, and sending a failed one again.' },
  {
    href: '/manage/mandatory-training',
    label: 'Mandatory training',
    description: 'What training is mandatory for whom, which courses count, how long it stays valid and when refreshers fall due.',
  },
  {
    href: '/manage/compliance',
    label: 'Compliance',
    description:
      'Who is current, due, overdue or expired on mandatory training, by requirement and by agency, and the people behind each figure.',
  },
  {
    href: '/manage/reports/dashboard',
    label: 'Reports',
    description:
      'A dashboard of headline figures and charts (with a print view and a PDF for board papers), and attendance for a financial year, academic year, quarter, month or dates you choose: the programme summary, courses delivered for the annual report, and attendance by agency and sector, with CSV and XLSX files.',
  },
  {
    href: '/manage/audit',
    label: 'Audit log',
    description:
      'Every sensitive action: who changed roles or agencies, corrected registers, waived charges, merged accounts, downloaded people’s data or changed settings.',
  },
  {
    href: '/manage/retention',
    label: 'Data retention',
    description: 'How long mail text and inactive accounts are kept, and what tonight’s run will remove.',
  },
];

/**
 * The menu for each role, in one place. A person with several roles sees the union. Coordinators' pages
 * are one entry, "Manage", whose landing page lists them, so the menu stays short on a phone.
 */
export function navigationFor(roles: Role[] | undefined): NavItem[] {
  const items: NavItem[] = [{ href: '/courses', label: 'Find a course' }];
  if (roles?.length) {
    items.push({ href: '/bookings', label: 'Your bookings' });
  }
  if (roles?.includes('PRACTITIONER')) {
    items.push({ href: '/mandatory-training', label: 'Mandatory training' });
  }
  if (roles?.includes('TRAINER')) {
    items.push({ href: '/your-sessions', label: 'Your sessions' });
  }
  if (roles?.includes('AGENCY_LEAD')) {
    items.push({ href: '/your-agency', label: 'Your agency' });
  }
  if (roles?.includes('COORDINATOR')) {
    items.push({ href: '/manage', label: 'Manage' });
  } else if (roles?.includes('REVIEWER')) {
    items.push(
      { href: '/manage/compliance', label: 'Compliance' },
      { href: '/manage/surveys/results', label: 'Survey results' },
      { href: '/manage/reports/dashboard', label: 'Reports' },
    );
  }
  if (roles?.length) {
    items.push({ href: '/account', label: 'Your account' });
  }
  items.push({ href: '/help', label: 'Help' });
  return items;
}

/**
 * How a menu entry relates to the page at `pathname`: 'page' when it is that page, 'true' when the page is
 * in its section (GOV.UK service navigation: aria-current="page" or "true"), undefined otherwise.
 */
export function currentness(href: string, pathname: string): 'page' | 'true' | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === href) {
    return 'page';
  }
  return path.startsWith(`${href}/`) ? 'true' : undefined;
}
