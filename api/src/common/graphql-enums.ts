import { registerEnumType } from '@nestjs/graphql';
import {
  AuditAction,
  AgencyRequestKind,
  AgencyRequestStatus,
  AgencySector,
  AttendanceMark,
  AttendanceRule,
  BookingStatus,
  CourseOutcome,
  MarkSource,
  CourseFormat,
  CourseStatus,
  PersonStatus,
  Role,
  SessionStatus,
} from '@lh/domain';

registerEnumType(Role, { name: 'Role' });
registerEnumType(AgencySector, { name: 'AgencySector' });
registerEnumType(CourseFormat, { name: 'CourseFormat' });
registerEnumType(CourseStatus, {
  name: 'CourseStatus',
  description: 'DRAFT: not in the catalogue; PUBLISHED; ARCHIVED: kept for history, takes no new sessions.',
});
registerEnumType(SessionStatus, { name: 'SessionStatus' });
registerEnumType(BookingStatus, { name: 'BookingStatus' });
registerEnumType(PersonStatus, { name: 'PersonStatus' });
registerEnumType(AgencyRequestKind, {
  name: 'AgencyRequestKind',
  description: 'JOIN: at registration; MOVE: a registered person changing agency.',
});
registerEnumType(AgencyRequestStatus, { name: 'AgencyRequestStatus' });
registerEnumType(AttendanceMark, { name: 'AttendanceMark' });
registerEnumType(MarkSource, { name: 'MarkSource' });
registerEnumType(CourseOutcome, { name: 'CourseOutcome' });
registerEnumType(AttendanceRule, { name: 'AttendanceRule' });

/** Which of the two 01:xx is meant on the day the clocks go back (ClockChangeOccurrence in @lh/domain). */
export const ClockChangeOccurrence = { FIRST: 'FIRST', SECOND: 'SECOND' } as const;
registerEnumType(ClockChangeOccurrence, {
  name: 'ClockChangeOccurrence',
  description: 'Which one of a time that happens twice when the clocks go back: FIRST (BST) or SECOND (GMT).',
});

export {
  AuditAction,
  AgencyRequestKind,
  AgencyRequestStatus,
  AgencySector,
  AttendanceMark,
  AttendanceRule,
  CourseOutcome,
  MarkSource,
  BookingStatus,
  CourseFormat,
  CourseStatus,
  PersonStatus,
  Role,
  SessionStatus,
};
registerEnumType(AuditAction, { name: 'AuditAction', description: 'A sensitive action the audit log records.' });
