import type { Page } from 'playwright-core';
import { CancelBookingDocument } from '@lh/graphql-client';
import { api, apiCookie, axe, DESKTOP, PHONE, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(300_000);

/**
 * Mandatory training in the web app: the demo practitioner's expired level 1 with a session to book, a
 * coordinator adding a requirement (with and without JavaScript), compliance, and the agency lead's page.
 */
describe('mandatory training in the web app', () => {
  const web = useBrowser();
  const page = () => web.page;
  const stamp = Date.now().toString(36);

  async function expectAccessible(p: Page, name: string): Promise<void> {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await p.setViewportSize(viewport);
      expect({ page: `${name} (${width})`, violations: await axe(p) }).toEqual({ page: `${name} (${width})`, violations: [] });
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(p, `${name}-${width}`);
    }
    await p.setViewportSize(DESKTOP);
  }

  it('the demo practitioner sees their expired level 1 with a session to book, and follows Book to it', async () => {
    await signInAs(page(), 'Practitioner');
    await page().getByRole('link', { name: 'Mandatory training' }).first().click();
    await page().waitForURL(`${webUrl()}/mandatory-training`);
    await expect(page().getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your mandatory training');
    const level1 = page()
      .getByRole('listitem')
      .filter({ has: page().getByRole('heading', { name: 'Safeguarding children: level 1 awareness' }) });
    await expect(level1.getByText('Expired', { exact: true }).count()).resolves.toBe(1);
    await expect(level1.getByText(/It stopped being valid after/).count()).resolves.toBe(1);
    await expectAccessible(page(), 'mandatory-training');

    const book = level1.getByRole('link', { name: /^Book/ }).first();
    const href = (await book.getAttribute('href'))!;
    expect(href).toMatch(/^\/sessions\/[0-9a-f-]{36}\/book$/);
    await book.click();
    await page().waitForURL(`${webUrl()}${href}`);
    await expect(page().getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Book a place');
    await expect(page().getByText('Professional Curiosity').count()).resolves.toBeGreaterThan(0);

    // booked: the page shows the booking instead, and offers no other date of that course
    await page().getByRole('button', { name: 'Book a place' }).click();
    await page().waitForURL(/\/bookings\/[0-9a-f-]{36}\?outcome=/);
    const bookingId = /\/bookings\/([0-9a-f-]{36})/.exec(page().url())![1]!;
    await page().goto(`${webUrl()}/mandatory-training`);
    await expect(level1.getByRole('heading', { name: 'Your bookings that would count' }).count()).resolves.toBe(1);
    await expect(level1.getByRole('link', { name: /^View your booking for Professional Curiosity/ }).getAttribute('href')).resolves.toBe(
      `/bookings/${bookingId}`,
    );
    await expect(level1.getByRole('link', { name: /^Book Professional Curiosity/ }).count()).resolves.toBe(0);
    await expectAccessible(page(), 'mandatory-training-booked');

    // and cancelled again, the demo practitioner's training is as the demo has it for the files after this one
    const { data } = await api()(
      CancelBookingDocument,
      { bookingId, reason: null, countAsLate: false },
      { cookie: await apiCookie('Practitioner') },
    );
    expect(data.cancelBooking.status).toBe('CANCELLED');
  });

  it('a coordinator adds a requirement through the form, told clearly what is wrong first', async () => {
    await signInAs(page(), 'Coordinator');
    await page().goto(`${webUrl()}/manage/mandatory-training`);
    await expectAccessible(page(), 'manage-mandatory-training');
    await page().getByRole('button', { name: 'Add a requirement' }).click();
    await page().waitForURL(`${webUrl()}/manage/mandatory-training/new`);
    await expectAccessible(page(), 'manage-mandatory-training-new');

    const name = `Online safety refresher ${stamp}`;
    await page().getByLabel('Name').fill(name);
    await page().getByRole('group', { name: 'Agency sectors' }).getByLabel('Housing').check();
    await page().getByLabel('How long a completion stays valid, in months').fill('12');
    await page().getByLabel('When the refresher becomes due, in months before expiry').fill('13');
    await page().getByRole('button', { name: 'Save requirement' }).click();
    const summary = page().getByRole('alert');
    await expect(summary.textContent()).resolves.toContain('Choose at least one course that satisfies it');
    await expect(summary.textContent()).resolves.toContain(
      'When the refresher becomes due (13 months before expiry) cannot be longer than how long a completion stays valid (12 months)',
    );
    await expect(page().getByLabel('Name').inputValue()).resolves.toBe(name);
    await expectAccessible(page(), 'manage-mandatory-training-new-errors');

    await page().getByRole('group', { name: 'Courses' }).getByLabel('Online Safety for practitioners').check();
    await page().getByLabel('When the refresher becomes due, in months before expiry').fill('2');
    await page().getByRole('button', { name: 'Save requirement' }).click();
    await page().waitForURL(`${webUrl()}/manage/mandatory-training?done=saved`);
    await expect(page().getByRole('heading', { name }).count()).resolves.toBe(1);

    await page().goto(`${webUrl()}/manage/compliance`);
    await expect(page().getByRole('row').filter({ hasText: name }).count()).resolves.toBe(1);
    await expectAccessible(page(), 'manage-compliance');
    // the people behind a figure link to their records
    await page()
      .getByRole('link', { name: /Overdue, Safeguarding children: level 1 awareness/ })
      .click();
    await page().waitForURL(/\/manage\/compliance\?requirement=.*status=OVERDUE/);
    const first = page().locator('#people ~ * a[href^="/records/"]').first();
    await expect(first.count()).resolves.toBe(1);
    await expectAccessible(page(), 'manage-compliance-people');
  });

  it('the requirement form works without JavaScript', async () => {
    const context = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const p = await context.newPage();
    try {
      await p.goto(`${webUrl()}/sign-in`);
      await p.getByLabel('Email address').fill('coordinator@example.org');
      await p.getByLabel('Password').fill('LearningHub2026!');
      await p.getByRole('button', { name: 'Sign in', exact: true }).click();
      await p.waitForURL(`${webUrl()}/courses`);
      await p.goto(`${webUrl()}/manage/mandatory-training/new`);
      const name = `Private fostering briefing ${stamp}`;
      await p.getByLabel('Name').fill(name);
      await p.getByLabel('How long a completion stays valid, in months').fill('0');
      await p.getByRole('button', { name: 'Save requirement' }).click();
      const text = (await p.locator('.govuk-error-summary').textContent())!;
      expect(text).toContain('How long a completion stays valid must be a whole number of months from 1 to 240');
      expect(text).toContain('Choose who it applies to: at least one role, agency or agency sector');
      await screenshot(p, 'manage-mandatory-training-new-errors-nojs');

      await p.getByRole('group', { name: 'Agency sectors' }).getByLabel('Faith').check();
      await p.getByRole('group', { name: 'Courses' }).getByLabel('Private Fostering briefing').check();
      await p.getByLabel('How long a completion stays valid, in months').fill('24');
      await p.getByRole('button', { name: 'Save requirement' }).click();
      await p.waitForURL(`${webUrl()}/manage/mandatory-training?done=saved`);
      await expect(p.getByRole('heading', { name }).count()).resolves.toBe(1);
    } finally {
      await context.close();
    }
  });

  it('the agency lead sees their own agency only', async () => {
    await signInAs(page(), 'Agency lead');
    await page().getByRole('link', { name: 'Your agency' }).first().click();
    await page().waitForURL(`${webUrl()}/your-agency`);
    const staff = page()
      .locator('table')
      .filter({ has: page().getByText('Staff and their mandatory training') });
    await expect(staff.getByRole('link', { name: 'Priya Shah' }).count()).resolves.toBeGreaterThan(0);
    // Tom Walsh is a practitioner in children's social care, another agency
    await expect(page().getByText('Tom Walsh').count()).resolves.toBe(0);
    await expect(page().getByRole('rowheader', { name: 'The whole partnership' }).count()).resolves.toBe(1);
    await expectAccessible(page(), 'your-agency');

    await page().goto(`${webUrl()}/manage/compliance`);
    await expect(page().getByRole('heading', { level: 1 }).textContent()).resolves.not.toContain('Compliance');
  });
});
