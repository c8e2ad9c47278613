import { Module, forwardRef } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordsModule } from '../records/records.module';
import { CertificateMailer } from './certificate-mailer';
import { CertificateRepository } from './certificate.repository';
import { CertificateService } from './certificate.service';
import { Certificates } from './certificates';
import { CertificatesResolver } from './certificates.resolver';
import { RecordCertificateResolver } from './record-certificate.resolver';

/**
 * Certificates: issued, revoked and superseded as completions change (Certificates, exported for the
 * registers' AttendanceOutcomes), the holder's list and PDFs, public verification by code, and
 * CertificateRepository (exported for training records).
 */
@Module({
  imports: [AuthModule, NotificationsModule, forwardRef(() => RecordsModule)],
  providers: [CertificateMailer, CertificateRepository, CertificateService, Certificates, CertificatesResolver, RecordCertificateResolver],
  exports: [Certificates, CertificateRepository, CertificateService],
})
export class CertificatesModule {}
