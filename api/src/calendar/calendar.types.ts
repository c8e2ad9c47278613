import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('CalendarFeed', { description: "The signed-in person's private calendar feed. Its address is shown only when made." })
export class CalendarFeedType {
  @Field(() => Boolean, { description: 'Whether the person has a feed address that works.' }) exists!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the current address was made.' }) createdAt!: Date | null;
}

@ObjectType('CalendarFeedLink', { description: 'A new feed address: shown this once, never again.' })
export class CalendarFeedLinkType {
  @Field(() => String, { description: 'The full address to subscribe to in a calendar app.' }) url!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('CalendarFile', { description: 'One booking as an .ics file to add to a calendar.' })
export class CalendarFileType {
  @Field(() => String, { description: 'A file name made from the course title, ending in .ics.' }) fileName!: string;
  @Field(() => String, { description: 'The iCalendar text (METHOD:PUBLISH), with the same UIDs as the invites.' }) content!: string;
}
