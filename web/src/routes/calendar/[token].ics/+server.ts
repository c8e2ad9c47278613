import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import type { RequestHandler } from './$types';

/** 32 random bytes, base64url: the only shape a feed token has. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A person's private calendar feed at the public address (WEB_ORIGIN/calendar/<token>.ics), for
 * calendar apps to subscribe to. No sign-in: the secret token is the permission. The web server
 * fetches the feed from the API, so nothing outside talks to the API directly.
 */
export const GET: RequestHandler = async ({ params }) => {
  const notFound = () => error(404, { message: 'There is no calendar feed at this address. It may have been reset.', code: 'NOT_FOUND' });
  if (!TOKEN.test(params.token)) {
    notFound();
  }
  let res: Response;
  try {
    res = await fetch(`${config.apiUrl}/calendar/${params.token}.ics`);
  } catch {
    error(503, { message: 'The calendar is not available at the moment. Please try again shortly.', code: 'UNAVAILABLE' });
  }
  if (res.status === 404) {
    notFound();
  }
  if (!res.ok) {
    error(503, { message: 'The calendar is not available at the moment. Please try again shortly.', code: 'UNAVAILABLE' });
  }
  return new Response(await res.text(), {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, no-cache',
      'x-robots-tag': 'noindex',
    },
  });
};
