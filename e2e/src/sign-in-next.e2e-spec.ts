// The "next" page after signing in stays on this site (issue: open redirect through /sign-in?next=).
// Through the real sign-in form: over HTTP, where the Location header is read exactly, and in Chromium,
// where the browser reads that header as it would for a person.
import { demo, demoEmail, webUrl } from './support';
import { useBrowser } from './browser';

jest.setTimeout(60_000);

const ESCAPES = ['/%5Cevil.example', '/%09/evil.example', '/%5C%5Cevil.example', '/.//evil.example', '//evil.example'];

/** Signs the demo practitioner in by posting the form (no JavaScript); answers the response, not following it. */
async function postSignIn(query: string): Promise<Response> {
  return fetch(`${webUrl()}/sign-in${query}`, {
    method: 'POST',
    redirect: 'manual',
    // accept: text/html, as a browser posting the form sends; otherwise SvelteKit answers the action in JSON.
    headers: { origin: webUrl(), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: demoEmail('Practitioner'), password: demo.password }),
  });
}

const sessionCookie = (res: Response): string => {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lh_session='));
  if (!cookie) {
    throw new Error('sign-in set no session cookie');
  }
  return cookie.split(';')[0];
};

describe('sign-in: the next page', () => {
  describe('over HTTP', () => {
    it.each(ESCAPES)('signing in with next=%s goes to the catalogue on this site', async (next) => {
      const res = await postSignIn(`?next=${next}`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/courses');
    });

    it.each(ESCAPES)('already signed in, next=%s goes to the catalogue on this site', async (next) => {
      const cookie = sessionCookie(await postSignIn(''));
      const res = await fetch(`${webUrl()}/sign-in?next=${next}`, { redirect: 'manual', headers: { cookie } });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/courses');
    });

    it('keeps a page on this site, with its query and fragment', async () => {
      const res = await postSignIn(`?next=${encodeURIComponent('/courses?level=2#results')}`);
      expect(res.headers.get('location')).toBe('/courses?level=2#results');
    });
  });

  describe('in the browser', () => {
    const web = useBrowser();

    beforeEach(async () => {
      // If a redirect ever left the site, the browser would stop here instead of reaching another host.
      await web.context.route(
        (url) => url.hostname.endsWith('evil.example'),
        (route) => route.abort(),
      );
    });

    it.each(['/%5Cevil.example', '/%09/evil.example'])('signing in with next=%s stays on this site', async (next) => {
      await web.page.goto(`${webUrl()}/sign-in?next=${next}`);
      await web.page.getByLabel('Email address').fill(demoEmail('Practitioner'));
      await web.page.getByLabel('Password').fill(demo.password);
      await web.page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await web.page.waitForURL(`${webUrl()}/courses`);
      // ...and once signed in, the same address sends them straight to the catalogue.
      await web.page.goto(`${webUrl()}/sign-in?next=${next}`);
      await web.page.waitForURL(`${webUrl()}/courses`);
      expect(new URL(web.page.url()).origin).toBe(new URL(webUrl()).origin);
    });

    it('goes on to the page asked for', async () => {
      await web.page.goto(`${webUrl()}/sign-in?next=${encodeURIComponent('/bookings')}`);
      await web.page.getByLabel('Email address').fill(demoEmail('Practitioner'));
      await web.page.getByLabel('Password').fill(demo.password);
      await web.page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await web.page.waitForURL(`${webUrl()}/bookings`);
    });
  });
});
