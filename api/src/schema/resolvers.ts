import { AuthResolver } from '../auth/auth.resolver';
import { CatalogueResolver } from '../catalogue/catalogue.resolver';

/** Every resolver class, for writing the schema file without starting the app. */
export const resolvers = [AuthResolver, CatalogueResolver] as const;
