import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttendanceMark, MarkSource } from '../common/graphql-enums';
import { VenueType } from '../catalogue/course.types';

export const RegisterWindowStateEnum = { NOT_OPEN: 'NOT_OPEN', OPEN: 'OPEN', CLOSED: 'CLOSED' } as const;
registerEnumType(RegisterWindowStateEnum, {
  name: 'RegisterWindowState',
  description: 'NOT_OPEN until 15 minutes before the part starts; OPEN for marking; CLOSED once the time for marking has passed.',
});

@ObjectType('RegisterCounts', { description: 'How many people are in each state on a register.' })
export class RegisterCountsType {
  @Field(() => Int) present!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) leftEarly!: number;
  @Field(() => Int) absentWithApology!: number;
  @Field(() => Int) didNotAttend!: number;
  @Field(() => Int) notMarked!: number;
}

@ObjectType('RegisterSignOff')
export class RegisterSignOffType {
  @Field() signedByName!: string;
  @Field() signedAt!: Date;
  @Field(() => RegisterCountsType, { description: 'The counts when it was signed off.' }) counts!: RegisterCountsType;
}

@ObjectType('RegisterEntry', { description: 'One person with a confirmed place, and their current mark on this part.' })
export class RegisterEntryType {
  @Field(() => ID) bookingId!: string;
  @Field(() => ID) personId!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field({ description: 'Added at the door rather than booked beforehand.' }) walkIn!: boolean;
  @Field(() => String, { nullable: true }) accessNeeds!: string | null;
  @Field(() => String, { nullable: true }) dietaryNeeds!: string | null;
  @Field(() => AttendanceMark, { nullable: true }) mark!: AttendanceMark | null;
  @Field(() => Int, { nullable: true, description: 'Minutes late or left early.' }) minutes!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => ID, { nullable: true, description: 'The event the current mark comes from: send it back as basedOnEventId.' })
  eventId!: string | null;
  @Field(() => Date, { nullable: true }) markedAt!: Date | null;
  @Field(() => String, { nullable: true }) markedByName!: string | null;
  @Field(() => MarkSource, { nullable: true }) source!: MarkSource | null;
}

@ObjectType('Register', { description: "One session part's register." })
export class RegisterType {
  @Field(() => ID) partId!: string;
  @Field(() => Int) partNumber!: number;
  @Field(() => Int) partCount!: number;
  @Field(() => ID) sessionId!: string;
  @Field() courseTitle!: string;
  @Field(() => VenueType, { nullable: true, description: 'Null for online sessions.' }) venue!: VenueType | null;
  @Field(() => String, { nullable: true, description: 'The room at the venue, when set.' }) room!: string | null;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field({ description: 'When marking opens: 15 minutes before the part starts.' }) opensAt!: Date;
  @Field({ description: 'When marking closes for trainers.' }) closesAt!: Date;
  @Field(() => RegisterWindowStateEnum) windowState!: keyof typeof RegisterWindowStateEnum;
  @Field({ description: 'Whether the viewer can mark it now.' }) canMark!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Why the viewer cannot mark it now, in the words a mark would be refused with (null when they can).',
  })
  cannotMarkReason!: string | null;
  @Field({ description: "The viewer's changes now are corrections (after sign-off or after it closed): each needs a reason." })
  changesNeedReason!: boolean;
  @Field(() => RegisterSignOffType, { nullable: true }) signOff!: RegisterSignOffType | null;
  @Field(() => RegisterCountsType) counts!: RegisterCountsType;
  @Field(() => [RegisterEntryType], { description: 'Everyone with a confirmed place, by name.' }) entries!: RegisterEntryType[];
}

@ObjectType('MarkResult', { description: 'What happened to a mark sent from a device.' })
export class MarkResultType {
  @Field({ description: 'The mark is on the register (now, or already: see replayed).' }) applied!: boolean;
  @Field({ description: 'A mark with this client id had been recorded before: nothing changed this time.' }) replayed!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Set when someone else changed this mark since the device last saw it: the mark was not applied and entry shows theirs.',
  })
  conflict!: string | null;
  @Field(() => RegisterEntryType, { description: 'The person as the register has them now.' }) entry!: RegisterEntryType;
}

@ObjectType('AttendanceEvent', { description: 'One change to a register: who, when, how, old and new value, why.' })
export class AttendanceEventType {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field(() => ID) sessionId!: string;
  @Field() courseTitle!: string;
  @Field(() => Int) partNumber!: number;
  @Field() partStartsAt!: Date;
  @Field(() => AttendanceMark, { nullable: true }) mark!: AttendanceMark | null;
  @Field(() => Int, { nullable: true }) minutes!: number | null;
  @Field(() => AttendanceMark, { nullable: true }) previousMark!: AttendanceMark | null;
  @Field(() => Int, { nullable: true }) previousMinutes!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => MarkSource) source!: MarkSource;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}
