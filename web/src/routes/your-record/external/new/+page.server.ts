import { redirect } from '@sveltejs/kit';
import { SubmitExternalLearningDocument } from '@lh/graphql-client';
import { describeBytes } from '@lh/domain';
import { dateErrorField } from '$lib/date-parts';
import { requireViewer } from '$lib/server/access';
import { api } from '$lib/server/api';
import { config } from '$lib/server/config';
import { UNREADABLE_DATE, UNREADABLE_NUMBER, failFromApi, submitForm, type FormProblem } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The header the API needs to take a request larger than its usual limit (an evidence file, base64). */
const UPLOAD_HEADERS = { 'x-lh-upload': 'evidence' };

/** The form's fields, top to bottom (the order of the error summary). */
const FIELDS = ['title', 'provider', 'completedOn', 'hours', 'level', 'evidence'];

type ExternalFormValues = {
  title: string;
  provider: string;
  completedOn: { day: string; month: string; year: string };
  hours: string;
  level: string;
};

export const load: PageServerLoad = async (event) => {
  requireViewer(event);
  return { maxSize: describeBytes(config.evidenceMaxBytes) };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const actions: Actions = {
  default: async (event) => {
    requireViewer(event);
    const form = await event.request.formData();
    const values: ExternalFormValues = {
      title: text(form, 'title'),
      provider: text(form, 'provider'),
      completedOn: { day: text(form, 'completedOn-day'), month: text(form, 'completedOn-month'), year: text(form, 'completedOn-year') },
      hours: text(form, 'hours'),
      level: text(form, 'level'),
    };
    const problems: FormProblem[] = [];
    const d = values.completedOn;
    const completedOn =
      /^\d{1,2}$/.test(d.day) && /^\d{1,2}$/.test(d.month) && /^\d{4}$/.test(d.year)
        ? `${d.year}-${d.month.padStart(2, '0')}-${d.day.padStart(2, '0')}`
        : UNREADABLE_DATE;
    const hours = Number(values.hours);
    if (!values.hours || !/^\d*(\.\d+)?$/.test(values.hours) || !Number.isFinite(hours)) {
      problems.push({ field: 'hours', message: 'Enter the hours as a number, like 1.5' });
    }
    const file = form.get('evidence');
    const bytes = file instanceof File && file.size > 0 ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const outcome = await submitForm({
      problems,
      fields: FIELDS,
      values,
      call: () =>
        api(
          event,
          SubmitExternalLearningDocument,
          {
            input: {
              title: values.title,
              provider: values.provider,
              completedOn,
              hours: problems.length ? UNREADABLE_NUMBER : hours,
              level: values.level ? Number(values.level) : null,
              evidenceFileName: file instanceof File ? file.name : '',
              evidenceBase64: bytes.toString('base64'),
            },
          },
          { headers: UPLOAD_HEADERS },
        ),
      failure: (e) => {
        const failure = failFromApi(e, [...FIELDS, 'evidenceFileName', 'evidenceBase64'], values);
        for (const p of failure.data.errors) {
          if (p.field === 'completedOn') {
            p.field = dateErrorField('completedOn', values.completedOn);
          } else if (p.field === 'evidenceFileName' || p.field === 'evidenceBase64') {
            p.field = 'evidence';
          }
        }
        return failure;
      },
    });
    if (!outcome.ok) {
      return outcome.failure;
    }
    redirect(303, '/your-record?added=1');
  },
};
