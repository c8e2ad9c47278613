import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MailKind, formatCalendarDate, formatCertificateCode, formatCertificateHours } from '@lh/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import * as templates from '../notifications/mail-templates';
import type { Certificate } from './certificate.entity';

/** Where a certificate is checked: the page its QR code opens. */
export const verifyUrl = (webOrigin: string, code: string) => `${webOrigin}/verify/${formatCertificateCode(code)}`;
/** Where its holder (or whoever may see their record) downloads it. */
export const certificatePdfPath = (certificateId: string) => `/certificates/${certificateId}/certificate.pdf`;

/** The mails to a certificate's holder, queued in the transaction that issued or revoked it. */
@Injectable()
export class CertificateMailer {
  constructor(
    private readonly outbox: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private details(c: Certificate) {
    return {
      partnershipName: this.config.partnershipName,
      recipientName: c.person.name,
      courseTitle: c.courseTitle,
      code: formatCertificateCode(c.code),
      completedOn: formatCalendarDate(c.completedOn),
      contact: { email: this.config.partnershipContactEmail, phone: this.config.partnershipContactPhone },
    };
  }

  /** `certificate` with its person loaded. */
  async issued(em: EntityManager, certificate: Certificate): Promise<void> {
    const origin = this.config.webOrigin;
    await this.outbox.enqueue(em, {
      kind: MailKind.CERTIFICATE_ISSUED,
      to: { email: certificate.person.email, name: certificate.person.name },
      ...templates.certificateIssued({
        ...this.details(certificate),
        hours: formatCertificateHours(certificate.minutes),
        expiresOn: certificate.expiresOn ? formatCalendarDate(certificate.expiresOn) : null,
        replacesEarlier: !!certificate.replaces,
        links: {
          download: `${origin}${certificatePdfPath(certificate.id)}`,
          verify: verifyUrl(origin, certificate.code),
          certificates: `${origin}/certificates`,
        },
      }),
      personId: certificate.person.id,
    });
  }

  async revoked(em: EntityManager, certificate: Certificate): Promise<void> {
    await this.outbox.enqueue(em, {
      kind: MailKind.CERTIFICATE_REVOKED,
      to: { email: certificate.person.email, name: certificate.person.name },
      ...templates.certificateRevoked({
        ...this.details(certificate),
        reason: certificate.revokedReason ?? 'The register was corrected',
        links: { certificates: `${this.config.webOrigin}/certificates` },
      }),
      personId: certificate.person.id,
    });
  }
}
