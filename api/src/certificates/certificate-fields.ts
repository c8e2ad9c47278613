import { randomBytes } from 'node:crypto';
import { CERTIFICATE_CODE_LENGTH, CertificateStatus, certificateCodeFrom, certificateExpiresOn } from '@lh/domain';
import type { TrainingCompletion } from '../records/training-completion.entity';
import type { Certificate } from './certificate.entity';

/** A new certificate code: 100 bits from the operating system's cryptographic random source. */
export function newCertificateCode(): string {
  return certificateCodeFrom(randomBytes(CERTIFICATE_CODE_LENGTH));
}

/**
 * What a certificate of `completion` prints and holds when issued at `issuedAt` (completion with person
 * and course loaded). Used by Certificates when outcomes change, and by the demo seed.
 */
export function certificateFields(
  completion: TrainingCompletion,
  o: { partnershipName: string; issuedAt: Date; replaces?: Certificate | null },
): Omit<Certificate, 'id'> {
  const validMonths = completion.course?.certificateValidMonths ?? null;
  return {
    code: newCertificateCode(),
    completion,
    person: completion.person,
    course: completion.course ?? null,
    holderName: completion.person.name,
    courseTitle: completion.title,
    level: completion.level ?? null,
    startedOn: completion.startedOn,
    completedOn: completion.completedOn,
    minutes: completion.minutes,
    partnershipName: o.partnershipName,
    issuedAt: o.issuedAt,
    expiresOn: certificateExpiresOn(completion.completedOn, validMonths),
    status: CertificateStatus.VALID,
    revokedAt: null,
    revokedReason: null,
    replaces: o.replaces ?? null,
    supersededBy: null,
  };
}

/** Whether `completion` now prints differently from `certificate` (a new certificate must replace it). */
export function printedFieldsChanged(certificate: Certificate, completion: TrainingCompletion): boolean {
  return (
    certificate.minutes !== completion.minutes ||
    certificate.courseTitle !== completion.title ||
    (certificate.level ?? null) !== (completion.level ?? null) ||
    certificate.startedOn !== completion.startedOn ||
    certificate.completedOn !== completion.completedOn
  );
}
