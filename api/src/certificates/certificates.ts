import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificateStatus } from '@lh/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { OutcomeCause } from '../non-attendance/non-attendance-charges';
import { CompletionChangeKind, type CompletionChange } from '../records/session-completions';
import type { TrainingCompletion } from '../records/training-completion.entity';
import { Certificate } from './certificate.entity';
import { certificateFields, printedFieldsChanged } from './certificate-fields';
import { CertificateMailer } from './certificate-mailer';
import { CertificateRepository } from './certificate.repository';

/**
 * Issues and withdraws certificates as completions change, in the transaction that changed them (called
 * by AttendanceOutcomes.decide with SessionCompletions' changes): a completion gets a certificate; a
 * correction that revokes the completion revokes its certificate with the same reason and date; one that
 * restores it issues a new certificate naming the revoked one; a change to what the certificate prints
 * (the hours) issues a new one and marks the old SUPERSEDED by it. The holder is mailed each time.
 */
@Injectable()
export class Certificates {
  constructor(
    private readonly repo: CertificateRepository,
    private readonly mailer: CertificateMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async completionsChanged(em: EntityManager, changes: readonly CompletionChange[], now: Date, cause?: OutcomeCause): Promise<void> {
    if (!changes.length) {
      return;
    }
    const completions = changes.map((c) => c.completion);
    await em.populate(completions, ['person', 'course']);
    const latest = await this.repo.latestFor(
      em,
      completions.map((c) => c.id),
    );
    for (const { completion, kind } of changes) {
      const last = latest.get(completion.id) ?? null;
      const live = last?.status === CertificateStatus.VALID ? last : null;
      switch (kind) {
        case CompletionChangeKind.COMPLETED:
          if (!live) {
            await this.issue(em, completion, now, null);
          }
          break;
        case CompletionChangeKind.REVOKED:
          if (live) {
            live.status = CertificateStatus.REVOKED;
            live.revokedAt = completion.revokedAt ?? now;
            live.revokedReason = completion.revokedReason ?? cause?.reason ?? null;
            await this.mailer.revoked(em, live);
          }
          break;
        case CompletionChangeKind.RESTORED:
          if (!live) {
            const next = await this.issue(em, completion, now, last);
            if (last) {
              last.supersededBy = next;
            }
          }
          break;
        case CompletionChangeKind.UPDATED:
          if (!live) {
            await this.issue(em, completion, now, last);
          } else if (printedFieldsChanged(live, completion)) {
            const next = await this.issue(em, completion, now, live);
            live.status = CertificateStatus.SUPERSEDED;
            live.supersededBy = next;
          }
          break;
      }
    }
    await em.flush();
  }

  private async issue(em: EntityManager, completion: TrainingCompletion, now: Date, replaces: Certificate | null): Promise<Certificate> {
    const certificate = em.create(
      Certificate,
      certificateFields(completion, { partnershipName: this.config.partnershipName, issuedAt: now, replaces }),
    );
    em.persist(certificate);
    await this.mailer.issued(em, certificate);
    return certificate;
  }
}
