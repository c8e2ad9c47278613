import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, RosterAudience, RosterSort } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import { TextArg } from '../common/text-arg';
import type { Viewer } from '../common/viewer';
import { DownloadFileType, TableFileFormat } from '../exports/download-file.types';
import { RosterBulkService } from './roster-bulk.service';
import { RosterExportService } from './roster-export.service';
import { RosterMessageService } from './roster-message.service';
import { MAX_NOTE_LENGTH, RosterService } from './roster.service';
import {
  AddPeopleToSessionInput,
  AddPersonResultType,
  BookingNoteType,
  MoveBookingResultType,
  MessageSessionInput,
  MoveBookingsInput,
  PersonToAddType,
  RosterListType,
  SessionMessageSentType,
} from './roster.types';

const SearchArg = () => TextArg('search', { nullable: true, maxLength: 200, message: 'The search must be 200 characters or fewer' });

/** The coordinator's session roster: search and sort, notes, adding and moving people in bulk, exports. */
@Resolver()
export class RosterResolver {
  constructor(
    private readonly roster: RosterService,
    private readonly bulk: RosterBulkService,
    private readonly exports: RosterExportService,
    private readonly messages: RosterMessageService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => RosterListType, {
    description: "A session's bookings searched by name or email and sorted, with counts per agency and needs.",
  })
  sessionRosterList(
    @CurrentViewer() viewer: Viewer,
    @IdArg('sessionId') sessionId: string,
    @SearchArg() search?: string | null,
    @Args('sort', { type: () => RosterSort, nullable: true }) sort?: RosterSort | null,
  ): Promise<RosterListType> {
    return this.roster.list(viewer, sessionId, { search, sort });
  }

  @Roles(Role.COORDINATOR, Role.TRAINER)
  @Query(() => [BookingNoteType], { description: "The training team's notes on a session's attendees: coordinators and its trainers." })
  sessionNotes(@CurrentViewer() viewer: Viewer, @IdArg('sessionId') sessionId: string): Promise<BookingNoteType[]> {
    return this.roster.sessionNotes(viewer, sessionId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => BookingNoteType, { nullable: true, description: 'Writes the note on a booking; empty text removes it (null).' })
  setBookingNote(
    @CurrentViewer() viewer: Viewer,
    @IdArg('bookingId') bookingId: string,
    @TextArg('text', { maxLength: MAX_NOTE_LENGTH, message: `The note must be ${MAX_NOTE_LENGTH} characters or fewer` }) text: string,
  ): Promise<BookingNoteType | null> {
    return this.roster.setNote(viewer, bookingId, text);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [PersonToAddType], { description: 'People whose name or email matches, to add to a session (at most 20).' })
  peopleToAdd(
    @CurrentViewer() viewer: Viewer,
    @IdArg('sessionId') sessionId: string,
    @TextArg('search', { maxLength: 200, message: 'The search must be 200 characters or fewer' }) search: string,
  ): Promise<PersonToAddType[]> {
    return this.roster.findPeople(viewer, sessionId, search);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => [AddPersonResultType], { description: 'Adds everyone in a pasted list of emails; the outcome of each line.' })
  addPeopleToSession(@CurrentViewer() viewer: Viewer, @Args('input') input: AddPeopleToSessionInput): Promise<AddPersonResultType[]> {
    return this.bulk.addPeople(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => [MoveBookingResultType], {
    description: 'Moves the chosen bookings to another date of the same course; the outcome of each.',
  })
  moveBookings(@CurrentViewer() viewer: Viewer, @Args('input') input: MoveBookingsInput): Promise<MoveBookingResultType[]> {
    return this.bulk.moveBookings(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => DownloadFileType, { description: 'The roster as CSV or XLSX (names people: written to the audit log).' })
  rosterFile(
    @CurrentViewer() viewer: Viewer,
    @IdArg('sessionId') sessionId: string,
    @Args('format', { type: () => TableFileFormat }) format: TableFileFormat,
    @SearchArg() search?: string | null,
    @Args('sort', { type: () => RosterSort, nullable: true }) sort?: RosterSort | null,
  ): Promise<DownloadFileType> {
    return this.exports.rosterFile(viewer, sessionId, format, { search, sort });
  }

  @Roles(Role.COORDINATOR)
  @Query(() => DownloadFileType, { description: 'Access and dietary needs of the confirmed places, counted, without names.' })
  needsSummaryFile(
    @CurrentViewer() viewer: Viewer,
    @IdArg('sessionId') sessionId: string,
    @Args('format', { type: () => TableFileFormat }) format: TableFileFormat,
  ): Promise<DownloadFileType> {
    return this.exports.needsFile(viewer, sessionId, format);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => Int, { description: 'How many people on the session a message to this group would reach (the preview).' })
  sessionMessageRecipients(
    @CurrentViewer() viewer: Viewer,
    @IdArg('sessionId') sessionId: string,
    @Args('audience', { type: () => RosterAudience }) audience: RosterAudience,
  ): Promise<number> {
    return this.messages.recipientCount(viewer, sessionId, audience);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => SessionMessageSentType, { description: 'Mails everyone on the session in one group (once per idempotency key).' })
  messageSession(@CurrentViewer() viewer: Viewer, @Args('input') input: MessageSessionInput): Promise<SessionMessageSentType> {
    return this.messages.send(viewer, input);
  }
}
