import { Module } from '@nestjs/common';
import { CatalogueResolver } from './catalogue.resolver';
import { CatalogueService } from './catalogue.service';
import { CourseAdminResolver } from './course-admin.resolver';
import { CourseAdminService } from './course-admin.service';

@Module({ providers: [CatalogueService, CatalogueResolver, CourseAdminService, CourseAdminResolver] })
export class CatalogueModule {}
