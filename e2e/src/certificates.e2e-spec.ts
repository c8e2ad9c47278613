import {
  MarkAttendanceDocument,
  MyBookingsDocument,
  MyCertificatesDocument,
  PartRegisterDocument,
  SessionRegisterPartsDocument,
} from '@lh/graphql-client';
import { londonParts } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { signInAs, useBrowser } from './browser';
import { api, apiCookie, axe, DESKTOP, PHONE, screenshot, webUrl } from './support';

jest.setTimeout(300_000);

/**
 * Certificates in the web app: the demo practitioner (whose past demo sessions' registers are signed off)
 * downloads a certificate from "Your certificates"; its code checks out signed out and without JavaScript
 * on /verify; a coordinator's correction of that register (a past session, so with a reason) revokes it,
 * and the verification page then says so. Every page passes axe at 320 px and at desktop width.
 */
describe('certificates in the web app', () => {
  const web = useBrowser();
  const page = () => web.page;
  /** The certificate the journeys follow, and where it came from. */
  let chosen: { code: string; courseTitle: string; completedOn: string } | null = null;
  /** The coordinator's correction, undone when the spec ends (other journeys read the demo registers). */
  const undo: { partId: string; bookingId: string }[] = [];

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

  /** Marks the booking on each part as the coordinator, with a reason (a correction: the registers are signed off). */
  async function correct(parts: { partId: string; bookingId: string }[], mark: 'DID_NOT_ATTEND' | 'PRESENT', reason: string) {
    const cookie = await apiCookie('Coordinator');
    for (const { partId, bookingId } of parts) {
      const { register } = (await api()(PartRegisterDocument, { partId }, { cookie })).data;
      const entry = register.entries.find((e) => e.bookingId === bookingId)!;
      const { markAttendance } = (
        await api()(
          MarkAttendanceDocument,
          { input: { clientId: randomUUID(), partId, bookingId, mark, basedOnEventId: entry.eventId, reason } },
          { cookie },
        )
      ).data;
      expect(markAttendance).toMatchObject({ applied: true, conflict: null });
    }
  }

  afterAll(async () => {
    if (undo.length) {
      await correct(undo, 'PRESENT', 'e2e: the certificate journey puts the register back as it was');
    }
  });

  it('the demo practitioner downloads a certificate from "Your certificates", and its code checks out signed out', async () => {
    await signInAs(page(), 'Practitioner');
    await page().goto(`${webUrl()}/certificates`);
    expect(await page().getByRole('heading', { level: 1 }).textContent()).toBe('Your certificates');
    await expectAccessible(page(), 'certificates');

    const row = page().locator('tbody tr', { hasText: 'Valid' }).first();
    const courseTitle = (await row.locator('td').first().textContent())!.split('Level')[0]!.trim();
    const code = (await row.locator('td').nth(3).locator('.govuk-\\!-font-weight-bold').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const [download] = await Promise.all([page().waitForEvent('download'), row.getByRole('link', { name: /^Download PDF/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Certificate .+\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);

    const mine = (await api()(MyCertificatesDocument, {}, { cookie: await apiCookie('Practitioner') })).data.myCertificates;
    chosen = { code, courseTitle, completedOn: mine.find((c) => c.code === code)!.completedOn };

    // signed out, and without JavaScript: the form is a plain POST
    const signedOut = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    try {
      const p = await signedOut.newPage();
      const form = await p.goto(`${webUrl()}/verify`);
      expect(form!.headers()['x-robots-tag']).toContain('noindex');
      expect(await p.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');

      await p.getByLabel('Certificate code').fill('123');
      await p.getByRole('button', { name: 'Check certificate' }).click();
      expect(await p.locator('.govuk-error-summary').textContent()).toContain(
        'Enter the code as it is printed on the certificate, for example',
      );
      await p.getByLabel('Certificate code').fill('0000 0000 0000 0000 0000');
      await p.getByRole('button', { name: 'Check certificate' }).click();
      await p.waitForURL(`${webUrl()}/verify/0000-0000-0000-0000-0000`);
      expect(await p.locator('.govuk-error-summary').textContent()).toContain('No certificate has this code');

      // typed as a person might: lower case, spaces for dashes, O for 0
      await p.getByLabel('Certificate code').fill(code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o'));
      await p.getByRole('button', { name: 'Check certificate' }).click();
      await p.waitForURL(`${webUrl()}/verify/${code}`);
      expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('This certificate is valid');
      expect(await p.locator('.govuk-summary-list').textContent()).toContain(courseTitle);
      expect(await p.locator('.govuk-summary-list').textContent()).toContain(code);
      const direct = await p.goto(`${webUrl()}/verify/${code}`);
      expect(direct!.headers()['x-robots-tag']).toContain('noindex');
    } finally {
      await signedOut.close();
    }
    // axe runs in the page, so these two are looked at with JavaScript on
    const withScript = await web.browser.newContext({ viewport: DESKTOP });
    try {
      const p = await withScript.newPage();
      await p.goto(`${webUrl()}/verify`);
      await expectAccessible(p, 'verify');
      await p.goto(`${webUrl()}/verify/${code}`);
      expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('This certificate is valid');
      await expectAccessible(p, 'verify-valid');
    } finally {
      await withScript.close();
    }
  });

  it("a coordinator's correction of that register after sign-off revokes it, and the verification page says so", async () => {
    expect(chosen).not.toBeNull();
    const { code, courseTitle, completedOn } = chosen!;
    const { myBookings } = (await api()(MyBookingsDocument, {}, { cookie: await apiCookie('Practitioner') })).data;
    const booking = myBookings.past.find(
      (b) =>
        b.status === 'CONFIRMED' && b.session.course.title === courseTitle && londonParts(new Date(b.session.endsAt)).date === completedOn,
    )!;
    expect(booking).toBeDefined();
    const { sessionAdmin } = (
      await api()(SessionRegisterPartsDocument, { id: booking.session.id }, { cookie: await apiCookie('Coordinator') })
    ).data;
    const parts = sessionAdmin.parts.map((p) => ({ partId: p.id, bookingId: booking.id }));
    await correct(parts, 'DID_NOT_ATTEND', 'e2e: signed in for a colleague who was not there');
    undo.push(...parts);

    const signedOut = await web.browser.newContext({ viewport: DESKTOP });
    try {
      const p = await signedOut.newPage();
      await p.goto(`${webUrl()}/verify/${code}`);
      expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('This certificate was revoked');
      const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(
        new Date(),
      );
      expect(await p.locator('main').textContent()).toContain(`revoked on ${today}`);
      expect(await p.locator('main').textContent()).not.toContain('colleague'); // the reason is for the holder, not the public
      await expectAccessible(p, 'verify-revoked');
    } finally {
      await signedOut.close();
    }

    await signInAs(page(), 'Practitioner');
    await page().goto(`${webUrl()}/certificates`);
    const row = page().locator('tbody tr', { hasText: code });
    expect(await row.textContent()).toContain('Revoked');
  });

  it('coordinators say on the course form whether partly attended completes and how long certificates stay valid', async () => {
    await signInAs(page(), 'Coordinator');
    await page().goto(`${webUrl()}/manage/courses`);
    const edit = page().locator('a[href$="/edit"]').first();
    const editUrl = `${webUrl()}${await edit.getAttribute('href')}`;
    await page().goto(editUrl);
    const months = page().getByLabel('Certificates stay valid for this many months (optional)');
    const partly = page().getByLabel('Count partly attended as completing the course');
    const save = page().locator('form button[type="submit"], form button:not([type])').last();
    const before = { months: await months.inputValue(), partly: await partly.isChecked() };

    await months.fill('three years');
    await save.click();
    expect(await page().locator('.govuk-error-summary').textContent()).toContain(
      'Enter how many months certificates stay valid as a whole number from 1 to 120, or leave it empty if they do not expire',
    );
    await months.fill('121');
    await save.click();
    expect(await page().locator('.govuk-error-summary').textContent()).toContain('a whole number from 1 to 120');

    await months.fill('36');
    await partly.setChecked(true);
    await save.click();
    await page().waitForURL(/\/manage\/courses\?done=saved/);
    await page().goto(editUrl);
    expect(await months.inputValue()).toBe('36');
    expect(await partly.isChecked()).toBe(true);

    // as it was, for the journeys that follow
    await months.fill(before.months);
    await partly.setChecked(before.partly);
    await save.click();
    await page().waitForURL(/\/manage\/courses\?done=saved/);
  });
});
