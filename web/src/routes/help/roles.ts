/** The help pages, one per role, in the order the help index lists them. */
export const roleHelp = [
  {
    slug: 'practitioner',
    role: 'PRACTITIONER',
    title: 'Practitioners',
    summary: 'Find and book training, join waiting lists, cancel, and tell us what difference the training made.',
  },
  {
    slug: 'trainer',
    role: 'TRAINER',
    title: 'Trainers',
    summary: 'See the sessions you deliver and take the register on the day, including walk-ins.',
  },
  {
    slug: 'coordinator',
    role: 'COORDINATOR',
    title: 'Coordinators',
    summary:
      'Run the training programme: session lists and waiting lists, courses, dates, venues, trainers, moving people and chasing non-attendance.',
  },
  {
    slug: 'reviewer',
    role: 'REVIEWER',
    title: 'Reviewers',
    summary: 'Read attendance, evaluation and impact reports for the Workforce Development group, and export them.',
  },
] as const;
