import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** The background job queue (pg-boss on the app's PostgreSQL), shared by every capability. */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
