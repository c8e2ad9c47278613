import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DrillDownFigure } from './report-drill-down-sql';
import { ReportFilterLabelType, ReportPeriodType } from './reports.types';

registerEnumType(DrillDownFigure, { name: 'DrillDownFigure', description: 'A report figure a coordinator can drill into.' });

/** A session behind a figure and, for place figures, the person and outcome. */
@ObjectType('DrillDownRow')
export class DrillDownRowType {
  @Field(() => ID) sessionId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => String) sessionStatus!: string;
  @Field(() => ID, { nullable: true, description: 'Place figures only: their training record is /records/{personId}.' })
  personId!: string | null;
  @Field(() => String, { nullable: true, description: 'Place figures only.' }) personName!: string | null;
  @Field(() => String, { nullable: true, description: 'The agency the place was booked under.' }) agencyName!: string | null;
  @Field(() => String, { nullable: true, description: 'The decided outcome (CourseOutcome), if any.' }) outcome!: string | null;
}

/** One page of the rows behind a figure; `total` is the figure itself. */
@ObjectType('ReportDrillDown')
export class ReportDrillDownType {
  @Field(() => DrillDownFigure) figure!: DrillDownFigure;
  @Field(() => ReportPeriodType) period!: ReportPeriodType;
  @Field(() => [ReportFilterLabelType]) filters!: ReportFilterLabelType[];
  @Field(() => Int) total!: number;
  @Field(() => Boolean, { description: 'Whether the rows are people (place figures) or sessions.' }) people!: boolean;
  @Field(() => [DrillDownRowType]) rows!: DrillDownRowType[];
  @Field(() => Int) page!: number;
  @Field(() => Int) pageCount!: number;
  @Field(() => Int, { description: 'Rows a page (the last page may hold fewer).' }) pageSize!: number;
}
