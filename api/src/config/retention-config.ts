import { z } from 'zod';

const months = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number of months (0 to keep for ever)` })
    .int(`${name} must be a whole number of months (0 to keep for ever)`)
    .min(0, `${name} must be 0 or more months`)
    .max(1200, `${name} must be at most 1200 months`);

/** How long personal data is kept (UK GDPR storage limitation), in months; 0 keeps it for ever. Part of the one config schema. */
export const retentionSettings = {
  /** The text of mail sent: removed this many months after it was written (the log keeps who, what kind and when). */
  RETENTION_MAIL_TEXT_MONTHS: months('RETENTION_MAIL_TEXT_MONTHS').default(24),
  /** Accounts with no sign-in, booking or change for this long are erased (their figures stay). Off unless set. */
  RETENTION_INACTIVE_ACCOUNT_MONTHS: months('RETENTION_INACTIVE_ACCOUNT_MONTHS').default(0),
};

export interface RetentionConfig {
  retention: { mailTextMonths: number; inactiveAccountMonths: number };
}

export function retentionConfigFrom(c: { RETENTION_MAIL_TEXT_MONTHS: number; RETENTION_INACTIVE_ACCOUNT_MONTHS: number }): RetentionConfig {
  return { retention: { mailTextMonths: c.RETENTION_MAIL_TEXT_MONTHS, inactiveAccountMonths: c.RETENTION_INACTIVE_ACCOUNT_MONTHS } };
}
