import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@lh/domain';

/**
 * Who trains which session (the `session_trainer` pivot), asked once for every page and service that
 * needs it: trainers' names on pages, and whether a person trains a session (the access rule of a
 * trainer's pages: the session's trainers and coordinators only). Intent-named queries, no rules.
 */
@Injectable()
export class SessionTrainerRepository {
  /** The names of each session's trainers, by name (sessions with none are left out). One query. */
  async namesBySession(em: EntityManager, sessionIds: readonly string[]): Promise<Map<string, string[]>> {
    const ids = sessionIds.filter(isUuid);
    if (!ids.length) {
      return new Map();
    }
    const rows = await em.execute<{ session_id: string; name: string }[]>(
      `select st.session_id, p.name from session_trainer st join person p on p.id = st.person_id
        where st.session_id in (?) order by p.name, p.id`,
      [ids],
    );
    const names = new Map<string, string[]>();
    for (const r of rows) {
      names.set(r.session_id, [...(names.get(r.session_id) ?? []), r.name]);
    }
    return names;
  }

  /** Whether the person is one of the session's trainers. */
  async isTrainerOn(em: EntityManager, sessionId: string, personId: string): Promise<boolean> {
    if (!isUuid(sessionId)) {
      return false;
    }
    const rows = await em.execute('select 1 from session_trainer where session_id = ? and person_id = ?', [sessionId, personId]);
    return rows.length > 0;
  }
}
