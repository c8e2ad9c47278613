import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, SessionStatus, formatLondonRange, type TimedPart } from '@lh/domain';
import type { Person } from '../people/person.entity';
import type { Session } from './session.entity';

/**
 * Trainers' timetables: changes to sessions' times and trainer assignments take one advisory lock,
 * so two of them can never both pass the "trainer already busy" check.
 */
@Injectable()
export class TrainerSchedule {
  async lock(em: EntityManager): Promise<void> {
    await em.execute(`select pg_advisory_xact_lock(hashtext('lh:trainer-schedules'))`);
  }

  /** Refuses when one of these trainers is on another (not cancelled) session at an overlapping time. */
  async refuseClash(em: EntityManager, session: Session, trainers: Person[], parts: TimedPart[], field: string): Promise<void> {
    if (!trainers.length || !parts.length) {
      return;
    }
    const values = parts.map(() => '(?::timestamptz, ?::timestamptz)').join(', ');
    const rows = await em.execute<{ person_id: string; title: string; starts_at: Date; ends_at: Date }[]>(
      `select st.person_id, c.title, p.starts_at, p.ends_at
         from session_trainer st
         join session s on s.id = st.session_id
         join course c on c.id = s.course_id
         join session_part p on p.session_id = s.id
         join (values ${values}) as n(starts_at, ends_at) on p.starts_at < n.ends_at and p.ends_at > n.starts_at
        where st.person_id in (?) and s.id <> ? and s.status = ?
        order by p.starts_at limit 1`,
      [...parts.flatMap((p) => [p.startsAt, p.endsAt]), trainers.map((t) => t.id), session.id, SessionStatus.SCHEDULED],
    );
    const clash = rows[0];
    if (!clash) {
      return;
    }
    const name = trainers.find((t) => t.id === clash.person_id)?.name ?? 'A trainer';
    const message = `${name} is already training on "${clash.title}" at that time (${formatLondonRange(new Date(clash.starts_at), new Date(clash.ends_at))})`;
    throw new DomainError(ErrorCode.TrainerUnavailable, `${message}.`, [{ field, message }]);
  }
}
