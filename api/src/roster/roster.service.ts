import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  ErrorCode,
  RosterSort,
  countByAgency,
  isActive,
  isUuid,
  rosterMatches,
  sortRoster,
  summariseNeeds,
  BookingStatus,
} from '@lh/domain';
import { isCoordinator, requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Booking } from '../booking/booking.entity';
import { BookingRepository } from '../booking/booking.repository';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';
import { SessionTrainerRepository } from '../scheduling/session-trainer.repository';
import { BookingNote } from './roster.entity';
import type { BookingNoteType, PersonToAddType, RosterEntryType, RosterListType } from './roster.types';

export const MAX_NOTE_LENGTH = 2000;

const sessionNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no session with that id.');
const notesNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no session with that id that you train.');

/**
 * The coordinator's roster of one session: every booking searched (name or email) and sorted, live
 * places per agency, needs counted without names, and the training team's notes about attendees
 * (coordinators write them; the session's trainers read them; practitioners never see them).
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly trainers: SessionTrainerRepository,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer, sessionId: string, opts: { search?: string | null; sort?: RosterSort | null } = {}): Promise<RosterListType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const session = await em.findOne(Session, { id: sessionId });
    if (!session) {
      throw sessionNotFound();
    }
    const entries = await this.entries(em, session.id);
    const live = entries.filter((e) => isActive(e.status));
    return {
      sessionId: session.id,
      total: entries.length,
      entries: sortRoster(
        entries.filter((e) => rosterMatches(e, opts.search)),
        opts.sort ?? RosterSort.NAME,
      ),
      agencyCounts: countByAgency(live),
      needs: summariseNeeds(entries.filter((e) => e.status === BookingStatus.CONFIRMED)),
    };
  }

  /** Every booking on the session as the roster and its exports list it (with notes), unsorted. */
  async entries(em: EntityManager, sessionId: string): Promise<RosterEntryType[]> {
    const bookings = await em.find(Booking, { session: sessionId }, { populate: ['person.agency', 'agency'] });
    const [positions, notes] = await Promise.all([
      this.repo.waitlistPositions(em, bookings),
      this.notesFor(
        em,
        bookings.map((b) => b.id),
      ),
    ]);
    return bookings.map((b) => ({
      bookingId: b.id,
      personId: b.person.id,
      name: b.person.name,
      email: b.person.email,
      jobTitle: b.person.jobTitle ?? null,
      agencyName: (b.agency ?? b.person.agency)?.name ?? null,
      status: b.status,
      waitlistPosition: positions.get(b.id) ?? null,
      lateCancellation: b.lateCancellation,
      bookedAt: b.createdAt,
      accessNeeds: b.accessNeeds?.trim() || null,
      dietaryNeeds: b.dietaryNeeds?.trim() || null,
      note: notes.get(b.id) ?? null,
    }));
  }

  /** The notes on a session's bookings: for coordinators and the session's own trainers; anyone else is told it is not found. */
  async sessionNotes(viewer: Viewer, sessionId: string): Promise<BookingNoteType[]> {
    const em = this.em.fork();
    if (!isUuid(sessionId)) {
      throw notesNotFound();
    }
    if (!isCoordinator(viewer) && !(await this.trainers.isTrainerOn(em, sessionId, viewer.id))) {
      throw notesNotFound();
    }
    const notes = await em.find(BookingNote, { booking: { session: sessionId } }, { orderBy: { writtenAt: 'asc', id: 'asc' } });
    return notes.map(toNoteType);
  }

  /** Writes (or, with empty text, removes) the note on a booking: coordinators only. Returns the note, or null when removed. */
  async setNote(viewer: Viewer, bookingId: string, text: string, now = this.clock.now()): Promise<BookingNoteType | null> {
    requireCoordinator(viewer);
    const trimmed = text.trim();
    if (trimmed.length > MAX_NOTE_LENGTH) {
      throw new DomainError(ErrorCode.BadUserInput, `The note must be ${MAX_NOTE_LENGTH} characters or fewer.`, [
        { field: 'text', message: `The note must be ${MAX_NOTE_LENGTH} characters or fewer` },
      ]);
    }
    return this.em.fork().transactional(async (em) => {
      const booking = await em.findOne(Booking, bookingId);
      if (!booking) {
        throw new DomainError(ErrorCode.NotFound, 'There is no booking with that id.');
      }
      // the session lock, as every change to its bookings takes: two saves of one note at once queue up
      await this.repo.lockSession(em, booking.session.id);
      const existing = await em.findOne(BookingNote, { booking });
      if (!trimmed) {
        if (existing) {
          em.remove(existing);
        }
        return null;
      }
      const note =
        existing ?? em.create(BookingNote, { booking, text: trimmed, writtenById: viewer.id, writtenByName: viewer.name, writtenAt: now });
      Object.assign(note, { text: trimmed, writtenById: viewer.id, writtenByName: viewer.name, writtenAt: now });
      await em.flush();
      return toNoteType(note);
    });
  }

  /** People whose name or email contains every word searched (at most 20), and whether each is already on the session. */
  async findPeople(viewer: Viewer, sessionId: string, search: string): Promise<PersonToAddType[]> {
    requireCoordinator(viewer);
    const words = search.trim().split(/\s+/).filter(Boolean).slice(0, 5);
    if (!words.length) {
      return [];
    }
    const em = this.em.fork();
    const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const people = await em.find(
      Person,
      { $and: words.map((w) => ({ $or: [{ name: { $ilike: like(w) } }, { email: { $ilike: like(w) } }] })) },
      { populate: ['agency'], orderBy: { name: 'asc', id: 'asc' }, limit: 20 },
    );
    const booked = new Set(
      (await em.find(Booking, { session: sessionId, person: { $in: people.map((p) => p.id) } }, { fields: ['person', 'status'] }))
        .filter((b) => isActive(b.status))
        .map((b) => b.person.id),
    );
    return people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      agencyName: p.agency?.name ?? null,
      alreadyBooked: booked.has(p.id),
    }));
  }

  private async notesFor(em: EntityManager, bookingIds: string[]): Promise<Map<string, BookingNoteType>> {
    if (!bookingIds.length) {
      return new Map();
    }
    const notes = await em.find(BookingNote, { booking: { $in: bookingIds } });
    return new Map(notes.map((n) => [n.booking.id, toNoteType(n)]));
  }
}

function toNoteType(n: BookingNote): BookingNoteType {
  return { bookingId: n.booking.id, text: n.text, writtenByName: n.writtenByName, writtenAt: n.writtenAt };
}
