import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ReasonArg } from '../common/text-arg';
import { CurrentViewer, SignedIn } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { BookingQueries } from './booking-queries.service';
import { BookingService } from './booking.service';
import { BookingType, MyBookingsType } from './booking.types';
import { BookSessionInput } from './dto/book-session.input';
import { RateLimited } from '../auth/rate-limited.decorator';
import { RateLimitName } from '../config/rate-limit-config';

/** A practitioner's own bookings. */
@Resolver(() => BookingType)
export class BookingResolver {
  constructor(
    private readonly bookings: BookingService,
    private readonly queries: BookingQueries,
  ) {}

  @SignedIn()
  @RateLimited(RateLimitName.BOOKING_PER_PERSON, 'viewer')
  @Mutation(() => BookingType, { description: 'Books a place, or joins the waiting list, or asks for manager approval.' })
  bookSession(@CurrentViewer() viewer: Viewer, @Args('input') input: BookSessionInput): Promise<BookingType> {
    return this.bookings.book(viewer, input);
  }

  @SignedIn()
  @RateLimited(RateLimitName.BOOKING_PER_PERSON, 'viewer')
  @Mutation(() => BookingType, { description: 'Cancels a booking or leaves the waiting list (own bookings; coordinators any).' })
  cancelBooking(
    @CurrentViewer() viewer: Viewer,
    @IdArg('bookingId') bookingId: string,
    @ReasonArg() reason?: string,
    @Args('countAsLate', {
      type: () => Boolean,
      nullable: true,
      description:
        "The training team cancelling someone else's place after the cut-off: whether it counts as their late cancellation (default: no).",
    })
    countAsLate?: boolean,
  ): Promise<BookingType> {
    return this.bookings.cancel(viewer, bookingId, reason?.trim() || null, { countAsLate: countAsLate ?? false });
  }

  @SignedIn()
  @RateLimited(RateLimitName.BOOKING_PER_PERSON, 'viewer')
  @Mutation(() => BookingType, { description: 'Takes up a place offered from the waiting list.' })
  acceptOffer(@CurrentViewer() viewer: Viewer, @IdArg('bookingId') bookingId: string): Promise<BookingType> {
    return this.bookings.acceptOffer(viewer, bookingId);
  }

  @SignedIn()
  @RateLimited(RateLimitName.BOOKING_PER_PERSON, 'viewer')
  @Mutation(() => BookingType, { description: 'Turns down a place offered from the waiting list; it passes to the next person.' })
  declineOffer(@CurrentViewer() viewer: Viewer, @IdArg('bookingId') bookingId: string): Promise<BookingType> {
    return this.bookings.declineOffer(viewer, bookingId);
  }

  @SignedIn()
  @Query(() => MyBookingsType, { description: "The signed-in person's bookings." })
  myBookings(@CurrentViewer() viewer: Viewer): Promise<MyBookingsType> {
    return this.queries.myBookings(viewer);
  }

  @SignedIn()
  @Query(() => BookingType, { description: 'One booking with its history: your own, or any for coordinators.' })
  booking(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<BookingType> {
    return this.queries.booking(viewer, id);
  }
}
