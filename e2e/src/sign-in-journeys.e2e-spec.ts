// Signing in with a link, forgetting a password, signing out everywhere and the wait after wrong
// passwords: the whole journey in Chromium, with the mail caught by the local SMTP catcher.
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { axe, PHONE, screenshot, waitForMail, webUrl } from './support';
import { useBrowser } from './browser';

jest.setTimeout(120_000);

/** A new practitioner of our own, so changing their password or locking them out touches no one else. */
async function aPractitioner(name: string): Promise<{ email: string; password: string; name: string }> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) {
    throw new Error('E2E_DATABASE_URL is not set: run e2e tests through jest --selectProjects e2e');
  }
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.org`;
  const password = `pw ${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into person (id, name, email, status, email_verified_at, roles, password_hash) values ($1, $2, $3, 'ACTIVE', now(), '{PRACTITIONER}', $4)`,
      [randomUUID(), name, email, await argon2.hash(password, { type: argon2.argon2id })],
    );
  } finally {
    await client.end();
  }
  return { email, password, name };
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect({ page: name, violations: await axe(page) }).toEqual({ page: name, violations: [] });
}

async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${webUrl()}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The first link in a mail's text that starts with `path`. */
function linkIn(text: string, path: string): string {
  const found = new RegExp(`${webUrl().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}${path}[^\\s]*`).exec(text)?.[0];
  if (!found) {
    throw new Error(`No ${path} link in the mail:\n${text}`);
  }
  return found;
}

describe('signing in, passwords and sessions in Chromium', () => {
  const web = useBrowser();

  it('signs in with a link from the mail and lands on the page they asked for', async () => {
    const person = await aPractitioner('Grace Okafor');
    const { page } = web;
    await page.goto(`${webUrl()}/bookings`);
    await page.waitForURL(/\/sign-in\?next=%2Fbookings/);
    await page.getByRole('link', { name: 'Email me a sign-in link' }).click();
    await page.waitForURL(/\/sign-in\/link\?next=%2Fbookings/);
    await expectAccessible(page, 'ask for a sign-in link');
    await screenshot(page, 'sign-in-link-request-desktop');
    await page.getByLabel('Email address').fill(person.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Check your email');
    expect(await page.locator('main').innerText()).toContain(`If ${person.email} has a Learning Hub account, we have sent it a link`);
    await expectAccessible(page, 'check your email (sign-in link)');

    const mail = await waitForMail(person.email, /Your link to sign in/);
    expect(mail.text).toContain('The link works once, within 15 minutes.');
    const link = linkIn(mail.text, '/sign-in/link/');
    expect(link).toContain('?next=%2Fbookings');

    // Opening it (as a mail scanner would) signs no one in and uses nothing up.
    const scanned = await fetch(link, { redirect: 'manual' });
    expect(scanned.status).toBe(200);
    expect(scanned.headers.getSetCookie().some((c) => c.startsWith('lh_session='))).toBe(false);

    await page.goto(link);
    await expectAccessible(page, 'sign-in link');
    await screenshot(page, 'sign-in-link-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'sign-in-link-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${webUrl()}/bookings`);
    expect(await page.locator('header').innerText()).toMatch(/Signed in as\s+Grace Okafor/);

    // Once used, the link says so.
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('This sign-in link cannot be used');
    expect(await page.locator('main').innerText()).toContain('This link has already been used.');
  });

  it('works without JavaScript: the link page posts its form', async () => {
    const person = await aPractitioner('Ola Nowak');
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${webUrl()}/sign-in/link?next=${encodeURIComponent('/account')}`);
      await page.getByLabel('Email address').fill(person.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      const link = linkIn((await waitForMail(person.email, /Your link to sign in/)).text, '/sign-in/link/');
      await page.goto(link);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(`${webUrl()}/account`);
    } finally {
      await context.close();
    }
  });

  it('forgot password: a reset link sets a new password and the old session is signed out', async () => {
    const person = await aPractitioner('Tom Hughes');
    const laptop = web.page;
    await signInWithPassword(laptop, person.email, person.password);
    await laptop.waitForURL(`${webUrl()}/courses`);

    const phoneContext = await web.browser.newContext({ viewport: PHONE });
    try {
      const phone = await phoneContext.newPage();
      await phone.goto(`${webUrl()}/sign-in`);
      await phone.getByRole('link', { name: 'Forgot your password?' }).click();
      await phone.waitForURL(`${webUrl()}/sign-in/forgot-password`);
      await expectAccessible(phone, 'forgot password');
      await phone.getByLabel('Email address').fill(person.email);
      await phone.getByRole('button', { name: 'Send the link' }).click();
      await phone.getByRole('heading', { name: 'Check your email' }).waitFor();

      const link = linkIn((await waitForMail(person.email, /Choose a new Learning Hub password/)).text, '/account/set-password/');
      await phone.goto(link);
      await expectAccessible(phone, 'choose a new password');
      await screenshot(phone, 'set-password-phone');
      await phone.getByLabel('New password').fill('short');
      await phone.getByRole('button', { name: 'Change password and sign in' }).click();
      expect(await phone.locator('.govuk-error-summary').innerText()).toContain('Your password must be at least 12 characters');
      await phone.getByLabel('New password').fill('correct horse battery staple');
      await phone.getByRole('button', { name: 'Change password and sign in' }).click();
      await phone.waitForURL(`${webUrl()}/account?password=set`);
      expect(await phone.locator('main').innerText()).toContain('Your password is set and you are signed in');

      const changed = await waitForMail(person.email, /Your Learning Hub password was changed/);
      expect(changed.text).toContain('Every other device and browser where you were signed in has been signed out.');

      await laptop.goto(`${webUrl()}/account`);
      await laptop.waitForURL(/\/sign-in\?next=%2Faccount/);
      await signInWithPassword(laptop, person.email, 'correct horse battery staple');
      await laptop.waitForURL(`${webUrl()}/courses`);
    } finally {
      await phoneContext.close();
    }
  });

  it('shows where you are signed in, signs out one other device, then everywhere', async () => {
    const person = await aPractitioner('Amara Bello');
    const other = await web.browser.newContext({
      userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    });
    try {
      const phone = await other.newPage();
      await signInWithPassword(phone, person.email, person.password);
      await phone.waitForURL(`${webUrl()}/courses`);

      const { page } = web;
      await signInWithPassword(page, person.email, person.password);
      await page.waitForURL(`${webUrl()}/courses`);
      await page.goto(`${webUrl()}/account`);
      const section = page.locator('section[aria-labelledby="signed-in"]');
      const cards = section.locator('.govuk-summary-card');
      await expect(cards.count()).resolves.toBe(2);
      expect(await cards.nth(0).innerText()).toMatch(/Chrome on Linux\s*This device[\s\S]*Email and password/);
      expect(await cards.nth(1).innerText()).toMatch(
        /Chrome on Android[\s\S]*Email and password[\s\S]*Last used\s+\d{1,2}(:\d\d)?[ap]m on /,
      );
      await expectAccessible(page, 'account: where you are signed in');
      await screenshot(page, 'account-sessions-desktop');
      await page.setViewportSize(PHONE);
      await screenshot(page, 'account-sessions-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

      await section.getByRole('button', { name: /^Sign out of Chrome on Android/ }).click();
      await page.getByText('That browser or device is signed out').waitFor();
      await expect(section.locator('.govuk-summary-card').count()).resolves.toBe(1);
      await phone.goto(`${webUrl()}/account`);
      await phone.waitForURL(/\/sign-in\?next=%2Faccount/);

      await signInWithPassword(phone, person.email, person.password);
      await phone.waitForURL(`${webUrl()}/courses`);
      await page.goto(`${webUrl()}/account`);
      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.waitForURL(`${webUrl()}/sign-in?signed-out=everywhere`);
      expect(await page.locator('main').innerText()).toContain('You are signed out on every browser and device');
      await phone.goto(`${webUrl()}/bookings`);
      await phone.waitForURL(/\/sign-in\?next=%2Fbookings/);
    } finally {
      await other.close();
    }
  });

  it('after five wrong passwords, the sign-in page says when to try again', async () => {
    const person = await aPractitioner('Lee Morgan');
    const { page } = web;
    for (let i = 0; i < 5; i++) {
      await signInWithPassword(page, person.email, `wrong ${i}`);
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('The email address or password is not right');
    }
    await signInWithPassword(page, person.email, person.password);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Too many attempts. Try again in 1 minute.');
    expect(await page.locator('#email-error').innerText()).toContain('Too many attempts. Try again in 1 minute.');
    expect(page.url()).toBe(`${webUrl()}/sign-in`);
    await expectAccessible(page, 'sign-in: too many attempts');
    await screenshot(page, 'sign-in-too-many-attempts-desktop');
  });
});
