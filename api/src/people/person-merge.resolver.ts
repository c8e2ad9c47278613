import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { AdminPersonType } from './people-admin.types';
import { PersonMergeService } from './person-merge.service';
import { MergePreviewType } from './person-merge.types';

/** Coordinators merging two accounts of one person. */
@Resolver(() => MergePreviewType)
export class PersonMergeResolver {
  constructor(private readonly merges: PersonMergeService) {}

  @Roles(Role.COORDINATOR)
  @Query(() => MergePreviewType, { description: 'What merging `mergeId` into `keepId` will do; changes nothing.' })
  mergePreview(
    @CurrentViewer() viewer: Viewer,
    @IdArg('keepId') keepId: string,
    @IdArg('mergeId') mergeId: string,
  ): Promise<MergePreviewType> {
    return this.merges.preview(viewer, keepId, mergeId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => AdminPersonType, { description: 'Moves everything of `mergeId` to `keepId` and removes `mergeId`, in one transaction.' })
  mergePeople(
    @CurrentViewer() viewer: Viewer,
    @IdArg('keepId') keepId: string,
    @IdArg('mergeId') mergeId: string,
  ): Promise<AdminPersonType> {
    return this.merges.merge(viewer, keepId, mergeId);
  }
}
