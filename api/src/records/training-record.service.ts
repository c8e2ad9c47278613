import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  bookingStatusLabels,
  completionSourceLabels,
  courseOutcomeLabels,
  externalLearningStatusLabels,
  minutesToHours,
  toCsv,
  BookingStatus,
  formatCertificateCode,
  AuditAction,
} from '@lh/domain';
import { fileNameFor } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Booking } from '../booking/booking.entity';
import type { Person } from '../people/person.entity';
import { AttendanceOutcome } from '../registers/attendance-outcome.entity';
import { ExternalLearning } from './external-learning.entity';
import { RecordAccess } from './record-access';
import { renderRecordPdf } from './record-pdf';
import { CertificateRepository } from '../certificates/certificate.repository';
import { TrainingCompletionRepository } from './training-completion.repository';
import type { ExternalLearningType, RecordCompletionType, RecordPlaceType, TrainingRecordType } from './training-record.types';
import type { DownloadFileType } from '../exports/download-file.types';
import { AuditLog } from '../audit/audit-log';

const hoursOf = (minutes: number) => Number(minutesToHours(minutes));

/** Learning done elsewhere as the record and the coordinators' queue show it. */
export function externalLearningType(e: ExternalLearning): ExternalLearningType {
  return {
    id: e.id,
    personId: e.person.id,
    personName: e.person.name,
    agencyName: e.person.agency?.name ?? null,
    title: e.title,
    provider: e.provider,
    completedOn: e.completedOn,
    minutes: e.minutes,
    hours: hoursOf(e.minutes),
    level: e.level ?? null,
    status: e.status,
    statusLabel: externalLearningStatusLabels[e.status],
    submittedAt: e.submittedAt,
    decidedAt: e.decidedAt ?? null,
    decidedByName: e.decidedBy?.name ?? null,
    rejectionReason: e.rejectionReason ?? null,
    evidenceFileName: e.evidence.fileName,
    evidenceContentType: e.evidence.contentType,
    evidenceSizeBytes: e.evidence.sizeBytes,
  };
}

/** What happened to a place, in words, for the record's second tab. */
export function placeLabel(status: BookingStatus, lateCancellation: boolean, outcome: RecordPlaceType['outcome']): string {
  if (outcome) {
    return courseOutcomeLabels[outcome];
  }
  if (status === BookingStatus.CANCELLED) {
    return lateCancellation ? 'Cancelled late' : 'Cancelled';
  }
  return status === BookingStatus.CONFIRMED ? 'Booked' : bookingStatusLabels[status];
}

/**
 * A person's training record, for the person, coordinators and their agency's lead (RecordAccess):
 * the live completions (revoked ones are not shown as completed) with the session's trainers, every place
 * booked with what became of it, and the learning done elsewhere they entered. Also as CSV and PDF.
 */
