import { axe, DESKTOP, demoEmail, PHONE, screenshot, signIn, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

describe('web app in Chromium', () => {
  const web = useBrowser();

  async function expectAccessible(name: string): Promise<void> {
    const violations = await axe(web.page);
    expect({ page: name, violations }).toEqual({ page: name, violations: [] });
  }

  it('signs in as a practitioner, filters the catalogue and opens a course', async () => {
    await signInAs(web.page, 'Practitioner');
    expect(await web.page.locator('header').innerText()).toMatch(/Signed in as\s+Priya Shah/);

    const all = await web.page.locator('.lh-course').count();
    expect(all).toBeGreaterThanOrEqual(15);

    await web.page.getByLabel('Level').selectOption('4');
    await web.page.getByRole('button', { name: 'Apply filters' }).click();
    await web.page.waitForURL(/level=4/);
    const filtered = await web.page.locator('.lh-course').count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const tags = await web.page.locator('.lh-course .govuk-tag--grey').allInnerTexts();
    expect(tags.every((t) => t.trim() === 'Level 4')).toBe(true);
    expect(await web.page.locator('#result-count').innerText()).toMatch(
      new RegExp(`^${filtered === 1 ? '1 course matches' : `${filtered} courses match`} your filters`),
    );

    await web.page.locator('.lh-course h2 a').first().click();
    await web.page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    expect(await web.page.locator('h1').count()).toBe(1);
    await expect(web.page.getByRole('heading', { name: 'Coming dates' }).isVisible()).resolves.toBe(true);
  });

  it('filters by text search with a plain GET form (no JavaScript)', async () => {
    const noJs = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
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
    const noJs = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const p = await noJs.newPage();
    await signInAs(p, 'Coordinator');
    expect(await p.locator('header').innerText()).toContain('Claire Morgan');
    await noJs.close();
  });

  it('shows a clear error for a wrong password, without saying whether the email exists', async () => {
    await signIn(web.page, demoEmail('Practitioner'), 'not-the-password');
    await web.page.waitForSelector('.govuk-error-summary');
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain('The email address or password is not right');
    expect(await web.page.title()).toMatch(/^Error: Sign in/);
    // focus moves to the error summary
    expect(await web.page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    await expectAccessible('sign-in with error');
    await screenshot(web.page, 'sign-in-error-desktop');
  });

  it('names the field for an invalid filter in the address (level 7)', async () => {
    await web.page.goto(`${webUrl()}/courses?level=7`);
    expect(await web.page.locator('.govuk-error-summary').innerText()).toMatch(/level must be between 1 and 4/i);
    expect(await web.page.locator('#level-error').innerText()).toMatch(/level must be between 1 and 4/i);
    await expectAccessible('catalogue with error');
  });

  it('signs out', async () => {
    await signInAs(web.page, 'Reviewer');
    await web.page.getByRole('button', { name: 'Sign out' }).click();
    await web.page.waitForURL(`${webUrl()}/`);
    expect(await web.page.locator('header').innerText()).toContain('Sign in');
    await web.page.goto(`${webUrl()}/account`);
    await web.page.waitForURL(/\/sign-in\?next=%2Faccount/);
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
      await web.page.setViewportSize(viewport);
      if (role) {
        await signInAs(web.page, role);
      }
      await web.page.goto(`${webUrl()}${path}`);
      expect(await web.page.locator('h1').count()).toBe(1);
      // nothing wider than the screen
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectAccessible(`${name} (${width})`);
      await screenshot(web.page, `${name.replace(/\s+/g, '-')}-${width}`);
    });

    it('course page', async () => {
      await web.page.setViewportSize(viewport);
      await web.page.goto(`${webUrl()}/courses?hasUpcomingPlaces=yes`);
      await web.page.locator('.lh-course h2 a').first().click();
      await web.page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectAccessible(`course (${width})`);
      await screenshot(web.page, `course-${width}`);
    });
  });
});
