import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { axe, PHONE, screenshot, signIn, waitForMail, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

const PASSWORD = 'three random words 2026';

/** Getting an account in the browser: registering, confirming by the mailed link, the coordinators' queue. */
describe('registration in the web app', () => {
  const web = useBrowser();
  const id = () => randomBytes(4).toString('hex');

  async function expectAccessible(page: Page, name: string): Promise<void> {
    expect({ page: name, violations: await axe(page) }).toEqual({ page: name, violations: [] });
    const width = page.viewportSize()!.width;
    expect({ page: name, fits: (await page.evaluate(() => document.documentElement.scrollWidth)) <= width }).toEqual({
      page: name,
      fits: true,
    });
  }

  async function fillRegistration(page: Page, r: { name: string; email: string; agency: string; agencyName?: string }): Promise<void> {
    await page.getByLabel('Full name', { exact: true }).fill(r.name);
    await page.getByLabel('Work email address').fill(r.email);
    await page.getByLabel('Create a password').fill(PASSWORD);
    await page.getByLabel('Your agency', { exact: true }).selectOption({ label: r.agency });
    if (r.agencyName) {
      await page.getByLabel('If your agency is not listed, its name').fill(r.agencyName);
    }
    await page.getByLabel('Job title', { exact: true }).fill('Staff Nurse');
    await page.getByLabel('Team (optional)').fill('Children’s ward');
    await page.getByLabel("Your usual line manager's email address (optional)").fill(`manager.${id()}@nth.nhs.uk`);
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(`${webUrl()}/register/check-email`);
  }

  /** Opens the confirmation link from the caught mail and confirms; returns the page's heading. */
  async function confirmFromMail(page: Page, email: string): Promise<string> {
    const mail = await waitForMail(email, /^Confirm your email address/);
    expect(mail.html).toContain('/register/confirm/');
    const link = /https?:\/\/\S+\/register\/confirm\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
    await page.goto(link);
    expect(await page.locator('h1').innerText()).toBe('Confirm your email address');
    await expectAccessible(page, 'confirm your email address');
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.waitForSelector('.govuk-panel__title');
    return page.locator('.govuk-panel__title').innerText();
  }

  it('a new practitioner registers, confirms from the mail, signs in with their password, books a course and signs in again with a link', async () => {
    const page = web.page;
    await page.goto(webUrl());
    await page.getByRole('link', { name: 'Register for an account' }).click();
    await page.waitForURL(`${webUrl()}/register`);
    await expectAccessible(page, 'register');
    await screenshot(page, 'register-desktop');

    // every problem in one round
    await page.getByLabel('Work email address').fill('office@nth.nhs.uk');
    await page.getByLabel('Create a password').fill('short');
    await page.getByRole('button', { name: 'Register' }).click();
    const summary = await page.locator('.govuk-error-summary').innerText();
    for (const words of [
      'Enter your full name',
      'not a shared mailbox like office@',
      'at least 12 characters',
      'Choose your agency',
      'Enter your job title',
    ]) {
      expect(summary).toContain(words);
    }
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'register with problems');

    const email = `nurse.${id()}@nth.nhs.uk`;
    await fillRegistration(page, { name: 'Nia Roberts', email, agency: 'Northshire Teaching Hospitals NHS Foundation Trust' });
    await expectAccessible(page, 'check your email');
    expect(await confirmFromMail(page, email)).toBe('Your account is ready');
    await expectAccessible(page, 'account ready');
    await screenshot(page, 'registration-confirmed-desktop');

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await signIn(page, email, PASSWORD);
    await page.waitForURL(`${webUrl()}/courses`);

    await page.goto(`${webUrl()}/courses?hasUpcomingPlaces=yes&format=FACE_TO_FACE`);
    const courses = await page.locator('.lh-course h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    let bookHref: string | undefined;
    for (const href of courses) {
      await page.goto(href);
      bookHref =
        (await page
          .locator('a.govuk-button', { hasText: 'Book a place' })
          .first()
          .getAttribute('href')
          .catch(() => null)) ?? undefined;
      if (bookHref) {
        break;
      }
    }
    expect(bookHref).toBeDefined();
    await page.goto(new URL(bookHref!, webUrl()).href);
    await page.getByRole('button', { name: 'Book a place' }).click();
    await page.waitForURL(/\/bookings\/[0-9a-f-]{36}\?outcome=/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toMatch(/Your place is booked|asked your line manager|approval/i);

    // later, on another day: signs in again with a link instead of the password
    await page.locator('header').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${webUrl()}/`);
    await page.goto(`${webUrl()}/sign-in?next=${encodeURIComponent('/bookings')}`);
    await page.getByRole('link', { name: 'Email me a sign-in link' }).click();
    // the sign-in page has an email field too: fill the link page's, once it is there
    await page.waitForURL(/\/sign-in\/link\?next=%2Fbookings/);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const mail = await waitForMail(email, /Your link to sign in/);
    const link = /https?:\/\/\S+\/sign-in\/link\/\S+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${webUrl()}/bookings`);
    expect(await page.locator('header').innerText()).toMatch(/Signed in as\s+Nia Roberts/);
  });

  it('someone with a personal address and an agency not listed waits; a coordinator approves them and adds the agency; then they sign in', async () => {
    const page = web.page;
    await page.setViewportSize(PHONE);
    const email = `volunteer.${id()}@mailbox.example.com`;
    const club = `Northshire Rowing Club ${id()}`;
    await page.goto(`${webUrl()}/register`);
    await expectAccessible(page, 'register (phone)');
    await screenshot(page, 'register-phone');
    await fillRegistration(page, { name: 'Robin Ashby', email, agency: 'My agency is not listed', agencyName: club });
    expect(await confirmFromMail(page, email)).toBe('Your email address is confirmed');
    expect(await page.locator('main').innerText()).toContain('We will email');
    await expectAccessible(page, 'registration waiting (phone)');
    await screenshot(page, 'registration-waiting-phone');

    await signIn(page, email, PASSWORD);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('waiting for the training team to approve it');

    // the coordinator sees the count on Manage and decides in the queue
    const coordinator = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const c = await coordinator.newPage();
    await signInAs(c, 'Coordinator');
    await c.goto(`${webUrl()}/manage`);
    expect(await c.locator('h2', { hasText: 'Requests' }).innerText()).toMatch(/\d+ waiting/);
    await c.getByRole('link', { name: 'Requests' }).click();
    await c.waitForURL(`${webUrl()}/manage/requests`);
    await expectAccessible(c, 'registration queue');
    await screenshot(c, 'registration-queue-desktop');

    const request = c.locator('.govuk-summary-card', { hasText: `Robin Ashby: join ${club}` });
    await request.getByText(`Create agency ${club}`).first().click();
    await request.getByRole('button', { name: `Create agency ${club}` }).click();
    expect(await c.locator('.govuk-error-summary').innerText()).toContain("Choose the agency's sector");
    await expectAccessible(c, 'registration queue with a problem');
    const again = c.locator('.govuk-summary-card', { hasText: `Robin Ashby: join ${club}` });
    await again.getByLabel('Sector').selectOption({ label: 'Sport' });
    await again.getByRole('button', { name: `Create agency ${club}` }).click();
    expect(await c.locator('.govuk-notification-banner').innerText()).toContain('Agency created, and Robin Ashby is in it');

    const registration = c.locator('.govuk-summary-card', { hasText: email });
    expect(await registration.innerText()).toContain(club);
    await registration.getByRole('button', { name: 'Approve Robin Ashby' }).click();
    expect(await c.locator('.govuk-notification-banner').innerText()).toContain('Registration approved: Robin Ashby can now sign in');
    await c.setViewportSize(PHONE);
    await expectAccessible(c, 'registration queue (phone)');
    await screenshot(c, 'registration-queue-phone');
    await coordinator.close();

    const approved = await waitForMail(email, /^Your Learning Hub account is ready/);
    expect(approved.text).toContain('/sign-in');
    await signIn(page, email, PASSWORD);
    await page.waitForURL(`${webUrl()}/courses`);
    await page.goto(`${webUrl()}/account`);
    expect(await page.locator('main').innerText()).toContain(`You work for ${club}`);
    await expectAccessible(page, 'account (phone)');
  });
});
