import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Public, Roles, SignedIn } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { BookingService } from './booking.service';
import { ApprovalRequestType, BookingType, MyBookingsType, ProgrammeSessionType, SessionRosterType } from './booking.types';
import { BookSessionInput } from './dto/book-session.input';
import { AddPersonToSessionInput } from './dto/add-person.input';
import { ChangeCapacityInput } from './dto/change-capacity.input';
import { CancelSessionInput, MoveBookingInput } from './dto/session-actions.input';

@Resolver(() => BookingType)
export class BookingResolver {
  constructor(private readonly bookings: BookingService) {}

  @SignedIn()
  @Mutation(() => BookingType, { description: 'Books a place, or joins the waiting list, or asks for manager approval.' })
  bookSession(@CurrentViewer() viewer: Viewer, @Args('input') input: BookSessionInput): Promise<BookingType> {
    return this.bookings.book(viewer, input);
  }

  @SignedIn()
  @Mutation(() => BookingType, { description: 'Cancels a booking or leaves the waiting list (own bookings; coordinators any).' })
  cancelBooking(
    @CurrentViewer() viewer: Viewer,
    @Args('bookingId', { type: () => ID }) bookingId: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ): Promise<BookingType> {
    return this.bookings.cancel(viewer, bookingId, reason?.trim() || null);
  }

  @SignedIn()
  @Mutation(() => BookingType, { description: 'Takes up a place offered from the waiting list.' })
  acceptOffer(@CurrentViewer() viewer: Viewer, @Args('bookingId', { type: () => ID }) bookingId: string): Promise<BookingType> {
    return this.bookings.acceptOffer(viewer, bookingId);
  }

  @SignedIn()
  @Mutation(() => BookingType, { description: 'Turns down a place offered from the waiting list; it passes to the next person.' })
  declineOffer(@CurrentViewer() viewer: Viewer, @Args('bookingId', { type: () => ID }) bookingId: string): Promise<BookingType> {
    return this.bookings.declineOffer(viewer, bookingId);
  }

  @SignedIn()
  @Query(() => MyBookingsType, { description: "The signed-in person's bookings." })
  myBookings(@CurrentViewer() viewer: Viewer): Promise<MyBookingsType> {
    return this.bookings.myBookings(viewer);
  }

  @SignedIn()
  @Query(() => BookingType, { description: 'One booking with its history: your own, or any for coordinators.' })
  booking(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<BookingType> {
    return this.bookings.booking(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [ProgrammeSessionType], { description: 'Sessions from a date (default: today) with their numbers.' })
  programme(
    @CurrentViewer() viewer: Viewer,
    @Args('from', { type: () => Date, nullable: true }) from?: Date,
    @Args('to', { type: () => Date, nullable: true }) to?: Date,
  ): Promise<ProgrammeSessionType[]> {
    return this.bookings.programme(viewer, { from, to });
  }

  @Roles(Role.COORDINATOR)
  @Query(() => SessionRosterType, { description: 'Everyone booked on a session, by status.' })
  sessionRoster(@CurrentViewer() viewer: Viewer, @Args('sessionId', { type: () => ID }) sessionId: string): Promise<SessionRosterType> {
    return this.bookings.roster(viewer, sessionId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => BookingType, { description: 'Adds a person to a session, bypassing eligibility (with a reason); never capacity.' })
  addPersonToSession(@CurrentViewer() viewer: Viewer, @Args('input') input: AddPersonToSessionInput): Promise<BookingType> {
    return this.bookings.addPerson(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => BookingType, { description: 'Confirms a person from the waiting list (or an offer or approval) by hand.' })
  confirmBooking(@CurrentViewer() viewer: Viewer, @Args('bookingId', { type: () => ID }) bookingId: string): Promise<BookingType> {
    return this.bookings.promote(viewer, bookingId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => SessionRosterType, { description: 'Changes capacity; raising it offers places to the waiting list.' })
  changeSessionCapacity(@CurrentViewer() viewer: Viewer, @Args('input') input: ChangeCapacityInput): Promise<SessionRosterType> {
    return this.bookings.changeCapacity(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => SessionRosterType, { description: 'Whether freed places are offered to the waiting list automatically.' })
  setSessionAutoOffer(
    @CurrentViewer() viewer: Viewer,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('automatic', { type: () => Boolean }) automatic: boolean,
  ): Promise<SessionRosterType> {
    return this.bookings.setAutoOffer(viewer, sessionId, automatic);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => BookingType, { description: "Declines a booking awaiting approval on the line manager's behalf." })
  declineBooking(
    @CurrentViewer() viewer: Viewer,
    @Args('bookingId', { type: () => ID }) bookingId: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ): Promise<BookingType> {
    return this.bookings.declineOnBehalf(viewer, bookingId, reason?.trim() || null);
  }

  @Public()
  @Query(() => ApprovalRequestType, { description: "What a line manager's signed approval link is about (no sign-in)." })
  approvalRequest(@Args('token', { type: () => String }) token: string): Promise<ApprovalRequestType> {
    return this.bookings.approvalRequest(token);
  }

  @Public()
  @Mutation(() => ApprovalRequestType, { description: 'The line manager approves or declines through their signed link (single use).' })
  decideApproval(
    @Args('token', { type: () => String }) token: string,
    @Args('approve', { type: () => Boolean }) approve: boolean,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ): Promise<ApprovalRequestType> {
    return this.bookings.decideByToken(token, approve, reason?.trim() || null);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => SessionRosterType, { description: 'Cancels a whole session: everyone booked is told, with other dates of the course.' })
  cancelSession(@CurrentViewer() viewer: Viewer, @Args('input') input: CancelSessionInput): Promise<SessionRosterType> {
    return this.bookings.cancelSession(viewer, input.sessionId, input.reason);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => BookingType, { description: "Moves a person's booking to another session (the new booking is returned)." })
  moveBooking(@CurrentViewer() viewer: Viewer, @Args('input') input: MoveBookingInput): Promise<BookingType> {
    return this.bookings.moveBooking(viewer, input.bookingId, input.toSessionId, input.reason);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => Int, { description: "Emails the session's joining instructions to everyone confirmed; returns how many." })
  sendJoiningInstructions(@CurrentViewer() viewer: Viewer, @Args('sessionId', { type: () => ID }) sessionId: string): Promise<number> {
    return this.bookings.sendJoiningInstructions(viewer, sessionId);
  }
}
