import { AuthResolver } from '../auth/auth.resolver';
import { CatalogueResolver } from '../catalogue/catalogue.resolver';
import { NotificationsResolver } from '../notifications/notifications.resolver';
import { BookingResolver } from '../booking/booking.resolver';

/** Every resolver class, for writing the schema file without starting the app. */
export const resolvers = [AuthResolver, CatalogueResolver, BookingResolver, NotificationsResolver] as const;
