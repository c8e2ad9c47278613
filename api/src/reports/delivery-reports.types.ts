import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReportFilterLabelType, ReportPeriodType } from './reports.types';

/** Report 7, for invoicing: one agency, an agency type's subtotal or the total. Pence. */
@ObjectType('ChargesReportRow')
export class ChargesReportRowType {
  @Field(() => String, { description: 'The agency id ("none" for no agency); null on subtotals and the total.', nullable: true })
  agencyId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => Int) didNotAttend!: number;
  @Field(() => Int) lateCancellations!: number;
  @Field(() => Int) raisedPence!: number;
  @Field(() => Int) waivedPence!: number;
  @Field(() => Int, { description: 'Charges standing: what is invoiced.' }) chargesPence!: number;
}

@ObjectType('ChargesReportGroup', { description: 'An agency type (the sector of the agency booked under): its agencies and subtotal.' })
export class ChargesReportGroupType {
  @Field(() => String, { description: 'The sector key, or "none".' }) sector!: string;
  @Field(() => String) name!: string;
  @Field(() => [ChargesReportRowType]) agencies!: ChargesReportRowType[];
  @Field(() => ChargesReportRowType) subtotal!: ChargesReportRowType;
}

@ObjectType('ChargesReport')
export class ChargesReportType {
  @Field(() => ReportPeriodType) period!: ReportPeriodType;
  @Field(() => [ReportFilterLabelType]) filters!: ReportFilterLabelType[];
  @Field(() => [ChargesReportGroupType]) types!: ChargesReportGroupType[];
  @Field(() => ChargesReportRowType) total!: ChargesReportRowType;
}

/** Report 6: what one trainer, one trainer's agency, or everyone delivered, and how it was rated. */
@ObjectType('TrainerFigures')
export class TrainerFiguresType {
  @Field(() => Int) sessionsDelivered!: number;
  @Field(() => Int) trainingDays!: number;
  @Field(() => Float, { nullable: true, description: '1 to 5; null with no rating.' }) averageRating!: number | null;
  @Field(() => Int) ratingsGiven!: number;
}

@ObjectType('TrainerReportRow', { description: 'A trainer (a person: coordinators only).' })
export class TrainerReportRowType {
  @Field(() => ID) trainerId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => TrainerFiguresType) figures!: TrainerFiguresType;
}

@ObjectType('TrainerAgencyReportRow', { description: 'The trainers of one agency (their agency today): each session once.' })
export class TrainerAgencyReportRowType {
  @Field(() => String, { description: 'The agency id, or "none".' }) agencyId!: string;
  @Field(() => String) name!: string;
  @Field(() => TrainerFiguresType) figures!: TrainerFiguresType;
}

@ObjectType('TrainersReport')
export class TrainersReportType {
  @Field(() => ReportPeriodType) period!: ReportPeriodType;
  @Field(() => [ReportFilterLabelType]) filters!: ReportFilterLabelType[];
  @Field(() => [TrainerReportRowType], { description: 'Per trainer: empty for reviewers, who see no names.' })
  trainers!: TrainerReportRowType[];
  @Field(() => [TrainerAgencyReportRowType]) agencies!: TrainerAgencyReportRowType[];
  @Field(() => TrainerFiguresType, { description: 'Every session delivered with a trainer, once.' }) total!: TrainerFiguresType;
}
