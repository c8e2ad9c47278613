import { webUrl } from './support';
import { signInAs, useBrowser } from './browser';

/** Posts that are not our forms get a clear 4xx answer, never a server error (and nothing reaches the API). */
describe('form posts the web app cannot take', () => {
  const post = (body: BodyInit, contentType: string) =>
    fetch(`${webUrl()}/sign-in`, { method: 'POST', headers: { 'content-type': contentType, origin: webUrl() }, body, redirect: 'manual' });

  it('answers a form sent as text/plain with 415 and a sentence', async () => {
    const res = await post('email=a@example.org&password=x', 'text/plain');
    expect(res.status).toBe(415);
    expect(await res.text()).toMatch(/takes only forms sent from its own pages/);
  });

  it('answers a form over 100 KB with 413 and a sentence', async () => {
    const res = await post(
      new URLSearchParams({ email: 'a@example.org', password: 'x'.repeat(150_000) }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/too long/);
  });

  it('still takes an ordinary form', async () => {
    const res = await post(
      new URLSearchParams({ email: 'nobody@example.org', password: 'wrong' }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBeLessThan(500);
    expect(res.status).not.toBe(413);
  });
});

/**
 * The web app takes forms up to 100 KB and the API reads every request such a form makes (text can
 * double in size when written as JSON): a long entry gets the field's own message, never "service not
 * available" from the API refusing the request's size.
 */
describe('a long form the web app takes', () => {
  const web = useBrowser();

  it('reaches the API, which names the field, instead of failing on its size', async () => {
    await signInAs(web.page, 'Practitioner');
    await web.page.goto(`${webUrl()}/account`);
    // 33,000 control characters: 99 KB as a form, 198 KB once written as JSON for the API
    await web.page.locator('#lineManagerEmail').evaluate((input: HTMLInputElement) => {
      input.value = '\u0001'.repeat(33_000);
    });
    await web.page.getByRole('button', { name: 'Save line manager' }).click();
    await web.page.waitForSelector('.govuk-error-summary');
    const summary = await web.page.locator('.govuk-error-summary').innerText();
    expect(summary).toMatch(/line manager's email address/);
    expect(summary).not.toMatch(/not available|too long/);
  });
});
