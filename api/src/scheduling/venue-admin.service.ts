import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, SessionStatus, isUuid, plural, type FieldProblem } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Venue } from './venue.entity';
import { AdminVenueType } from './scheduling.types';
import { toAdminVenueType, upcomingSessionsByVenue } from './scheduling-views';
import type { CreateVenueInput } from './dto/create-venue.input';
import type { UpdateVenueInput } from './dto/update-venue.input';

const venueNotFound = () => new DomainError(ErrorCode.NotFound, 'There is no venue with that id.');
const badInput = (problems: FieldProblem[]) => new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);

/** Coordinators keep the list of venues and their rooms. */
@Injectable()
export class VenueAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async venues(viewer: Viewer, now = this.clock.now()): Promise<AdminVenueType[]> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const venues = await em.find(Venue, {}, { orderBy: { name: 'asc', id: 'asc' } });
    const counts = await upcomingSessionsByVenue(
      em,
      venues.map((v) => v.id),
      now,
    );
    return venues.map((v) => toAdminVenueType(v, counts.get(v.id) ?? 0));
  }

  async venue(viewer: Viewer, id: string, now = this.clock.now()): Promise<AdminVenueType> {
    requireCoordinator(viewer);
    const em = this.em.fork();
    const venue = isUuid(id) ? await em.findOne(Venue, id) : null;
    if (!venue) {
      throw venueNotFound();
    }
    const counts = await upcomingSessionsByVenue(em, [venue.id], now);
    return toAdminVenueType(venue, counts.get(venue.id) ?? 0);
  }

  async createVenue(viewer: Viewer, input: CreateVenueInput, now = this.clock.now()): Promise<AdminVenueType> {
    requireCoordinator(viewer);
    const rooms = this.checkRooms(input.rooms);
    const id = await this.em.fork().transactional(async (em) => {
      const venue = em.create(Venue, {
        name: input.name,
        address: input.address,
        rooms,
        capacity: input.capacity ?? null,
        accessibilityNotes: input.accessibilityNotes ?? null,
      });
      await em.flush();
      return venue.id;
    });
    return this.venue(viewer, id, now);
  }

  /** Changes a venue. A room still given to a coming session cannot be removed (or renamed). */
  async updateVenue(viewer: Viewer, input: UpdateVenueInput, now = this.clock.now()): Promise<AdminVenueType> {
    requireCoordinator(viewer);
    const rooms = this.checkRooms(input.rooms);
    await this.em.fork().transactional(async (em) => {
      if (!(await em.execute('select id from venue where id = ? for update', [input.id])).length) {
        throw venueNotFound();
      }
      const venue = await em.findOneOrFail(Venue, input.id);
      const removed = venue.rooms.filter((r) => !rooms.includes(r));
      if (removed.length) {
        const used = await em.execute<{ room: string; n: string }[]>(
          `select room, count(*) as n from session
            where venue_id = ? and room in (?) and status = ? and ends_at > ? group by room order by room`,
          [venue.id, removed, SessionStatus.SCHEDULED, now],
        );
        if (used.length) {
          const list = used.map((u) => `"${u.room}" (${plural(Number(u.n), 'coming session', 'coming sessions')})`).join(', ');
          throw badInput([{ field: 'input.rooms', message: `Rooms still in use cannot be removed: ${list}. Move those sessions first` }]);
        }
      }
      venue.name = input.name;
      venue.address = input.address;
      venue.rooms = rooms;
      venue.capacity = input.capacity ?? null;
      venue.accessibilityNotes = input.accessibilityNotes ?? null;
      await em.flush();
    });
    return this.venue(viewer, input.id, now);
  }

  /** Room names: unique whatever their case. */
  private checkRooms(rooms: string[]): string[] {
    const seen = new Map<string, string>();
    for (const room of rooms) {
      const key = room.toLowerCase();
      if (seen.has(key)) {
        throw badInput([{ field: 'input.rooms', message: `Give each room once: "${room}" is listed twice` }]);
      }
      seen.set(key, room);
    }
    return rooms;
  }
}
