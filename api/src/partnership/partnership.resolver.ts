import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators';
import { PartnershipService } from './partnership.service';
import { PartnershipType } from './partnership.types';

@Resolver()
export class PartnershipResolver {
  constructor(private readonly service: PartnershipService) {}

  @Public()
  @Query(() => PartnershipType, { description: "The partnership running the service and the training team's contact details." })
  partnership(): PartnershipType {
    return this.service.details();
  }
}
