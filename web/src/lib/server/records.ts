import type { RequestEvent } from '@sveltejs/kit';
import {
  ExternalLearningEvidenceDocument,
  TrainingRecordCsvDocument,
  TrainingRecordDocument,
  TrainingRecordPdfDocument,
} from '@lh/graphql-client';
import { recordTabOf } from '$lib/records/record-format';
import { api, failLoad } from './api';
import { downloadFile } from './download';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

/**
 * A person's training record for a page: the API decides who may see it (the person, coordinators, the
 * lead of their agency) and answers NOT_FOUND to anyone else, which becomes the 404 page.
 */
export async function loadRecord(event: Event, personId: string) {
  try {
    const { trainingRecord } = await api(event, TrainingRecordDocument, { personId });
    return { record: trainingRecord, tab: recordTabOf(event.url.searchParams) };
  } catch (e) {
    failLoad(e, event);
  }
}

/** The record as a PDF or CSV download, for the same people. */
export async function recordDownload(event: Event, personId: string, kind: 'pdf' | 'csv'): Promise<Response> {
  try {
    if (kind === 'pdf') {
      const { trainingRecordPdf: f } = await api(event, TrainingRecordPdfDocument, { personId });
      return downloadFile(f, 'training-record.pdf');
    }
    const { trainingRecordCsv: f } = await api(event, TrainingRecordCsvDocument, { personId });
    return downloadFile(f, 'training-record.csv');
  } catch (e) {
    failLoad(e, event);
  }
}

/**
 * The evidence file of learning done elsewhere, through this server (never a public address): its own
 * content type (PDF, PNG or JPEG, from its bytes) and name, as a download.
 */
export async function evidenceDownload(event: Event, id: string): Promise<Response> {
  try {
    const { externalLearningEvidence: f } = await api(event, ExternalLearningEvidenceDocument, { id });
    return downloadFile(f, 'evidence');
  } catch (e) {
    failLoad(e, event);
  }
}
