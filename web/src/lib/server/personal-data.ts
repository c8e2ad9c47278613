import type { RequestEvent } from '@sveltejs/kit';
import { PersonalDataFileDocument } from '@lh/graphql-client';
import { api, failLoad } from './api';
import { downloadFile } from './download';

/** All personal data held about a person as a download (`?format=html`, the default, or `json`); the API decides who may. */
export async function personalDataDownload(event: RequestEvent, personId: string): Promise<Response> {
  const format = event.url.searchParams.get('format') === 'json' ? 'JSON' : 'HTML';
  try {
    const { personalDataFile } = await api(event, PersonalDataFileDocument, { personId, format });
    return downloadFile(personalDataFile, format === 'JSON' ? 'personal-data.json' : 'personal-data.html');
  } catch (e) {
    failLoad(e, event);
  }
}
