import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  CERTIFICATE_CODE_EXAMPLE,
  DomainError,
  ErrorCode,
  CERTIFICATE_REMOVED,
  CertificateStatus,
  certificateStatus,
  formatCalendarDate,
  formatCertificateCode,
  formatCertificateHours,
  isUuid,
  londonParts,
  normaliseCertificateCode,
} from '@lh/domain';
import { fileNameFor } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RecordAccess } from '../records/record-access';
import { Certificate } from './certificate.entity';
import { certificatePdfPath, verifyUrl } from './certificate-mailer';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificateRepository } from './certificate.repository';
import type {
  CertificateFileType,
  CertificateSummaryType,
  CertificateVerificationType,
  VerifiedCertificateType,
} from './certificates.types';

export const MALFORMED_CODE = `Enter the code as it is printed on the certificate, for example ${CERTIFICATE_CODE_EXAMPLE}`;
export const UNKNOWN_CODE = 'No certificate has this code';
const NOT_FOUND = 'There is no such certificate, or you cannot see it.';

/**
 * Certificates for the people who hold them (and whoever may see their record: coordinators, their
 * agency's lead), and their verification by anyone with the code.
 */
@Injectable()
export class CertificateService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: CertificateRepository,
    private readonly access: RecordAccess,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The summary lists show (status on today's London date). */
  summary(c: Certificate, today: string): CertificateSummaryType {
    return {
      id: c.id,
      code: formatCertificateCode(c.code),
      status: certificateStatus(c, today),
      courseTitle: c.courseTitle,
      level: c.level ?? null,
      completedOn: c.completedOn,
      expiresOn: c.expiresOn ?? null,
      issuedAt: c.issuedAt,
      pdfPath: certificatePdfPath(c.id),
      verifyPath: `/verify/${formatCertificateCode(c.code)}`,
    };
  }

  /**
   * The live certificate of each completion, for a record the caller has already let the viewer see
   * (the training record resolves its rows' certificates through this).
   */
  async forCompletions(completionIds: readonly string[], now = this.clock.now()): Promise<Map<string, CertificateSummaryType>> {
    const today = londonParts(now).date;
    const live = await this.repo.currentFor(this.em.fork(), completionIds);
    return new Map([...live].map(([id, c]) => [id, this.summary(c, today)]));
  }

  /** The viewer's own certificates, newest first, every status. */
  async mine(viewer: Viewer, now = this.clock.now()): Promise<CertificateSummaryType[]> {
    const today = londonParts(now).date;
    return (await this.repo.ofPerson(this.em.fork(), viewer.id)).map((c) => this.summary(c, today));
  }

  /** A certificate as a PDF, for its holder, coordinators and the holder's agency lead (RecordAccess). */
  async pdf(viewer: Viewer, certificateId: string): Promise<CertificateFileType> {
    const em = this.em.fork();
    const c = isUuid(certificateId) ? await em.findOne(Certificate, certificateId) : null;
    if (!c) {
      throw new DomainError(ErrorCode.NotFound, NOT_FOUND);
    }
    await this.access.person(em, viewer, c.person.id);
    const dates =
      c.startedOn === c.completedOn
        ? formatCalendarDate(c.completedOn)
        : `${formatCalendarDate(c.startedOn)} to ${formatCalendarDate(c.completedOn)}`;
    const pdf = await renderCertificatePdf({
      partnershipName: c.partnershipName,
      holderName: c.holderName,
      courseTitle: c.courseTitle,
      level: c.level ?? null,
      dates,
      hours: formatCertificateHours(c.minutes),
      code: formatCertificateCode(c.code),
      issuedOn: formatCalendarDate(londonParts(c.issuedAt).date),
      expiresOn: c.expiresOn ? formatCalendarDate(c.expiresOn) : null,
      verifyUrl: verifyUrl(this.config.webOrigin, c.code),
      issuedAt: c.issuedAt,
    });
    return { fileName: `Certificate ${fileNameFor(c.courseTitle)} ${c.completedOn}.pdf`, base64: pdf.toString('base64') };
  }

  /**
   * What anyone with the code may know: the printed fields and the status. A code typed any way is read
   * (normaliseCertificateCode); one that cannot be a code, or that no certificate has, is answered with a
   * problem to show on the form, and an unknown code costs the same single lookup as a known one.
   */
  async verify(typed: string, now = this.clock.now()): Promise<CertificateVerificationType> {
    const code = normaliseCertificateCode(typed);
    if (!code) {
      return { code: null, problem: MALFORMED_CODE, certificate: null };
    }
    const c = await this.repo.byCode(this.em.fork(), code);
    if (!c) {
      return { code: formatCertificateCode(code), problem: UNKNOWN_CODE, certificate: null };
    }
    if (c.status === CertificateStatus.REMOVED) {
      return { code: formatCertificateCode(code), problem: CERTIFICATE_REMOVED, certificate: null };
    }
    return { code: formatCertificateCode(code), problem: null, certificate: this.verified(c, londonParts(now).date) };
  }

  private verified(c: Certificate, today: string): VerifiedCertificateType {
    return {
      code: formatCertificateCode(c.code),
      holderName: c.holderName,
      courseTitle: c.courseTitle,
      level: c.level ?? null,
      startedOn: c.startedOn,
      completedOn: c.completedOn,
      minutes: c.minutes,
      partnershipName: c.partnershipName,
      issuedOn: londonParts(c.issuedAt).date,
      status: certificateStatus(c, today),
      expiresOn: c.expiresOn ?? null,
      revokedOn: c.revokedAt ? londonParts(c.revokedAt).date : null,
      supersededOn: c.supersededBy ? londonParts(c.supersededBy.issuedAt).date : null,
    };
  }
}
