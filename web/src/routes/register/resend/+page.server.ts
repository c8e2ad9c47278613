import { redirect } from '@sveltejs/kit';
import { ResendRegistrationLinkDocument } from '@lh/graphql-client';
import { api } from '$lib/server/api';
import { submitForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ sent: url.searchParams.get('sent') === 'yes' });

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = { email: String(form.get('email') ?? '') };
    const outcome = await submitForm({
      problems: [],
      fields: ['email'],
      values,
      call: () => api(event, ResendRegistrationLinkDocument, { email: values.email }),
    });
    if (!outcome.ok) {
      return outcome.failure;
    }
    redirect(303, '/register/resend?sent=yes');
  },
};
