import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MandatoryStatus } from '../mandatory-training/mandatory-training.types';
import { ReportFilterLabelType, ReportPeriodType } from './reports.types';

@ObjectType('ComplianceStatusCount', { description: 'How many people a requirement applies to stand at one status, and their share.' })
export class ComplianceStatusCountType {
  @Field(() => MandatoryStatus) status!: MandatoryStatus;
  @Field(() => Int) count!: number;
  @Field(() => Float, { nullable: true, description: 'count ÷ applies, 0-1; null when it applies to nobody.' }) share!: number | null;
}

@ObjectType('ComplianceReportRow', { description: 'One agency (or the partnership) against one requirement: counts only, never a name.' })
export class ComplianceReportRowType {
  @Field(() => ID, { nullable: true, description: 'The agency; null for the partnership total or people in no agency.' })
  agencyId!: string | null;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: 'People it applies to on the as-at date.' }) applies!: number;
  @Field(() => [ComplianceStatusCountType], { description: 'Every status, in the order shown.' }) statuses!: ComplianceStatusCountType[];
  @Field(() => Float, { nullable: true, description: 'Compliant share: current ÷ applies (0-1).' }) compliantShare!: number | null;
  @Field(() => Int, { description: 'People it applied to on the previous as-at date.' }) previousApplies!: number;
  @Field(() => Float, { nullable: true, description: 'The compliant share on the previous as-at date.' })
  previousCompliantShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Compliant share now minus then, in percentage points.' })
  compliantShareChange!: number | null;
}

@ObjectType('ComplianceReportRequirement')
export class ComplianceReportRequirementType {
  @Field(() => ID) requirementId!: string;
  @Field(() => String) name!: string;
  @Field(() => [ComplianceReportRowType], { description: 'The agencies the filters keep, by name.' }) agencies!: ComplianceReportRowType[];
  @Field(() => ComplianceReportRowType, { description: 'The whole partnership (no agency or sector filter).' })
  total!: ComplianceReportRowType;
}

/** Report 5: mandatory training compliance by requirement and agency, as at the end of the period. */
@ObjectType('ComplianceReport')
export class ComplianceReportType {
  @Field(() => ReportPeriodType) period!: ReportPeriodType;
  @Field(() => [ReportFilterLabelType]) filters!: ReportFilterLabelType[];
  @Field(() => String, { description: 'YYYY-MM-DD: the last day of the period, or today if the period ends later.' }) asAt!: string;
  @Field(() => ReportPeriodType) previousPeriod!: ReportPeriodType;
  @Field(() => String, { description: 'YYYY-MM-DD: the as-at date of the previous period.' }) previousAsAt!: string;
  @Field(() => [ComplianceReportRequirementType]) requirements!: ComplianceReportRequirementType[];
}
