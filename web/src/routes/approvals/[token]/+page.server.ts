import { ApprovalRequestDocument, DecideApprovalDocument } from '@lh/graphql-client';
import { api, failLoad } from '$lib/server/api';
import { failField, failFromApi } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** A line manager's approval link: no sign-in; the signed token in the address is the permission. */
export const load: PageServerLoad = async (event) => {
  try {
    const { approvalRequest } = await api(event, ApprovalRequestDocument, { token: event.params.token });
    const decision = event.url.searchParams.get('decision');
    return { request: approvalRequest, decision: decision === 'approve' || decision === 'decline' ? decision : null };
  } catch (e) {
    failLoad(e, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const decision = String(form.get('decision') ?? '');
    const reason = String(form.get('reason') ?? '').trim();
    if (decision !== 'approve' && decision !== 'decline') {
      return failField('decision', 'Choose whether to approve or decline the booking', { reason });
    }
    try {
      const { decideApproval } = await api(event, DecideApprovalDocument, {
        token: event.params.token,
        approve: decision === 'approve',
        reason: reason || null,
      });
      return { decided: decideApproval.status };
    } catch (e) {
      return failFromApi(e, ['reason'], { reason });
    }
  },
};
