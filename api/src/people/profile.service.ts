import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, managerEmailProblem } from '@lh/domain';
import type { Viewer } from '../common/viewer';
import { Person } from './person.entity';
import { ProfileType } from './profile.type';
import type { UpdateProfileInput } from './dto/update-profile.input';

/** A person's own profile: only ever their own. */
@Injectable()
export class ProfileService {
  constructor(private readonly em: EntityManager) {}

  async myProfile(viewer: Viewer): Promise<ProfileType> {
    const person = await this.em.fork().findOneOrFail(Person, viewer.id, { populate: ['agency'] });
    return ProfileType.from(person);
  }

  /** Changes what the person keeps about themselves: their usual line manager, access and dietary needs (each only when given). */
  async updateMyProfile(viewer: Viewer, input: UpdateProfileInput): Promise<ProfileType> {
    const person = await this.em.fork().transactional(async (em) => {
      const me = await em.findOneOrFail(Person, viewer.id, { populate: ['agency'] });
      if (input.lineManagerEmail !== undefined) {
        const email = input.lineManagerEmail?.toLowerCase() ?? null;
        const problem = email ? managerEmailProblem({ managerEmail: email, bookerEmail: me.email, agency: me.agency }) : null;
        if (problem) {
          throw new DomainError(ErrorCode.BadUserInput, problem, [{ field: 'input.lineManagerEmail', message: problem }]);
        }
        me.lineManagerEmail = email;
      }
      if (input.accessNeeds !== undefined) {
        me.accessNeeds = input.accessNeeds;
      }
      if (input.dietaryNeeds !== undefined) {
        me.dietaryNeeds = input.dietaryNeeds;
      }
      return me;
    });
    return ProfileType.from(person);
  }
}
