// Single sign-on in Chromium against the local OpenID provider the stack starts (the same one
// `npm start` runs): the button on the sign-in page, the provider's own sign-in page, and back.
import { axe, demoEmail, PHONE, screenshot, webUrl } from './support';
import { useBrowser } from './browser';

jest.setTimeout(90_000);

describe('signing in with an organisation account', () => {
  const web = useBrowser();

  async function signInAtProvider(email: string, next = '/bookings') {
    const { page } = web;
    await page.goto(`${webUrl()}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByRole('button', { name: 'Sign in with your organisation account (demo)' }).click();
    // the provider's page (oidc-provider's development sign-in form)
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
  }

  it('creates an account in the agency that accepts the tenant, and returns to the page asked for', async () => {
    const { page } = web;
    await signInAtProvider('hana.begum@northshire-nhs.example');
    await page.waitForURL(`${webUrl()}/bookings`);
    await page.goto(`${webUrl()}/account`);
    await expect(page.locator('main').textContent()).resolves.toContain('Northshire Teaching Hospitals NHS Foundation Trust');
    await expect(page.locator('main').textContent()).resolves.toContain('hana.begum@northshire-nhs.example');
  });

  it('links the demo practitioner through their verified address', async () => {
    const { page } = web;
    await signInAtProvider(demoEmail('Practitioner'), '/courses');
    await page.waitForURL(`${webUrl()}/courses`);
    await expect(page.getByText('Sign out').count()).resolves.toBeGreaterThan(0);
  });

  it('says why when the address is taken and not confirmed by the provider, with ways on', async () => {
    const { page } = web;
    await page.setViewportSize(PHONE);
    // an address the provider has not confirmed, on no agency's domain: a new account waits for approval
    await signInAtProvider('unverified.new.starter@example.org', '/courses');
    await page.waitForURL(/\/sign-in\/sso\/callback/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('You are not signed in');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/waiting for the training team to approve/);
    await expect(page.getByRole('link', { name: 'Sign in with your email address' }).count()).resolves.toBe(1);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'sso-refused-phone');
  });
});
