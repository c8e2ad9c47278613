import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, isUuid } from '@lh/domain';
import { canSeeRecordOf } from '../common/access';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';

/**
 * The one check in front of a person's training record and everything in it (completions, certificates,
 * evidence files, mandatory training): the person, coordinators, and the agency lead of the person's
 * agency. Anyone else is told there is no such person, so nobody learns whom the partnership holds.
 */
@Injectable()
export class RecordAccess {
  async person(em: EntityManager, viewer: Viewer | undefined, personId: string): Promise<Person> {
    const person = isUuid(personId) ? await em.findOne(Person, personId, { populate: ['agency'] }) : null;
    if (!person || !canSeeRecordOf(viewer, { id: person.id, agencyId: person.agency?.id ?? null })) {
      throw new DomainError(ErrorCode.NotFound, 'There is no training record for that person, or you cannot see it.');
    }
    return person;
  }
}
