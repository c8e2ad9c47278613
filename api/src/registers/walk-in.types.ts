import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BookingStatus } from '../common/graphql-enums';
import { RegisterEntryType, RegisterWindowStateEnum } from './registers.types';

@ObjectType('WalkInCandidate', { description: 'Someone with an account a trainer can add at the door.' })
export class WalkInCandidateType {
  @Field(() => ID) personId!: string;
  @Field() name!: string;
  @Field({ description: 'The address with the middle of its local part hidden ("ja…th@nhs.example"): enough to tell two people apart.' })
  maskedEmail!: string;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => BookingStatus, {
    nullable: true,
    description: 'Their live booking on this session, if any: CONFIRMED means already on the register; others become a confirmed place.',
  })
  bookingStatus!: BookingStatus | null;
}

@ObjectType('WalkInResult', { description: 'What adding a walk-in did.' })
export class WalkInResultType {
  @Field({ description: 'A walk-in with this client id had been added before: nothing changed this time.' }) replayed!: boolean;
  @Field({ description: 'A provisional account was made for them (and mailed a link to claim it).' }) newAccount!: boolean;
  @Field(() => RegisterEntryType, { description: 'The person as the register has them now: present.' }) entry!: RegisterEntryType;
}

@ObjectType('CheckInRequest', { description: 'Someone with no place on the session who checked in with the code, waiting for a trainer.' })
export class CheckInRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) personId!: string;
  @Field() name!: string;
  @Field({ description: 'They asked to be added to this register, so the trainers see their address in full.' }) email!: string;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field() requestedAt!: Date;
}

@ObjectType('CheckInScreen', { description: "What a part's check-in screen shows: the code of the moment, as a QR code and as text." })
export class CheckInScreenType {
  @Field(() => ID) partId!: string;
  @Field(() => ID) sessionId!: string;
  @Field() courseTitle!: string;
  @Field(() => Int) partNumber!: number;
  @Field(() => Int) partCount!: number;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field({ description: 'When check-in opens: the register window, 15 minutes before the part starts.' }) opensAt!: Date;
  @Field({ description: 'When check-in closes: the register window.' }) closesAt!: Date;
  @Field(() => RegisterWindowStateEnum) windowState!: keyof typeof RegisterWindowStateEnum;
  @Field(() => String, {
    nullable: true,
    description: 'The 6-character code now; null when people cannot check in (see unavailableReason).',
  })
  code!: string | null;
  @Field(() => String, { nullable: true, description: 'WEB_ORIGIN/check-in/<code>: what the QR code opens.' }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'The QR code of url, as an SVG document.' }) qrSvg!: string | null;
  @Field(() => String, { nullable: true, description: 'Why there is no code now (not open yet, closed, signed off, cancelled).' })
  unavailableReason!: string | null;
  @Field({ description: 'When this code is replaced (fetch the screen again then).' }) changesAt!: Date;
  @Field(() => Int, { description: 'Whole seconds until changesAt.' }) secondsUntilChange!: number;
  @Field(() => Int, { description: 'People with a confirmed place marked there (present, late or left early).' }) present!: number;
  @Field(() => Int, { description: 'Of them, people who checked themselves in with the code.' }) checkedIn!: number;
  @Field(() => Int, { description: 'People with a confirmed place: who is expected.' }) booked!: number;
  @Field(() => Int, { description: 'People with no place waiting for a trainer to add them.' }) pendingRequests!: number;
}

export const CheckInOutcomeEnum = { CHECKED_IN: 'CHECKED_IN', REQUESTED: 'REQUESTED' } as const;
registerEnumType(CheckInOutcomeEnum, {
  name: 'CheckInOutcome',
  description: 'CHECKED_IN: marked present on their own place. REQUESTED: no place, so the trainers were asked to add them.',
});

@ObjectType('CheckInResult', { description: 'What checking in with a code did (refusals are errors saying why).' })
export class CheckInResultType {
  @Field(() => CheckInOutcomeEnum) outcome!: keyof typeof CheckInOutcomeEnum;
  @Field({ description: 'This check-in had been made before with the same client id: nothing changed this time.' }) replayed!: boolean;
  @Field({ description: 'What happened, in a sentence for the person.' }) message!: string;
  @Field(() => ID) sessionId!: string;
  @Field() courseTitle!: string;
  @Field(() => Int) partNumber!: number;
  @Field(() => Int) partCount!: number;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
}
