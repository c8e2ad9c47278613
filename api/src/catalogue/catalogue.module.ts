import { Module } from '@nestjs/common';
import { CatalogueResolver } from './catalogue.resolver';
import { CatalogueService } from './catalogue.service';

@Module({ providers: [CatalogueService, CatalogueResolver] })
export class CatalogueModule {}
