import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { IdArg } from '../common/ids';
import { CurrentViewer, SignedIn } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { CalendarService } from './calendar.service';
import { CalendarFeedLinkType, CalendarFeedType, CalendarFileType } from './calendar.types';

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @SignedIn()
  @Query(() => CalendarFeedType, { description: 'Whether the signed-in person has a calendar feed (never its address).' })
  calendarFeed(@CurrentViewer() viewer: Viewer): Promise<CalendarFeedType> {
    return this.calendar.feed(viewer);
  }

  @SignedIn()
  @Mutation(() => CalendarFeedLinkType, {
    description: 'Makes a new private calendar feed address and returns it this once; any earlier address stops working.',
  })
  resetCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<CalendarFeedLinkType> {
    return this.calendar.resetFeed(viewer);
  }

  @SignedIn()
  @Mutation(() => CalendarFeedType, { description: "Turns off the signed-in person's calendar feed: its address stops working." })
  stopCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<CalendarFeedType> {
    return this.calendar.stopFeed(viewer);
  }

  @SignedIn()
  @Query(() => CalendarFileType, { description: 'One booking as an .ics file: your own, or any for coordinators.' })
  bookingCalendar(@CurrentViewer() viewer: Viewer, @IdArg('bookingId') bookingId: string): Promise<CalendarFileType> {
    return this.calendar.bookingCalendar(viewer, bookingId);
  }
}
