import type { EntityManager } from '@mikro-orm/postgresql';
import { CompletionSource, ExternalLearningStatus, londonParts } from '@lh/domain';
import type { Course } from '../catalogue/course.entity';
import type { Person } from '../people/person.entity';
import { EvidenceFile } from '../records/evidence-file.entity';
import { ExternalLearning } from '../records/external-learning.entity';
import { TrainingCompletion } from '../records/training-completion.entity';

/** The demo e-learning course's link and the provider's code for it (what an export names it by). */
export const DEMO_ELEARNING = { url: 'https://elearning.example.org/courses/domestic-abuse-basics', code: 'DA-BASIC-1' };

/** A one-page PDF saying what it is: a real file a browser opens, small enough to keep in the seed. */
export function demoCertificatePdf(line: string): Buffer {
  const text = line.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function evidence(em: EntityManager, fileName: string, line: string, now: Date): EvidenceFile {
  const bytes = demoCertificatePdf(line);
  return em.create(EvidenceFile, {
    fileName,
    contentType: 'application/pdf',
    sizeBytes: bytes.length,
    storedIn: 'DATABASE',
    content: bytes,
    createdAt: now,
  });
}

/**
 * The training-record part of the demo: the domestic abuse e-learning links out to the provider (with its
 * code for imports), and the demo practitioner has learning done elsewhere, one entry verified by a
 * coordinator (on the record as "External, evidence seen") and one waiting in the coordinators' queue.
 */
export function seedDemoRecords(em: EntityManager, o: { elearning: Course; practitioner: Person; coordinator: Person; now: Date }): void {
  o.elearning.learningUrl = DEMO_ELEARNING.url;
  o.elearning.externalCode = DEMO_ELEARNING.code;
  const daysAgo = (days: number) => new Date(o.now.getTime() - days * 86_400_000);
  const verifiedOn = londonParts(daysAgo(60)).date;
  const verified = em.create(ExternalLearning, {
    person: o.practitioner,
    title: 'Safeguarding children level 3 (health)',
    provider: 'Northshire NHS Trust learning team',
    completedOn: verifiedOn,
    minutes: 360,
    level: 3,
    evidence: evidence(em, 'level-3-certificate.pdf', `Certificate: ${o.practitioner.name}, Safeguarding children level 3`, o.now),
    status: ExternalLearningStatus.VERIFIED,
    submittedAt: daysAgo(55),
    decidedAt: daysAgo(50),
    decidedBy: o.coordinator,
  });
  verified.completion = em.create(TrainingCompletion, {
    person: o.practitioner,
    source: CompletionSource.EXTERNAL,
    title: verified.title,
    provider: verified.provider,
    level: 3,
    minutes: 360,
    startedOn: verifiedOn,
    completedOn: verifiedOn,
    agency: o.practitioner.agency ?? null,
    recordedAt: verified.decidedAt!,
  });
  em.create(ExternalLearning, {
    person: o.practitioner,
    title: 'Perinatal mental health awareness',
    provider: 'Maternal Mental Health Alliance',
    completedOn: londonParts(daysAgo(10)).date,
    minutes: 150,
    level: 2,
    evidence: evidence(em, 'perinatal-mental-health.pdf', `Certificate: ${o.practitioner.name}, Perinatal mental health awareness`, o.now),
    status: ExternalLearningStatus.PENDING,
    submittedAt: daysAgo(3),
  });
}
