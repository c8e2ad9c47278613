import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AttendanceMark, BookingStatus, MarkSource } from '@lh/domain';

/** The current mark of one booking on one part: the latest event for it. */
export interface CurrentMark {
  eventId: string;
  bookingId: string;
  partId: string;
  mark: AttendanceMark | null;
  minutes: number | null;
  note: string | null;
  source: MarkSource;
  at: Date;
  actorName: string | null;
}

interface CurrentMarkRow {
  id: string;
  booking_id: string;
  part_id: string;
  mark: AttendanceMark | null;
  minutes: number | null;
  note: string | null;
  source: MarkSource;
  at: Date;
  actor_name: string | null;
}

/**
 * The queries about attendance that more than one service, page or report needs, each defined once:
 * the current register (derived from the mark events), who was on it, and the outcomes that follow.
 */
@Injectable()
export class AttendanceRepository {
  /** Locks the part's row for the rest of the transaction: every change to its register does this first. */
  async lockPart(em: EntityManager, partId: string): Promise<void> {
    await em.execute('select id from session_part where id = ? for update', [partId]);
  }

  /** The current marks on these parts (the latest event per booking and part), keyed `booking:part`. */
  async currentMarks(em: EntityManager, partIds: readonly string[], bookingIds?: readonly string[]): Promise<Map<string, CurrentMark>> {
    if (!partIds.length || bookingIds?.length === 0) {
      return new Map();
    }
    const rows = await em.execute<CurrentMarkRow[]>(
      `select distinct on (e.booking_id, e.part_id) e.id, e.booking_id, e.part_id, e.mark, e.minutes, e.note, e.source, e.at, p.name as actor_name
         from attendance_event e left join person p on p.id = e.actor_id
        where e.part_id in (?) ${bookingIds ? 'and e.booking_id in (?)' : ''}
        order by e.booking_id, e.part_id, e.at desc, e.recorded_at desc, e.id desc`,
      bookingIds ? [[...partIds], [...bookingIds]] : [[...partIds]],
    );
    return new Map(
      rows.map((r) => [
        markKey(r.booking_id, r.part_id),
        {
          eventId: r.id,
          bookingId: r.booking_id,
          partId: r.part_id,
          mark: r.mark,
          minutes: r.minutes,
          note: r.note,
          source: r.source,
          at: new Date(r.at),
          actorName: r.actor_name,
        },
      ]),
    );
  }

  /** Whether a device's mark (or batch of marks) with this id has been recorded already, and for which booking. */
  async bookingsMarkedWith(em: EntityManager, clientId: string): Promise<string[]> {
    const rows = await em.execute<{ booking_id: string }[]>('select distinct booking_id from attendance_event where client_id = ?', [
      clientId,
    ]);
    return rows.map((r) => r.booking_id);
  }

  /** Which of these client ids have been recorded already (a register file's cells carry one each). */
  async recordedClientIds(em: EntityManager, clientIds: readonly string[]): Promise<Set<string>> {
    if (!clientIds.length) {
      return new Set();
    }
    const rows = await em.execute<{ client_id: string }[]>('select distinct client_id from attendance_event where client_id in (?)', [
      [...clientIds],
    ]);
    return new Set(rows.map((r) => r.client_id));
  }

  /** The ids of the confirmed places on a session: who is on its registers. */
  async confirmedBookingIds(em: EntityManager, sessionId: string): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>('select id from booking where session_id = ? and status = ?', [
      sessionId,
      BookingStatus.CONFIRMED,
    ]);
    return rows.map((r) => r.id);
  }

  /** How many of a session's parts have a signed-off register. */
  async signedOffParts(em: EntityManager, sessionId: string): Promise<number> {
    const rows = await em.execute<{ n: string }[]>(
      `select count(*) as n from register_sign_off r join session_part p on p.id = r.part_id where p.session_id = ?`,
      [sessionId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Every mark on a person's places, newest first (at most `limit`), with the part's number in its session. */
  eventsForPerson(em: EntityManager, personId: string, limit: number): Promise<PersonMarkEvent[]> {
    return em.execute<PersonMarkEvent[]>(
      `select e.id, e.at, s.id as session_id, c.title as course_title, p.starts_at as part_starts_at,
              (select count(*) from session_part q where q.session_id = s.id and q.starts_at <= p.starts_at)::int as part_number,
              e.mark, e.minutes, e.previous_mark, e.previous_minutes, e.note, e.source, a.name as actor_name, e.reason
         from attendance_event e
         join booking b on b.id = e.booking_id
         join session_part p on p.id = e.part_id
         join session s on s.id = p.session_id
         join course c on c.id = s.course_id
         left join person a on a.id = e.actor_id
        where b.person_id = ?
        order by e.at desc, e.recorded_at desc, e.id desc
        limit ?`,
      [personId, limit],
    );
  }
}

export interface PersonMarkEvent {
  id: string;
  at: Date;
  session_id: string;
  course_title: string;
  part_number: number;
  part_starts_at: Date;
  mark: AttendanceMark | null;
  minutes: number | null;
  previous_mark: AttendanceMark | null;
  previous_minutes: number | null;
  note: string | null;
  source: MarkSource;
  actor_name: string | null;
  reason: string | null;
}

export const markKey = (bookingId: string, partId: string) => `${bookingId}:${partId}`;
