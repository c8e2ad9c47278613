import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CompletionSource, ExternalLearningStatus } from '@lh/domain';
import { BookingStatus, CourseOutcome } from '../common/graphql-enums';

registerEnumType(CompletionSource, {
  name: 'CompletionSource',
  description: 'SESSION: attended a session; EXTERNAL: learning elsewhere, evidence seen; E_LEARNING: from the provider’s export.',
});
registerEnumType(ExternalLearningStatus, { name: 'ExternalLearningStatus' });

export { CompletionSource, ExternalLearningStatus };

/** One course completed, as the record prints it. */
@ObjectType('RecordCompletion')
export class RecordCompletionType {
  @Field(() => ID, { description: 'The completion (certificates hang off it).' }) completionId!: string;
  @Field(() => CompletionSource) source!: CompletionSource;
  @Field(() => String, { description: '"Attended", "External, evidence seen" or "E-learning".' }) sourceLabel!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: 'Who delivered it, for learning elsewhere.' }) provider!: string | null;
  @Field(() => CourseOutcome, { nullable: true, description: 'SESSION: attended or partly attended.' }) outcome!: CourseOutcome | null;
  @Field(() => String, { description: 'London date, YYYY-MM-DD.' }) startedOn!: string;
  @Field(() => String, { description: 'London date, YYYY-MM-DD.' }) completedOn!: string;
  @Field(() => Int) minutes!: number;
  @Field(() => Float) hours!: number;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field(() => String, { nullable: true }) priorityArea!: string | null;
  @Field(() => [String], { description: 'SESSION: the session’s trainers.' }) trainers!: string[];
  @Field(() => String, { nullable: true, description: 'The agency the person was in at the time.' }) agencyName!: string | null;
  @Field(() => ID, { nullable: true }) courseId!: string | null;
}

/** A place booked: the second tab of the record (bookings, cancellations, non-attendances). */
@ObjectType('RecordPlace')
export class RecordPlaceType {
  @Field(() => ID) bookingId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => Date) sessionStartsAt!: Date;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => Boolean) lateCancellation!: boolean;
  @Field(() => CourseOutcome, { nullable: true, description: 'Decided once the registers are signed off.' }) outcome!: CourseOutcome | null;
  @Field(() => String, { description: 'What happened, in words ("Booked", "Cancelled late", "Did not attend").' }) label!: string;
}

/** Learning done elsewhere as the person entered it, and what a coordinator decided. */
@ObjectType('ExternalLearning')
export class ExternalLearningType {
  @Field(() => ID) id!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => String) title!: string;
  @Field(() => String) provider!: string;
  @Field(() => String) completedOn!: string;
  @Field(() => Int) minutes!: number;
  @Field(() => Float) hours!: number;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field(() => ExternalLearningStatus) status!: ExternalLearningStatus;
  @Field(() => String) statusLabel!: string;
  @Field(() => Date) submittedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decidedByName!: string | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field(() => String) evidenceFileName!: string;
  @Field(() => String) evidenceContentType!: string;
  @Field(() => Int) evidenceSizeBytes!: number;
}

/** A person's training record: what they completed, their places, and their learning done elsewhere. */
@ObjectType('TrainingRecord')
export class TrainingRecordType {
  @Field(() => ID) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => String) personEmail!: string;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => [RecordCompletionType], { description: 'Live completions, newest first; revoked ones are left out.' })
  completions!: RecordCompletionType[];
  @Field(() => Int) totalMinutes!: number;
  @Field(() => [RecordPlaceType], { description: 'Every place booked, newest session first.' }) places!: RecordPlaceType[];
  @Field(() => [ExternalLearningType], { description: 'Learning done elsewhere, newest first, with its status.' })
  externalLearning!: ExternalLearningType[];
}

/** A file to download (PDF or CSV), with its name. */
