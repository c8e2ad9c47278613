import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { loaderFor } from '../common/loaders';
import { RecordCompletionType } from '../records/training-record.types';
import { CertificateService } from './certificate.service';
import { CertificateSummaryType } from './certificates.types';

/**
 * Adds each completion's certificate to the training record. The record query has already checked that
 * the viewer may see the record (RecordAccess), so its rows' certificates are theirs to see too.
 */
@Resolver(() => RecordCompletionType)
export class RecordCertificateResolver {
  constructor(private readonly certificates: CertificateService) {}

  @ResolveField(() => CertificateSummaryType, {
    nullable: true,
    description: 'The live certificate of this completion (attended sessions only; none for learning elsewhere).',
  })
  certificate(@Parent() row: RecordCompletionType, @Context('req') req: object): Promise<CertificateSummaryType | null> {
    return loaderFor<CertificateSummaryType | null>(req, 'record.certificate', (ids) => this.certificates.forCompletions(ids), null).load(
      row.completionId,
    );
  }
}
