import { registerEnumType } from '@nestjs/graphql';
import { AgencySector, BookingStatus, CourseFormat, Role, SessionStatus } from '@lh/domain';

registerEnumType(Role, { name: 'Role' });
registerEnumType(AgencySector, { name: 'AgencySector' });
registerEnumType(CourseFormat, { name: 'CourseFormat' });
registerEnumType(SessionStatus, { name: 'SessionStatus' });
registerEnumType(BookingStatus, { name: 'BookingStatus' });

export { AgencySector, BookingStatus, CourseFormat, Role, SessionStatus };
