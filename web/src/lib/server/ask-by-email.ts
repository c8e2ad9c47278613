import { fail } from '@sveltejs/kit';
import { ApiRequestError } from '@lh/graphql-client';

/**
 * The form of the pages that send a link by mail (a sign-in link, a password reset): reads the
 * address, calls the API, and answers with the address it was sent to (the same answer whether or
 * not it has an account) or the problems, each at the email field.
 */
export async function askByEmail(request: Request, send: (email: string) => Promise<unknown>) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  if (!email) {
    return fail(400, { email, errors: [{ field: 'email', message: 'Enter your email address' }] });
  }
  try {
    await send(email);
  } catch (e) {
    if (e instanceof ApiRequestError && e.status >= 400 && e.status < 500) {
      const message = e.fieldMessages().email ?? e.message;
      return fail(e.status, { email, errors: [{ field: 'email', message }] });
    }
    throw e;
  }
  return { sentTo: email };
}
