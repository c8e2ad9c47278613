import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { RateLimited } from '../auth/rate-limited.decorator';
import { RateLimitName } from '../config/rate-limit-config';
import { BookingQueries } from './booking-queries.service';
import { BookingType, ProgrammeSessionType, SessionRosterType } from './booking.types';
import { AddPersonToSessionInput } from './dto/add-person.input';
import { ChangeCapacityInput } from './dto/change-capacity.input';
import { MoveBookingInput } from './dto/move-booking.input';
import { SessionBookingsService } from './session-bookings.service';

/** The training team's view of and commands on sessions' bookings. */
@Resolver(() => SessionRosterType)
export class SessionBookingsResolver {
  constructor(
    private readonly sessions: SessionBookingsService,
    private readonly queries: BookingQueries,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => [ProgrammeSessionType], { description: 'Sessions from a date (default: today) with their numbers.' })
  programme(
    @CurrentViewer() viewer: Viewer,
    @Args('from', { type: () => Date, nullable: true }) from?: Date,
    @Args('to', { type: () => Date, nullable: true }) to?: Date,
  ): Promise<ProgrammeSessionType[]> {
    return this.queries.programme(viewer, { from, to });
  }

  @Roles(Role.COORDINATOR)
  @Query(() => SessionRosterType, { description: 'Everyone booked on a session, by status.' })
  sessionRoster(@CurrentViewer() viewer: Viewer, @IdArg('sessionId') sessionId: string): Promise<SessionRosterType> {
    return this.queries.roster(viewer, sessionId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => BookingType, { description: 'Adds a person to a session, bypassing eligibility (with a reason); never capacity.' })
  addPersonToSession(@CurrentViewer() viewer: Viewer, @Args('input') input: AddPersonToSessionInput): Promise<BookingType> {
    return this.sessions.addPerson(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => BookingType, { description: 'Confirms a person from the waiting list (or an offer or approval) by hand.' })
  confirmBooking(@CurrentViewer() viewer: Viewer, @IdArg('bookingId') bookingId: string): Promise<BookingType> {
    return this.sessions.promote(viewer, bookingId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => SessionRosterType, { description: 'Changes capacity; raising it offers places to the waiting list.' })
  changeSessionCapacity(@CurrentViewer() viewer: Viewer, @Args('input') input: ChangeCapacityInput): Promise<SessionRosterType> {
    return this.sessions.changeCapacity(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => SessionRosterType, { description: 'Whether freed places are offered to the waiting list automatically.' })
  setSessionAutoOffer(
    @CurrentViewer() viewer: Viewer,
    @IdArg('sessionId') sessionId: string,
    @Args('automatic', { type: () => Boolean }) automatic: boolean,
  ): Promise<SessionRosterType> {
    return this.sessions.setAutoOffer(viewer, sessionId, automatic);
  }

  @Roles(Role.COORDINATOR)
  @RateLimited(RateLimitName.BOOKING_PER_PERSON, 'viewer')
  @Mutation(() => BookingType, { description: "Moves a person's booking to another session (the new booking is returned)." })
  moveBooking(@CurrentViewer() viewer: Viewer, @Args('input') input: MoveBookingInput): Promise<BookingType> {
    return this.sessions.moveBooking(viewer, input.bookingId, input.toSessionId, input.reason);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => Int, { description: "Emails the session's joining instructions to everyone confirmed; returns how many." })
  sendJoiningInstructions(@CurrentViewer() viewer: Viewer, @IdArg('sessionId') sessionId: string): Promise<number> {
    return this.sessions.sendJoiningInstructions(viewer, sessionId);
  }
}
