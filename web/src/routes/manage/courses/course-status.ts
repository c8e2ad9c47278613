/** The colour of each course status's tag (the text always says it too). */
export const COURSE_STATUS_COLOURS = { DRAFT: 'grey', PUBLISHED: 'green', ARCHIVED: 'orange' } as const;

/** The banner after publishing or archiving a course from its page (`?done=`). */
export const COURSE_STATUS_BANNERS: Record<string, { heading: string; text: string }> = {
  published: {
    heading: 'Course published',
    text: 'It is in the catalogue: people can find it and book its sessions.',
  },
  archived: {
    heading: 'Course archived',
    text: 'It is no longer in the catalogue and takes no new sessions. Its sessions, training records and certificates are kept.',
  },
};
