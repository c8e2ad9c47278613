import { buildInvite, inviteUid, londonToUtc } from '@lh/domain';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { axe, DESKTOP, demoEmail, launchBrowser, PHONE, screenshot, signIn, webUrl } from './support';

/**
 * A mail that failed to go out, as the delivery worker would have left it. (Once bookings send
 * mail, a booking made in the browser can take its place.)
 */
async function aFailedMail(subject: string): Promise<void> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) {
    throw new Error('E2E_DATABASE_URL is not set: run e2e tests through jest --selectProjects e2e');
  }
  const bookingId = randomUUID();
  const ics = buildInvite({
    method: 'REQUEST',
    uid: inviteUid(bookingId, randomUUID()),
    sequence: 0,
    organizer: { name: 'Northshire Safeguarding Children Partnership', email: 'training@learning-hub.example.org' },
    attendee: { name: 'Priya Shah', email: 'practitioner@example.org' },
    summary: subject,
    description: 'Room 4. Arrive ten minutes early.',
    location: 'Northshire College, 1 High Street, Northshire NS1 1AA',
    start: londonToUtc('2026-10-26', '09:30'),
    end: londonToUtc('2026-10-26', '12:30'),
  });
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into outbox_message (id, kind, status, to_email, to_name, subject, text, html, ics, ics_method, ics_uid, ics_sequence,
         message_id, attempts, last_error, next_attempt_at, booking_id)
       values ($1, 'BOOKING_CONFIRMED', 'FAILED', 'practitioner@example.org', 'Priya Shah', $2, $3, $4, $5, 'REQUEST', $6, 0,
         $7, 6, '421 Service not available, closing transmission channel', now(), $8)`,
      [
        randomUUID(),
        subject,
        `Your place on ${subject} is confirmed.`,
        `<!DOCTYPE html><html lang="en-GB"><body><h1>Your place is booked</h1></body></html>`,
        ics,
        inviteUid(bookingId, 'x'),
        `<${randomUUID()}@learning-hub.example.org>`,
        bookingId,
      ],
    );
  } finally {
    await client.end();
  }
}

describe('mail log and caught mail in Chromium', () => {
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

  it('lets a coordinator see a failed mail, send it again, and read it with its invite', async () => {
    const subject = `Booking confirmed: DASH risk checklist ${randomUUID().slice(0, 8)}`;
    await aFailedMail(subject);
    await signIn(page, demoEmail('Coordinator'));
    await page.waitForURL(/\/courses$/);
    await page.getByRole('link', { name: 'Mail log' }).click();
    await page.waitForURL(`${webUrl()}/manage/mail`);

    await page.getByLabel('Status').selectOption('FAILED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=FAILED/);
    const row = page.locator('tr', { hasText: subject });
    await expect(row.innerText()).resolves.toMatch(/Failed[\s\S]*421 Service not available/);
    await expectAccessible('mail log');
    await screenshot(page, 'mail-log-desktop');

    await row.getByRole('button', { name: /Try again/ }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('The mail will be sent again');

    // The delivery worker sends it to the development mail catcher within seconds
    const link = page.getByRole('link', { name: subject });
    for (let i = 0; i < 30 && !(await link.count()); i++) {
      await page.goto(`${webUrl()}/dev/mail`);
      if (!(await link.count())) {
        await page.waitForTimeout(500);
      }
    }
    await expectAccessible('caught mail');
    await link.click();
    await page.waitForURL(/\/dev\/mail\/[\w.-]+\.eml$/);
    const details = await page.locator('main').innerText();
    expect(details).toContain('REQUEST');
    expect(details).toContain('Monday 26 October 2026, 9:30am to 12:30pm');
    expect(details).toContain('2026-10-26T09:30:00.000Z');
    expect(details).toContain(`Your place on ${subject} is confirmed.`);
    await expectAccessible('caught mail message');

    await page.goto(`${webUrl()}/manage/mail?status=SENT`);
    await expect(page.locator('tr', { hasText: subject }).innerText()).resolves.toMatch(/Sent/);
  }, 60_000);

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('both pages pass axe at %s width', async (width, viewport) => {
    await page.setViewportSize(viewport);
    await signIn(page, demoEmail('Coordinator'));
    await page.waitForURL(/\/courses$/);
    for (const path of ['/manage/mail', '/dev/mail']) {
      await page.goto(`${webUrl()}${path}`);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectAccessible(`${path} (${width})`);
    }
    await screenshot(page, `mail-log-${width}`);
  });

  it('refuses a practitioner', async () => {
    await signIn(page, demoEmail('Practitioner'));
    await page.waitForURL(/\/courses$/);
    expect(await page.getByRole('link', { name: 'Mail log' }).count()).toBe(0);
    for (const path of ['/manage/mail', '/dev/mail']) {
      const res = await page.goto(`${webUrl()}${path}`);
      expect(res?.status()).toBe(403);
      expect(await page.locator('h1').innerText()).toBe('You do not have access to this page');
    }
  });
});
