import type { Page } from 'playwright-core';
import { webUrl } from './support';
import { signInAs, useBrowser } from './browser';

/** What the browser says about the Content Security Policy while a page loads and runs. */
function watchPolicy(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) {
      problems.push(`${page.url()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  return problems;
}

describe('security headers and the origin check (built web app in Chromium)', () => {
  const web = useBrowser();

  it('every page passes its Content Security Policy, with scripts running (JavaScript enhancements work)', async () => {
    const problems = watchPolicy(web.page);
    const res = await web.page.goto(`${webUrl()}/courses`);
    const csp = res!.headers()['content-security-policy']!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).toContain("object-src 'none'");
    expect(res!.headers()['x-content-type-options']).toBe('nosniff');
    expect(res!.headers()['referrer-policy']).toBe('same-origin');
    // the inline script that marks the page as having JavaScript ran under the nonce
    expect(await web.page.evaluate(() => document.body.classList.contains('js-enabled'))).toBe(true);

    await web.page.locator('.lh-course h2 a').first().click();
    await web.page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    await signInAs(web.page, 'Practitioner');
    for (const path of ['/bookings', '/account', '/calendar', '/help']) {
      await web.page.goto(`${webUrl()}${path}`);
      await web.page.waitForLoadState('networkidle');
    }
    await web.page.context().clearCookies();
    await signInAs(web.page, 'Coordinator');
    for (const path of ['/manage', '/manage/sessions', '/manage/people', '/manage/non-attendance', '/your-sessions']) {
      await web.page.goto(`${webUrl()}${path}`);
      await web.page.waitForLoadState('networkidle');
    }
    expect(problems).toEqual([]);
  });

  it("refuses another site's form post with 403 and a sentence, and takes its own", async () => {
    const post = (origin: string) =>
      fetch(`${webUrl()}/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: 'email=someone%40example.org&password=x',
        redirect: 'manual',
      });
    const refused = await post('https://elsewhere.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-frame-options')).toBe('DENY');
    expect(await refused.text()).toBe(
      'This form was not sent from a Learning Hub page, so nothing was done. Go back to the page and send the form again.',
    );
    expect((await post(webUrl())).status).not.toBe(403);
  });
});
