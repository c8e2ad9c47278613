import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { AuditLogService } from './audit-log.service';
import { AuditLogPageType } from './audit.types';
import { AuditLogFilterInput } from './dto/audit-log-filter.input';

@Resolver()
export class AuditResolver {
  constructor(private readonly log: AuditLogService) {}

  @Roles(Role.COORDINATOR)
  @Query(() => AuditLogPageType, {
    description: 'The audit log of sensitive actions, newest first, 25 a page: by action, actor, person, London dates and words.',
  })
  auditLog(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true }) filter?: AuditLogFilterInput,
  ): Promise<AuditLogPageType> {
    return this.log.search(viewer, filter ?? {});
  }
}
