import { buildInvite, inviteUid, londonToUtc } from '@lh/domain';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { axe, DESKTOP, PHONE, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

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
    const messageId = randomUUID();
    await client.query(
      `insert into outbox_message (id, kind, status, to_email, to_name, subject, text, html,
         message_id, attempts, last_error, next_attempt_at, booking_id)
       values ($1, 'BOOKING_CONFIRMED', 'FAILED', 'practitioner@example.org', 'Priya Shah', $2, $3, $4,
         $5, 6, '421 Service not available, closing transmission channel', now(), $6)`,
      [
        messageId,
        subject,
        `Your place on ${subject} is confirmed.`,
        `<!DOCTYPE html><html lang="en-GB"><body><h1>Your place is booked</h1></body></html>`,
        `<${randomUUID()}@learning-hub.example.org>`,
        bookingId,
      ],
    );
    await client.query(
      `insert into outbox_invite (id, message_id, position, ics, method, uid, sequence) values ($1, $2, 0, $3, 'REQUEST', $4, 0)`,
      [randomUUID(), messageId, ics, inviteUid(bookingId, 'x')],
    );
  } finally {
    await client.end();
  }
}

describe('mail log and caught mail in Chromium', () => {
  const web = useBrowser();

  async function expectAccessible(name: string): Promise<void> {
    const violations = await axe(web.page);
    expect({ page: name, violations }).toEqual({ page: name, violations: [] });
  }

  it('lets a coordinator see a failed mail, send it again, and read it with its invite', async () => {
    const subject = `Booking confirmed: DASH risk checklist ${randomUUID().slice(0, 8)}`;
    await aFailedMail(subject);
    await signInAs(web.page, 'Coordinator');
    await web.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Manage' }).click();
    await web.page.getByRole('link', { name: 'Mail log' }).click();
    await web.page.waitForURL(`${webUrl()}/manage/mail`);

    await web.page.getByLabel('Status').selectOption('FAILED');
    await web.page.getByRole('button', { name: 'Apply filters' }).click();
    await web.page.waitForURL(/status=FAILED/);
    const row = web.page.locator('tr', { hasText: subject });
    await expect(row.innerText()).resolves.toMatch(/Failed[\s\S]*421 Service not available/);
    await expectAccessible('mail log');
    await screenshot(web.page, 'mail-log-desktop');

    await row.getByRole('button', { name: /Try again/ }).click();
    await expect(web.page.locator('.govuk-notification-banner').innerText()).resolves.toContain('The mail will be sent again');

    // The delivery worker sends it to the development mail catcher within seconds
    const link = web.page.getByRole('link', { name: subject });
    for (let i = 0; i < 30 && !(await link.count()); i++) {
      await web.page.goto(`${webUrl()}/dev/mail`);
      if (!(await link.count())) {
        await web.page.waitForTimeout(500);
      }
    }
    await expectAccessible('caught mail');
    await link.click();
    await web.page.waitForURL(/\/dev\/mail\/[\w.-]+\.eml$/);
    const details = await web.page.locator('main').innerText();
    expect(details).toContain('REQUEST');
    expect(details).toContain('Monday 26 October 2026, 9:30am to 12:30pm');
    expect(details).toContain('2026-10-26T09:30:00.000Z');
    expect(details).toContain(`Your place on ${subject} is confirmed.`);
    await expectAccessible('caught mail message');

    await web.page.goto(`${webUrl()}/manage/mail?status=SENT`);
    await expect(web.page.locator('tr', { hasText: subject }).innerText()).resolves.toMatch(/Sent/);
  }, 60_000);

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('both pages pass axe at %s width', async (width, viewport) => {
    await web.page.setViewportSize(viewport);
    await signInAs(web.page, 'Coordinator');
    for (const path of ['/manage/mail', '/dev/mail']) {
      await web.page.goto(`${webUrl()}${path}`);
      expect(await web.page.locator('h1').count()).toBe(1);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectAccessible(`${path} (${width})`);
    }
    await screenshot(web.page, `mail-log-${width}`);
  });

  it('refuses a practitioner', async () => {
    await signInAs(web.page, 'Practitioner');
    expect(await web.page.getByRole('link', { name: 'Mail log' }).count()).toBe(0);
    for (const path of ['/manage/mail', '/dev/mail']) {
      const res = await web.page.goto(`${webUrl()}${path}`);
      expect(res?.status()).toBe(403);
      expect(await web.page.locator('h1').innerText()).toBe('You do not have access to this page');
    }
  });
});
