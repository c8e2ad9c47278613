import { registerEnumType } from '@nestjs/graphql';
import { AgencySector, BookingStatus, CourseFormat, PersonStatus, Role, SessionStatus } from '@lh/domain';

registerEnumType(Role, { name: 'Role' });
registerEnumType(AgencySector, { name: 'AgencySector' });
registerEnumType(CourseFormat, { name: 'CourseFormat' });
registerEnumType(SessionStatus, { name: 'SessionStatus' });
registerEnumType(BookingStatus, { name: 'BookingStatus' });
registerEnumType(PersonStatus, { name: 'PersonStatus' });

/** Which of the two 01:xx is meant on the day the clocks go back (ClockChangeOccurrence in @lh/domain). */
export const ClockChangeOccurrence = { FIRST: 'FIRST', SECOND: 'SECOND' } as const;
registerEnumType(ClockChangeOccurrence, {
  name: 'ClockChangeOccurrence',
  description: 'Which one of a time that happens twice when the clocks go back: FIRST (BST) or SECOND (GMT).',
});

export { AgencySector, BookingStatus, CourseFormat, PersonStatus, Role, SessionStatus };
