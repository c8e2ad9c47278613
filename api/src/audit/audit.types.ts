import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { auditActionLabels, describeAuditChange } from '@lh/domain';
import { AuditAction } from '../common/graphql-enums';
import type { AuditEntry } from './audit-entry.entity';

@ObjectType('AuditChange', { description: 'One field an audited action changed, in words.' })
export class AuditChangeType {
  @Field(() => String) field!: string;
  @Field(() => String, { nullable: true, description: 'Null when the entry has no before for this field (an export).' }) before!:
    string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType('AuditEntry', { description: 'One sensitive action, as the audit log keeps it (never changed).' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => AuditAction) action!: AuditAction;
  @Field(() => String, { description: 'The action in words.' }) actionLabel!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String) actorName!: string;
  @Field(() => String) subjectType!: string;
  @Field(() => String) subjectId!: string;
  @Field(() => ID, { nullable: true }) subjectPersonId!: string | null;
  @Field(() => String, { nullable: true }) subjectPersonName!: string | null;
  @Field(() => [AuditChangeType]) changes!: AuditChangeType[];
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;

  static from(e: AuditEntry): AuditEntryType {
    return Object.assign(new AuditEntryType(), {
      id: e.id,
      at: e.at,
      action: e.action,
      actionLabel: auditActionLabels[e.action],
      actorId: e.actorId ?? null,
      actorName: e.actorName,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      subjectPersonId: e.subjectPersonId ?? null,
      subjectPersonName: e.subjectPersonName ?? null,
      changes: describeAuditChange(e.before ?? null, e.after ?? null),
      reason: e.reason ?? null,
      requestId: e.requestId ?? null,
    });
  }
}

@ObjectType('AuditLogPage', { description: 'One page of the audit log, newest first.' })
export class AuditLogPageType {
  @Field(() => [AuditEntryType]) entries!: AuditEntryType[];
  @Field(() => Int, { description: 'How many entries match the filter, on every page.' }) total!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) pageCount!: number;
}