@Injectable()
export class TrainingRecordService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RecordAccess,
    private readonly completions: TrainingCompletionRepository,
    private readonly certificates: CertificateRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(viewer: Viewer | undefined, personId: string): Promise<TrainingRecordType> {
    const em = this.em.fork();
    const person = await this.access.person(em, viewer, personId);
    return this.recordOf(em, person);
  }

  /** Each completion's live certificate code, as printed (for the CSV and the PDF). */
  private async certificateCodes(record: TrainingRecordType): Promise<Map<string, string>> {
    const live = await this.certificates.currentFor(
      this.em.fork(),
      record.completions.map((c) => c.completionId),
    );
    return new Map([...live].map(([id, c]) => [id, formatCertificateCode(c.code)]));
  }

  async csv(viewer: Viewer | undefined, personId: string): Promise<DownloadFileType> {
    const record = await this.record(viewer, personId);
    const codes = await this.certificateCodes(record);
    const rows = [
      [
        'Course',
        'Source',
        'Provider',
        'Started',
        'Completed',
        'Hours',
        'Level',
        'Priority area',
        'Trainer',
        'Agency at the time',
        'Certificate code',
      ],
      ...record.completions.map((c) => [
        c.title,
        c.sourceLabel,
        c.provider ?? '',
        c.startedOn,
        c.completedOn,
        minutesToHours(c.minutes),
        c.level ?? '',
        c.priorityArea ?? '',
        c.trainers.join('; '),
        c.agencyName ?? '',
        codes.get(c.completionId) ?? '',
      ]),
    ];
    await this.auditExport(viewer, record, 'CSV', this.clock.now());
    return {
      fileName: `${fileNameFor(`Training record ${record.personName}`)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      base64: Buffer.from(`\uFEFF${toCsv(rows)}`, 'utf8').toString('base64'),
    };
  }

  async pdf(viewer: Viewer | undefined, personId: string, now = this.clock.now()): Promise<DownloadFileType> {
    const record = await this.record(viewer, personId);
    const pdf = await renderRecordPdf({
      partnershipName: this.config.partnershipName,
      record,
      certificateCodes: await this.certificateCodes(record),
      generatedAt: now,
    });
    await this.auditExport(viewer, record, 'PDF', now);
    return {
      fileName: `${fileNameFor(`Training record ${record.personName}`)}.pdf`,
      contentType: 'application/pdf',
      base64: pdf.toString('base64'),
    };
  }

  /** Someone downloading another person's record is an export of personal data (the audit log); their own is not. */
  private async auditExport(viewer: Viewer | undefined, record: TrainingRecordType, format: 'CSV' | 'PDF', now: Date): Promise<void> {
    if (viewer?.id === record.personId) {
      return;
    }
    await this.em.fork().transactional(async (em) => {
      AuditLog.record(em, viewer, {
        action: AuditAction.PERSONAL_DATA_EXPORTED,
        at: now,
        subject: { type: 'training_record', id: record.personId },
        subjectPerson: { id: record.personId, name: record.personName },
        after: { file: 'Training record', format },
      });
    });
  }

  private async recordOf(em: EntityManager, person: Person): Promise<TrainingRecordType> {
    const live = await this.completions.liveFor(em, [person.id]);
    await em.populate(live, ['session.trainers']);
    const completions: RecordCompletionType[] = live.map((c) => ({
      completionId: c.id,
      source: c.source,
      sourceLabel: completionSourceLabels[c.source],
      title: c.title,
      provider: c.provider ?? null,
      outcome: c.outcome ?? null,
      startedOn: c.startedOn,
      completedOn: c.completedOn,
      minutes: c.minutes,
      hours: hoursOf(c.minutes),
      level: c.level ?? null,
      priorityArea: c.priorityArea?.name ?? null,
      trainers: c.session
        ? c.session.trainers
            .getItems()
            .map((t) => t.name)
            .sort((a, b) => a.localeCompare(b, 'en-GB'))
        : [],
      agencyName: c.agency?.name ?? null,
      courseId: c.course?.id ?? null,
    }));
    const bookings = await em.find(
      Booking,
      { person: person.id },
      { populate: ['session.course'], orderBy: { session: { startsAt: 'desc' } } },
    );
    const outcomes = bookings.length
      ? new Map(
          (await em.find(AttendanceOutcome, { booking: bookings.map((b) => b.id) }, { populate: ['booking'] })).map((o) => [
            o.booking.id,
            o.outcome,
          ]),
        )
      : new Map();
    const places: RecordPlaceType[] = bookings.map((b) => {
      const outcome = outcomes.get(b.id) ?? null;
      return {
        bookingId: b.id,
        courseTitle: b.session.course.title,
        sessionStartsAt: b.session.startsAt,
        status: b.status,
        cancelledAt: b.cancelledAt ?? null,
        lateCancellation: b.lateCancellation,
        outcome,
        label: placeLabel(b.status, b.lateCancellation, outcome),
      };
    });
    const external = await em.find(
      ExternalLearning,
      { person: person.id },
      { populate: ['evidence', 'decidedBy', 'person.agency'], orderBy: { submittedAt: 'desc' } },
    );
    return {
      personId: person.id,
      personName: person.name,
      personEmail: person.email,
      agencyName: person.agency?.name ?? null,
      completions,
      totalMinutes: completions.reduce((n, c) => n + c.minutes, 0),
      places,
      externalLearning: external.map(externalLearningType),
    };
  }
}
