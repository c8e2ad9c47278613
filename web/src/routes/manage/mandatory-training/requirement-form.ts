import type { AgencySector, MandatoryRequirementInput, Role } from '@lh/graphql-client';
import { wholeNumber } from '$lib/server/forms';

/** The form's fields, in the order the error summary lists them (ids as on the page). */
export const REQUIREMENT_FIELDS = [
  'name',
  'roles',
  'sectors',
  'agencyIds',
  'courseIds',
  'externalMinLevel',
  'validityMonths',
  'newStarterMonths',
  'refresherMonths',
];

export type RequirementValues = {
  name: string;
  roles: string[];
  sectors: string[];
  agencyIds: string[];
  courseIds: string[];
  externalMinLevel: string;
  validityMonths: string;
  newStarterMonths: string;
  refresherMonths: string;
};

export const emptyRequirement: RequirementValues = {
  name: '',
  roles: [],
  sectors: [],
  agencyIds: [],
  courseIds: [],
  externalMinLevel: '',
  validityMonths: '36',
  newStarterMonths: '3',
  refresherMonths: '3',
};

/** Reads the posted form: what was typed (to show again) and the input for the API. */
export function readRequirementForm(form: FormData): { values: RequirementValues; input: MandatoryRequirementInput } {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  const all = (k: string) => form.getAll(k).map(String);
  const values: RequirementValues = {
    name: text('name'),
    roles: all('roles'),
    sectors: all('sectors'),
    agencyIds: all('agencyIds'),
    courseIds: all('courseIds'),
    externalMinLevel: text('externalMinLevel'),
    validityMonths: text('validityMonths'),
    newStarterMonths: text('newStarterMonths'),
    refresherMonths: text('refresherMonths'),
  };
  return {
    values,
    input: {
      name: values.name,
      roles: values.roles as Role[],
      sectors: values.sectors as AgencySector[],
      agencyIds: values.agencyIds,
      courseIds: values.courseIds,
      externalMinLevel: values.externalMinLevel ? wholeNumber(values.externalMinLevel) : null,
      validityMonths: wholeNumber(values.validityMonths),
      newStarterMonths: wholeNumber(values.newStarterMonths),
      refresherMonths: wholeNumber(values.refresherMonths),
    },
  };
}
