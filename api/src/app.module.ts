import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { DomainErrorFilter } from './common/domain-error.filter';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { ormOptions } from './db/orm-options';
import { formatGraphQLError } from './common/graphql-errors';
import { graphqlProtection } from './common/graphql-limits';
import { InputValidationPipe } from './common/input-validation.pipe';
import { AuthModule } from './auth/auth.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { BookingModule } from './booking/booking.module';
import { CalendarModule } from './calendar/calendar.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { ClockModule } from './common/clock';
import { PeopleModule } from './people/people.module';
import { PartnershipModule } from './partnership/partnership.module';
import { RegistrationModule } from './registration/registration.module';
import { RegistersModule } from './registers/registers.module';
import { NonAttendanceModule } from './non-attendance/non-attendance.module';
import { SurveysModule } from './surveys/surveys.module';
import { CertificatesModule } from './certificates/certificates.module';
import { MandatoryTrainingModule } from './mandatory-training/mandatory-training.module';
import { AuditModule } from './audit/audit.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ReportsModule } from './reports/reports.module';
import { RosterModule } from './roster/roster.module';
import { CourseInterestModule } from './course-interest/course-interest.module';

/** The capability modules, in one list: the app and the schema writer both use it. */
export const capabilityModules = [
  AuthModule,
  CatalogueModule,
  BookingModule,
  CalendarModule,
  SchedulingModule,
  HealthModule,
  JobsModule,
  NotificationsModule,
  PeopleModule,
  PartnershipModule,
  RegistrationModule,
  RegistersModule,
  NonAttendanceModule,
  SurveysModule,
  CertificatesModule,
  MandatoryTrainingModule,
  AuditModule,
  PrivacyModule,
  ReportsModule,
  RosterModule,
  CourseInterestModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        MikroOrmModule.forRoot({
          ...ormOptions(config.databaseUrl, {
            debug: config.logSql,
            poolSize: config.databasePoolSize,
            waitSeconds: config.databaseWaitSeconds,
          }),
          registerRequestContext: true,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: config.env !== 'production',
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          // aliases, depth, cost and tokens bounded; no field suggestions in production
          ...graphqlProtection(config.env),
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        }),
        ...capabilityModules,
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
