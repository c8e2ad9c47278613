import type { AuditAction, AuditLogFilterInput } from '@lh/graphql-client';
import { AuditAction as Actions } from '@lh/domain';
import { dateFromParams, NO_DATE } from '$lib/server/date-boxes';

const ACTIONS = Object.values(Actions) as string[];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The audit log's filter from the address (a plain GET form, so it works without JavaScript): an
 * action, words, London dates in boxes (`from-day`...), and the actor or person from a link in the table.
 */
export function auditFilterFrom(params: URLSearchParams) {
  const action = ACTIONS.includes(params.get('action') ?? '') ? (params.get('action') as AuditAction) : null;
  const text = (params.get('text') ?? '').trim();
  const actorId = UUID.test(params.get('actorId') ?? '') ? params.get('actorId')! : null;
  const subjectPersonId = UUID.test(params.get('subjectPersonId') ?? '') ? params.get('subjectPersonId')! : null;
  const from = dateFromParams(params, 'from');
  const to = dateFromParams(params, 'to');
  const page = /^\d{1,6}$/.test(params.get('page') ?? '') ? Math.max(1, Number(params.get('page'))) : 1;
  const filter: AuditLogFilterInput = {
    action,
    text: text || null,
    actorId,
    subjectPersonId,
    from: from?.iso ?? null,
    to: to?.iso ?? null,
    page,
  };
  return {
    filter,
    values: { action: action ?? '', text, actorId, subjectPersonId, from: from?.boxes ?? NO_DATE, to: to?.boxes ?? NO_DATE },
  };
}
