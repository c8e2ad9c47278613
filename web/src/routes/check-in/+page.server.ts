import { redirect } from '@sveltejs/kit';
import { isCheckInCodeShape, normaliseCheckInCode } from '@lh/domain';
import { failField } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
  /** Goes to the code's page, which checks in (after signing in, when needed). */
  default: async ({ request }) => {
    const typed = String((await request.formData()).get('code') ?? '');
    const code = normaliseCheckInCode(typed);
    if (!code) {
      return failField('code', 'Enter the code on the screen', { code: typed });
    }
    if (!isCheckInCodeShape(code)) {
      return failField('code', 'Enter the 6 letters and numbers of the code on the screen', { code: typed });
    }
    redirect(303, `/check-in/${code}`);
  },
};
