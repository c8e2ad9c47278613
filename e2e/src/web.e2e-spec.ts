import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe, DESKTOP, demoEmail, launchBrowser, PHONE, screenshot, signIn, webUrl } from './support';

describe('web app in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  async function expectAccessible(name: string): Promise<void> {
    const violations = await axe(page);
    expect({ page: name, violations }).toEqual({ page: name, violations: [] });
  }

  it('signs in as a practitioner, filters the catalogue and opens a course', async () => {
    await signIn(page, demoEmail('Practitioner'));
    await page.waitForURL(`${webUrl()}/courses`);
    expect(await page.locator('header').innerText()).toMatch(/Signed in as\s+Priya Shah/);

    const all = await page.locator('.lh-course').count();
    expect(all).toBeGreaterThanOrEqual(15);

    await page.getByLabel('Level').selectOption('4');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/level=4/);
    const filtered = await page.locator('.lh-course').count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const tags = await page.locator('.lh-course .govuk-tag--grey').allInnerTexts();
    expect(tags.every((t) => t.trim() === 'Level 4')).toBe(true);
    expect(await page.locator('#result-count').innerText()).toMatch(new RegExp(`^${filtered} courses? match your filters`));

    await page.locator('.lh-course h2 a').first().click();
    await page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').count()).toBe(1);
    await expect(page.getByRole('heading', { name: 'Coming dates' }).isVisible()).resolves.toBe(true);
  });

  it('filters by text search with a plain GET form (no JavaScript)', async () => {
    const noJs = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${webUrl()}/courses`);
    await p.getByLabel('Search').fill('neglect');
    await p.getByRole('button', { name: 'Apply filters' }).click();
    await p.waitForURL(/search=neglect/);
    const titles = await p.locator('.lh-course').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((t) => /neglect/i.test(t))).toBe(true);
    await noJs.close();
  });

  it('signs in without JavaScript too', async () => {
    const noJs = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const p = await noJs.newPage();
    await signIn(p, demoEmail('Coordinator'));
    await p.waitForURL(`${webUrl()}/courses`);
    expect(await p.locator('header').innerText()).toContain('Claire Morgan');
    await noJs.close();
  });

  it('shows a clear error for a wrong password, without saying whether the email exists', async () => {
    await signIn(page, demoEmail('Practitioner'), 'not-the-password');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('The email address or password is not right');
    expect(await page.title()).toMatch(/^Error: Sign in/);
    // focus moves to the error summary
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    await expectAccessible('sign-in with error');
    await screenshot(page, 'sign-in-error-desktop');
  });

  it('names the field for an invalid filter in the address (level 7)', async () => {
    await page.goto(`${webUrl()}/courses?level=7`);
    expect(await page.locator('.govuk-error-summary').innerText()).toMatch(/level must be between 1 and 4/i);
    expect(await page.locator('#level-error').innerText()).toMatch(/level must be between 1 and 4/i);
    await expectAccessible('catalogue with error');
  });

  it('signs out', async () => {
    await signIn(page, demoEmail('Reviewer'));
    await page.waitForURL(`${webUrl()}/courses`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${webUrl()}/`);
    expect(await page.locator('header').innerText()).toContain('Sign in');
    await page.goto(`${webUrl()}/account`);
    await page.waitForURL(/\/sign-in\?next=%2Faccount/);
  });

  describe.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('every page passes axe at %s width', (width, viewport) => {
    it.each([
      ['home', '/', null],
      ['catalogue', '/courses', null],
      ['sign-in', '/sign-in', null],
      ['accessibility statement', '/accessibility', null],
      ['account', '/account', 'Practitioner'],
      ['catalogue signed in', '/courses', 'Trainer'],
    ])('%s', async (name, path, role) => {
      await page.setViewportSize(viewport);
      if (role) {
        await signIn(page, demoEmail(role));
        await page.waitForURL(`${webUrl()}/courses`);
      }
      await page.goto(`${webUrl()}${path}`);
      expect(await page.locator('h1').count()).toBe(1);
      // nothing wider than the screen
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectAccessible(`${name} (${width})`);
      await screenshot(page, `${name.replace(/\s+/g, '-')}-${width}`);
    });

    it('course page', async () => {
      await page.setViewportSize(viewport);
      await page.goto(`${webUrl()}/courses?hasUpcomingPlaces=yes`);
      await page.locator('.lh-course h2 a').first().click();
      await page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectAccessible(`course (${width})`);
      await screenshot(page, `course-${width}`);
    });
  });
});
