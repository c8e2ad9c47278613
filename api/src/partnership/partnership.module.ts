import { Module } from '@nestjs/common';
import { PartnershipResolver } from './partnership.resolver';
import { PartnershipService } from './partnership.service';

@Module({ providers: [PartnershipService, PartnershipResolver] })
export class PartnershipModule {}
