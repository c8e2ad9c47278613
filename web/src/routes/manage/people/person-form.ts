import type { CreatePersonInput } from '@lh/graphql-client';

type PersonDetailsInput = Pick<CreatePersonInput, 'name' | 'email' | 'agencyId' | 'jobTitle' | 'team'>;

export type PersonFormValues = {
  name: string;
  email: string;
  agencyId: string;
  jobTitle: string;
  team: string;
  lineManagerEmail: string;
  roles: string[];
  sendInvitation: string;
};

/** The fields of the person forms, in the order of the page (the API's `input.x` problems land on `x`). */
export const PERSON_FIELDS = ['name', 'email', 'agencyId', 'jobTitle', 'team', 'lineManagerEmail', 'roles', 'sendInvitation'];

export const emptyPerson: PersonFormValues = {
  name: '',
  email: '',
  agencyId: '',
  jobTitle: '',
  team: '',
  lineManagerEmail: '',
  roles: ['PRACTITIONER'],
  sendInvitation: 'yes',
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export function readPersonForm(form: FormData): { values: PersonFormValues; details: PersonDetailsInput } {
  const values: PersonFormValues = {
    name: text(form, 'name'),
    email: text(form, 'email'),
    agencyId: text(form, 'agencyId'),
    jobTitle: text(form, 'jobTitle'),
    team: text(form, 'team'),
    lineManagerEmail: text(form, 'lineManagerEmail'),
    roles: form.getAll('roles').map(String),
    sendInvitation: text(form, 'sendInvitation'),
  };
  const details: PersonDetailsInput = {
    name: values.name,
    email: values.email,
    // an agency not chosen is sent as it is, so the API names it with the other problems
    agencyId: values.agencyId,
    jobTitle: values.jobTitle || null,
    team: values.team || null,
  };
  return { values, details };
}
