import { Query, Resolver } from '@nestjs/graphql';
import { Public, SignedIn, CurrentViewer } from '../common/access.decorators';
import { IdArg } from '../common/ids';
import { TextArg } from '../common/text-arg';
import type { Viewer } from '../common/viewer';
import { RateLimitName } from '../auth/rate-limit.service';
import { RateLimited } from '../auth/rate-limited.decorator';
import { CertificateService, MALFORMED_CODE } from './certificate.service';
import { CertificateFileType, CertificateSummaryType, CertificateVerificationType } from './certificates.types';

/** Certificates: the holder's list and PDFs, and the public check of a code. */
@Resolver()
export class CertificatesResolver {
  constructor(private readonly certificates: CertificateService) {}

  @SignedIn()
  @Query(() => [CertificateSummaryType], { description: "The signed-in person's certificates, newest first, with their status today." })
  myCertificates(@CurrentViewer() viewer: Viewer): Promise<CertificateSummaryType[]> {
    return this.certificates.mine(viewer);
  }

  @SignedIn()
  @Query(() => CertificateFileType, {
    description: 'A certificate as an A4 PDF: for its holder, coordinators and the holder’s agency lead.',
  })
  certificatePdf(@CurrentViewer() viewer: Viewer, @IdArg('certificateId') certificateId: string): Promise<CertificateFileType> {
    return this.certificates.pdf(viewer, certificateId);
  }

  @Public()
  @RateLimited(RateLimitName.CERTIFICATE_VERIFY_PER_IP)
  @Query(() => CertificateVerificationType, {
    description: 'Checks a certificate code as typed or scanned: what the certificate prints and its status. Open to anyone, rate limited.',
  })
  verifyCertificate(@TextArg('code', { maxLength: 100, message: MALFORMED_CODE }) code: string): Promise<CertificateVerificationType> {
    return this.certificates.verify(code);
  }
}
