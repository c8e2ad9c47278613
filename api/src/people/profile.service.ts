import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { AgencyRequestKind, AgencyRequestStatus, DomainError, ErrorCode, managerEmailProblem, type FieldProblem } from '@lh/domain';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Agency } from './agency.entity';
import { AgencyRequest } from './agency-request.entity';
import { Person } from './person.entity';
import { ProfileType } from './profile.type';
import type { RequestAgencyMoveInput, UpdateProfileInput } from './dto/update-profile.input';

const pendingRequestOf = (em: EntityManager, personId: string) =>
  em.findOne(AgencyRequest, { person: personId, status: AgencyRequestStatus.PENDING }, { populate: ['requestedAgency'] });

/** A person's own profile: only ever their own. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async myProfile(viewer: Viewer): Promise<ProfileType> {
    const em = this.em.fork();
    const person = await em.findOneOrFail(Person, viewer.id, { populate: ['agency'] });
    return ProfileType.from(person, await pendingRequestOf(em, viewer.id));
  }

  /** Changes what the person keeps about themselves (name, job title, team, usual line manager, access and dietary needs): all problems at once. */
  async updateMyProfile(viewer: Viewer, input: UpdateProfileInput): Promise<ProfileType> {
    return this.em.fork().transactional(async (em) => {
      const me = await em.findOneOrFail(Person, viewer.id, { populate: ['agency'] });
      const problems: FieldProblem[] = [];
      if (input.name !== undefined && !input.name) {
        problems.push({ field: 'input.name', message: 'Enter your full name' });
      }
      let managerEmail: string | null | undefined;
      if (input.lineManagerEmail !== undefined) {
        managerEmail = input.lineManagerEmail?.toLowerCase() ?? null;
        const problem = managerEmail ? managerEmailProblem({ managerEmail, bookerEmail: me.email, agency: me.agency }) : null;
        if (problem) {
          problems.push({ field: 'input.lineManagerEmail', message: problem });
        }
      }
      if (problems.length) {
        throw new DomainError(ErrorCode.BadUserInput, problems.map((p) => p.message).join('; '), problems);
      }
      if (input.name) {
        me.name = input.name;
      }
      if (input.jobTitle !== undefined) {
        me.jobTitle = input.jobTitle ?? undefined;
      }
      if (input.team !== undefined) {
        me.team = input.team;
      }
      if (managerEmail !== undefined) {
        me.lineManagerEmail = managerEmail;
      }
      if (input.accessNeeds !== undefined) {
        me.accessNeeds = input.accessNeeds;
      }
      if (input.dietaryNeeds !== undefined) {
        me.dietaryNeeds = input.dietaryNeeds;
      }
      await em.flush();
      return ProfileType.from(me, await pendingRequestOf(em, me.id));
    });
  }

  /**
   * Asks to move to another agency (from the list, or one not listed, by name). A coordinator confirms
   * it in their queue; until then the person stays in their agency. Asking again replaces the request.
   */
  async requestAgencyMove(viewer: Viewer, input: RequestAgencyMoveInput, now = this.clock.now()): Promise<ProfileType> {
    return this.em.fork().transactional(async (em) => {
      const me = await em.findOneOrFail(Person, viewer.id, { populate: ['agency'], lockMode: LockMode.PESSIMISTIC_WRITE });
      const refuse = (field: string, message: string) => new DomainError(ErrorCode.BadUserInput, message, [{ field, message }]);
      let agency: Agency | null = null;
      const name = input.agencyName?.trim() || null;
      if (input.agencyId && name) {
        throw refuse('input.agencyId', 'Choose your new agency from the list, or say it is not listed and enter its name, not both');
      } else if (input.agencyId) {
        agency = await em.findOne(Agency, input.agencyId);
        if (!agency || agency.retiredAt) {
          throw refuse(
            'input.agencyId',
            agency ? `${agency.name} is no longer one of the partnership's agencies` : 'Choose your new agency from the list',
          );
        }
      } else if (name) {
        agency = await em.findOne(Agency, { name: { $ilike: name.replace(/[\\%_]/g, '\\$&') }, retiredAt: null });
      } else if (typeof input.agencyName === 'string') {
        throw refuse('input.agencyName', "Enter your agency's name");
      } else {
        throw refuse('input.agencyId', 'Choose your new agency, or say it is not listed and enter its name');
      }
      if (agency && agency.id === me.agency?.id) {
        throw refuse('input.agencyId', `You are already in ${agency.name}`);
      }
      const pending = await pendingRequestOf(em, me.id);
      const request =
        pending ??
        em.create(AgencyRequest, { person: me, kind: me.agency ? AgencyRequestKind.MOVE : AgencyRequestKind.JOIN, createdAt: now });
      request.fromAgency = me.agency ?? null;
      request.requestedAgency = agency;
      request.requestedName = agency ? null : name;
      request.createdAt = now;
      await em.flush();
      return ProfileType.from(me, request);
    });
  }
}
