import { agencySectorLabels } from '@lh/domain';
import type { AgencySector, CreateAgencyInput } from '@lh/graphql-client';

export type AgencyFormValues = {
  name: string;
  sector: string;
  statutoryPartner: string;
  emailDomains: string;
  managerEmailOnDomains: boolean;
};

export const AGENCY_FIELDS = ['name', 'sector', 'statutoryPartner', 'emailDomains'];

export const emptyAgency: AgencyFormValues = { name: '', sector: '', statutoryPartner: '', emailDomains: '', managerEmailOnDomains: false };

export function agencyValues(a: {
  name: string;
  sector: string;
  statutoryPartner: boolean;
  emailDomains: string[];
  managerEmailOnDomains: boolean;
}): AgencyFormValues {
  return {
    name: a.name,
    sector: a.sector,
    statutoryPartner: a.statutoryPartner ? 'yes' : 'no',
    emailDomains: a.emailDomains.join('\n'),
    managerEmailOnDomains: a.managerEmailOnDomains,
  };
}

/** The lines (or comma-separated parts) of a box, as a list. */
export const lines = (text: string) =>
  text
    .split(/[\r\n,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);

/**
 * Reads the posted agency form. Nothing is refused here: a sector or statutory partner answer left
 * out goes as null, which the API refuses together with every other problem.
 */
export function readAgencyForm(form: FormData): { values: AgencyFormValues; input: CreateAgencyInput } {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const values: AgencyFormValues = {
    name: text('name'),
    sector: text('sector'),
    statutoryPartner: text('statutoryPartner'),
    emailDomains: text('emailDomains'),
    managerEmailOnDomains: form.get('managerEmailOnDomains') === 'yes',
  };
  const input: CreateAgencyInput = {
    name: values.name,
    sector: values.sector in agencySectorLabels ? (values.sector as AgencySector) : null,
    statutoryPartner: values.statutoryPartner === 'yes' ? true : values.statutoryPartner === 'no' ? false : null,
    emailDomains: lines(values.emailDomains),
    managerEmailOnDomains: values.managerEmailOnDomains,
  };
  return { values, input };
}
