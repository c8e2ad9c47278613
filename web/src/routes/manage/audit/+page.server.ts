import { ApiRequestError, AuditLogDocument, type AuditLogQuery } from '@lh/graphql-client';
import { auditActionLabels, AuditAction } from '@lh/domain';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import { auditFilterFrom } from './audit-filter';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireViewer(event, 'COORDINATOR');
  const { filter, values } = auditFilterFrom(event.url.searchParams);
  const actions = Object.values(AuditAction).map((a) => ({ value: a, label: auditActionLabels[a] }));
  try {
    const { auditLog } = await api(event, AuditLogDocument, { filter });
    return {
      log: auditLog as AuditLogQuery['auditLog'] | null,
      filter,
      values,
      actions,
      errors: [] as { field: string; message: string }[],
    };
  } catch (e) {
    if (e instanceof ApiRequestError && e.code === 'BAD_USER_INPUT') {
      // a date that is not real: say which, at its first box
      const errors = Object.entries(e.fieldMessages()).map(([field, message]) => ({
        field: field === 'from' || field === 'to' ? `${field}-day` : field,
        message,
      }));
      return { log: null, filter, values, actions, errors };
    }
    failLoad(e, event);
  }
};
