import { roleLabels } from './enums';
import { chargeStatusLabels } from './non-attendance';
import { attendanceMarkLabels } from './register-rules';

/**
 * The sensitive actions the audit log records. Each has the words people read on the audit page;
 * adding an action without a label fails to compile.
 */
export enum AuditAction {
  ROLES_CHANGED = 'ROLES_CHANGED',
  AGENCY_CHANGED = 'AGENCY_CHANGED',
  REGISTER_CORRECTED = 'REGISTER_CORRECTED',
  CHARGE_WAIVED = 'CHARGE_WAIVED',
  PERSONAL_DATA_EXPORTED = 'PERSONAL_DATA_EXPORTED',
  PEOPLE_MERGED = 'PEOPLE_MERGED',
  /** A person's personal data erased (UK GDPR). */
  PERSON_ERASED = 'PERSON_ERASED',
  SINGLE_SIGN_ON = 'SINGLE_SIGN_ON',
  SETTINGS_CHANGED = 'SETTINGS_CHANGED',
}

export const auditActionLabels: Record<AuditAction, string> = {
  [AuditAction.ROLES_CHANGED]: 'Roles changed',
  [AuditAction.AGENCY_CHANGED]: 'Agency changed',
  [AuditAction.REGISTER_CORRECTED]: 'Register corrected after sign-off',
  [AuditAction.CHARGE_WAIVED]: 'Charge waived',
  [AuditAction.PERSONAL_DATA_EXPORTED]: 'Personal data exported',
  [AuditAction.PEOPLE_MERGED]: 'People merged',
  [AuditAction.PERSON_ERASED]: 'Person erased',
  [AuditAction.SINGLE_SIGN_ON]: 'Signed in by single sign-on',
  [AuditAction.SETTINGS_CHANGED]: 'Settings changed',
};

/** A value kept in an entry's before and after: plain words, numbers, yes/no, lists of words, or nothing. */
export type AuditValue = string | number | boolean | null | string[];
export type AuditFields = Record<string, AuditValue>;

/** The words for the fields entries keep (others are shown by their name, split into words). */
const FIELD_LABELS: Record<string, string> = {
  roles: 'Roles',
  agency: 'Agency',
  mark: 'Mark',
  minutes: 'Minutes',
  note: 'Note',
  status: 'Status',
  amountPence: 'Amount',
  format: 'Format',
  file: 'File',
  kept: 'Kept',
  merged: 'Merged',
  email: 'Email',
  provider: 'Provider',
  tenant: 'Tenant',
  name: 'Name',
  sector: 'Sector',
  statutoryPartner: 'Statutory partner',
  emailDomains: 'Email domains',
  managerEmailOnDomains: 'Line managers must use these domains',
  bookWithoutApproval: 'Book without line manager approval',
  copyToLineManager: 'Copy to the line manager',
  retired: 'Retired',
};

function words(field: string, value: AuditValue | undefined): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) {
    return 'none';
  }
  if (Array.isArray(value)) {
    return value.map((v) => (field === 'roles' ? (roleLabels[v as keyof typeof roleLabels] ?? v) : v)).join(', ');
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (field === 'amountPence' && typeof value === 'number') {
    return `£${(value / 100).toFixed(2)}`;
  }
  if (field === 'mark' && typeof value === 'string') {
    return attendanceMarkLabels[value as keyof typeof attendanceMarkLabels] ?? value;
  }
  if (field === 'status' && typeof value === 'string') {
    return chargeStatusLabels[value as keyof typeof chargeStatusLabels] ?? value;
  }
  return String(value);
}

function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) {
    return known;
  }
  const spaced = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** One line of an entry's change, in words: "Roles: Practitioner → Practitioner, Coordinator". */
export interface AuditChangeLine {
  field: string;
  before: string | null;
  after: string | null;
}

/**
 * What an entry changed, field by field, in words. A field in both before and after shows both; one
 * only in after (an export's format) shows just its value.
 */
export function describeAuditChange(before: AuditFields | null, after: AuditFields | null): AuditChangeLine[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((f) => ({
    field: fieldLabel(f),
    before: before && f in before ? words(f, before[f]) : null,
    after: after && f in after ? words(f, after[f]) : null,
  }));
}
