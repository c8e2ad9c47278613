import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { Role as RoleEnum } from '../common/graphql-enums';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import { ReasonArg } from '../common/text-arg';
import type { Viewer } from '../common/viewer';
import { CreatePersonInput, PeopleFilterInput, UpdatePersonInput } from './dto/people-admin.inputs';
import { PeopleAdminService } from './people-admin.service';
import { AdminPersonType, PeoplePageType } from './people-admin.types';
import { PersonStatusService } from './person-status.service';

/** Coordinators managing people: find, view, add, edit, roles, deactivate and reactivate. */
@Resolver(() => AdminPersonType)
export class PeopleAdminResolver {
  constructor(
    private readonly admin: PeopleAdminService,
    private readonly statuses: PersonStatusService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Query(() => PeoplePageType, { description: 'People by name or email, role, status and agency, 25 a page.' })
  people(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => PeopleFilterInput, nullable: true }) filter?: PeopleFilterInput,
  ): Promise<PeoplePageType> {
    return this.admin.search(viewer, filter ?? {});
  }

  @Roles(Role.COORDINATOR)
  @Query(() => AdminPersonType, { description: 'One person with their bookings and history.' })
  personAdmin(@CurrentViewer() viewer: Viewer, @IdArg('id') id: string): Promise<AdminPersonType> {
    return this.admin.person(viewer, id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminPersonType, { description: 'Adds a person, optionally mailing them a link to set a password.' })
  createPerson(@CurrentViewer() viewer: Viewer, @Args('input') input: CreatePersonInput): Promise<AdminPersonType> {
    return this.admin.createPerson(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminPersonType, { description: 'Mails a person a new link to set their password.' })
  sendPersonInvitation(@CurrentViewer() viewer: Viewer, @IdArg('personId') personId: string): Promise<AdminPersonType> {
    return this.admin.sendInvitation(viewer, personId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminPersonType, { description: "Changes a person's details." })
  updatePerson(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdatePersonInput): Promise<AdminPersonType> {
    return this.admin.updatePerson(viewer, input);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminPersonType, { description: "Sets a person's roles; the partnership always keeps an active coordinator." })
  setPersonRoles(
    @CurrentViewer() viewer: Viewer,
    @IdArg('personId') personId: string,
    @Args('roles', { type: () => [RoleEnum] }) roles: Role[],
    @ReasonArg() reason?: string,
  ): Promise<AdminPersonType> {
    return this.admin.setRoles(viewer, personId, roles, reason?.trim() || null);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminPersonType, {
    description: 'Closes a leaver’s account: no sign-in, sessions end, places on sessions not started are cancelled with the reason.',
  })
  deactivatePerson(
    @CurrentViewer() viewer: Viewer,
    @IdArg('personId') personId: string,
    @ReasonArg() reason?: string | null,
  ): Promise<AdminPersonType> {
    return this.statuses.deactivate(viewer, personId, reason ?? null);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminPersonType, { description: 'Lets a deactivated person sign in again.' })
  reactivatePerson(@CurrentViewer() viewer: Viewer, @IdArg('personId') personId: string): Promise<AdminPersonType> {
    return this.statuses.reactivate(viewer, personId);
  }
}
