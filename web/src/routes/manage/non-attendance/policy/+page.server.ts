import { redirect } from '@sveltejs/kit';
import { NonAttendancePolicyDocument, SetNonAttendancePolicyDocument, type ChargeAgencyType } from '@lh/graphql-client';
import { CHARGE_AGENCY_TYPES, chargeAgencyTypeLabels, poundsForForm, readPounds } from '@lh/domain';
import { api, failLoad } from '$lib/server/api';
import { UNREADABLE_NUMBER, submitForm, type FormProblem } from '$lib/server/forms';
import { requireViewer } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

/** What the form shows per agency type: pounds as typed, by the box's id (`rates.<i>.<field>`). */
export type PolicyValues = Record<string, string>;

const KINDS = [
  ['nonAttendancePence', 'a non-attendance'],
  ['lateCancellationPence', 'a late cancellation'],
] as const;
const box = (i: number, key: string) => `rates.${i}.${key}`;

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  try {
    const { nonAttendancePolicy } = await api(event, NonAttendancePolicyDocument, {});
    const values: PolicyValues = {};
    nonAttendancePolicy.forEach((r, i) => {
      values[box(i, 'nonAttendancePence')] = poundsForForm(r.nonAttendancePence);
      values[box(i, 'lateCancellationPence')] = poundsForForm(r.lateCancellationPence);
    });
    return { rates: nonAttendancePolicy, values, saved: event.url.searchParams.get('done') === 'saved' };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  /** Every type's two rates, in the order the page lists them (the API's). Amounts are read here; the API checks the range. */
  default: async (event) => {
    const form = await event.request.formData();
    const values: PolicyValues = {};
    const problems: FormProblem[] = [];
    const fields: string[] = [];
    const rates = CHARGE_AGENCY_TYPES.map((agencyType, i) => {
      const rate = { agencyType: agencyType as ChargeAgencyType, nonAttendancePence: 0, lateCancellationPence: 0 };
      for (const [key, what] of KINDS) {
        const id = box(i, key);
        fields.push(id);
        values[id] = String(form.get(id) ?? '').trim();
        const read = readPounds(values[id], `the charge for ${what} (${chargeAgencyTypeLabels[agencyType]})`);
        if ('problem' in read) {
          problems.push({ field: id, message: read.problem });
          rate[key] = UNREADABLE_NUMBER;
        } else {
          rate[key] = read.pence;
        }
      }
      return rate;
    });
    const sent = await submitForm({
      problems,
      fields,
      values,
      call: () => api(event, SetNonAttendancePolicyDocument, { input: { rates } }),
    });
    if (!sent.ok) {
      return sent.failure;
    }
    redirect(303, '/manage/non-attendance/policy?done=saved');
  },
};
