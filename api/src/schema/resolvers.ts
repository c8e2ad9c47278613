import { AuthResolver } from '../auth/auth.resolver';
import { CatalogueResolver } from '../catalogue/catalogue.resolver';
import { NotificationsResolver } from '../notifications/notifications.resolver';
import { BookingResolver } from '../booking/booking.resolver';
import { CourseBookingResolver } from '../booking/course-booking.resolver';

/** Every resolver class, for writing the schema file without starting the app. */
export const resolvers = [AuthResolver, CatalogueResolver, BookingResolver, CourseBookingResolver, NotificationsResolver] as const;
