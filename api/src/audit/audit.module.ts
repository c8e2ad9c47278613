import { Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service';
import { AuditResolver } from './audit.resolver';

/**
 * The audit log: AuditLog.record (audit-log.ts) writes an entry in the caller's transaction, from any
 * capability; this module serves coordinators' search of it.
 */
@Module({ providers: [AuditLogService, AuditResolver] })
export class AuditModule {}
