// Course status and the session form, as a coordinator and a practitioner meet them: a draft course is added,
// a session with two parts (the second added without JavaScript) and a trainer is prepared on it, the course
// is published and a practitioner finds and books it, then it is archived and takes no new session.
import type { Page } from 'playwright-core';
import { expectAccessibleAtBothWidths } from './accessibility-support';
import { apiCookie, DESKTOP, releaseDemoTrainer, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(180_000);

const DAY = 86_400_000;
const stamp = Date.now().toString(36);
const title = `Safeguarding and disability ${stamp}`;
// far enough ahead (and away from other journeys' times) that the demo trainer is free
const first = new Date(Date.now() + (220 + Math.floor(Math.random() * 60)) * DAY);
const second = new Date(first.getTime() + DAY);

describe('course status and the session form', () => {
  const web = useBrowser();
  let courseId = '';
  let sessionId = '';

  afterAll(async () => {
    if (sessionId) {
      await releaseDemoTrainer(await apiCookie('Coordinator'), [sessionId]);
    }
  });

  const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);
  const banner = (page: Page) => page.locator('.govuk-notification-banner').innerText();
  async function fillDate(page: Page, id: string, d: Date): Promise<void> {
    await byId(page, `${id}-day`).fill(String(d.getUTCDate()));
    await byId(page, `${id}-month`).fill(String(d.getUTCMonth() + 1));
    await byId(page, `${id}-year`).fill(String(d.getUTCFullYear()));
  }

  it('a coordinator adds a draft course and prepares a session of it: two parts (without JavaScript) and a trainer', async () => {
    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage/courses/new`);
    await web.page.getByLabel('Title').fill(title);
    await web.page.getByLabel('Summary').fill('Recognising abuse and neglect of disabled children.');
    await web.page.getByLabel('Priority area').selectOption({ label: 'Neglect' });
    await web.page.getByLabel('Level 2: foundation').check();
    await web.page.getByLabel('Duration in minutes').fill('360');
    expect(await web.page.getByLabel('Publish now: put it in the catalogue straight away').isChecked()).toBe(false);
    await web.page.getByRole('button', { name: 'Add course' }).click();
    await web.page.waitForURL(/\/manage\/courses\?done=added&course=[0-9a-f-]{36}$/);
    courseId = new URL(web.page.url()).searchParams.get('course')!;
    expect(await banner(web.page)).toContain('Course added as a draft');

    // the list filtered to drafts shows it with its tag
    await web.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Drafts' });
    await web.page.getByRole('button', { name: 'Show courses' }).click();
    await web.page.waitForURL(/status=DRAFT/);
    const row = web.page.locator('tbody tr', { has: web.page.getByRole('link', { name: `${title} (edit)` }) });
    expect(await row.locator('.govuk-tag').innerText()).toBe('Draft');
    expect(new Set(await web.page.locator('tbody .govuk-tag').allInnerTexts())).toEqual(new Set(['Draft']));
    await expectAccessibleAtBothWidths(web.page, 'courses, drafts');

    // nobody else can open it yet
    const visitor = await web.browser.newContext({ viewport: DESKTOP });
    const v = await visitor.newPage();
    const response = await v.goto(`${webUrl()}/courses/${courseId}`);
    expect(response?.status()).toBe(404);
    await visitor.close();

    // the session form, without JavaScript: one part at first, a second added on request, values kept
    const noJs = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await noJs.newPage();
    try {
      await signInAs(page, 'Coordinator');
      await page.goto(`${webUrl()}/manage/sessions/new?courseId=${courseId}`);
      expect(await byId(page, 'parts.0.date-day').count()).toBe(1);
      expect(await byId(page, 'parts.1.date-day').count()).toBe(0);
      await fillDate(page, 'parts.0.date', first);
      await page.getByLabel('Part 1: start time').fill('09:30');
      await page.getByLabel('Part 1: end time').fill('12:30');
      await page.getByLabel('Venue', { exact: true }).selectOption({ index: 1 });
      await page.getByLabel('Number of places').fill('16');
      await page.getByLabel(/^Tom Walsh \(\d+\)$/).check();
      await page.getByRole('button', { name: 'Add another part' }).click();
      await page.waitForSelector('[id="parts.1.date-day"]');
      expect(await page.getByLabel('Part 1: start time').inputValue()).toBe('09:30');
      expect(await page.getByLabel('Number of places').inputValue()).toBe('16');
      expect(await page.getByLabel(/^Tom Walsh \(\d+\)$/).isChecked()).toBe(true);
      expect(await page.locator('.govuk-error-summary').count()).toBe(0);

      // a third part added and removed again
      await page.getByRole('button', { name: 'Add another part' }).click();
      await page.waitForSelector('[id="parts.2.date-day"]');
      await page.getByRole('button', { name: 'Remove this part (part 3)' }).click();
      await page.waitForSelector('[id="parts.1.date-day"]');
      expect(await byId(page, 'parts.2.date-day').count()).toBe(0);

      await fillDate(page, 'parts.1.date', second);
      await page.getByLabel('Part 2: start time').fill('13:00');
      await page.getByLabel('Part 2: end time').fill('16:00');
      await page.getByRole('button', { name: 'Add session' }).click();
      await page.waitForURL(/\/manage\/sessions\/[0-9a-f-]{36}\/edit\?done=added$/);
      sessionId = page.url().split('/')[5]!;
      expect(await page.getByLabel('Part 2: start time').inputValue()).toBe('13:00');
      expect(await page.locator('main').innerText()).toContain('Tom Walsh');
    } finally {
      await noJs.close();
    }

    // the form's new parts, checked by axe (which needs JavaScript) at both widths
    await web.page.goto(`${webUrl()}/manage/sessions/new?courseId=${courseId}`);
    await web.page.getByRole('button', { name: 'Add another part' }).click();
    await web.page.waitForSelector('[id="parts.1.date-day"]');
    await expectAccessibleAtBothWidths(web.page, 'add a session, two parts');
  });

  it('a coordinator publishes the course, then a practitioner finds it and books its session', async () => {
    expect(sessionId).not.toBe('');
    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage/courses/${courseId}/edit`);
    expect(await web.page.locator('#status').innerText()).toContain('Draft');
    await web.page.getByRole('button', { name: 'Publish this course' }).click();
    await web.page.waitForURL(/done=published$/);
    expect(await banner(web.page)).toContain('Course published');
    expect(await web.page.locator('#status').innerText()).toContain('Published');
    await expectAccessibleAtBothWidths(web.page, 'course page, published');

    const context = await web.browser.newContext({ viewport: DESKTOP });
    const p = await context.newPage();
    try {
      await signInAs(p, 'Practitioner');
      await p.goto(`${webUrl()}/courses?search=${encodeURIComponent(stamp)}`);
      await p.getByRole('link', { name: title }).click();
      await p.waitForURL(`${webUrl()}/courses/${courseId}`);
      await p.locator('a.govuk-button', { hasText: 'Book a place' }).first().click();
      await p.waitForURL(/\/sessions\/[0-9a-f-]{36}\/book$/);
      expect(await p.locator('main').innerText()).toContain('Tom Walsh');
      await p.getByRole('button', { name: 'Book a place' }).click();
      await p.waitForURL(/\/bookings\/[0-9a-f-]{36}\?outcome=booked$/);
      expect(await p.locator('.govuk-notification-banner').innerText()).toContain('Your place is booked');
    } finally {
      await context.close();
    }
  });

  it('a coordinator archives the course, and it takes no new session', async () => {
    expect(sessionId).not.toBe('');
    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage/courses/${courseId}/edit`);
    await web.page.getByRole('button', { name: 'Archive this course' }).click();
    await web.page.waitForURL(/done=archived$/);
    expect(await banner(web.page)).toContain('Course archived');
    expect(await web.page.getByRole('button', { name: 'Publish this course again' }).count()).toBe(1);
    await expectAccessibleAtBothWidths(web.page, 'course page, archived');

    await web.page.goto(`${webUrl()}/manage/sessions/new?courseId=${courseId}`);
    const refusal = 'This course is archived, so no new sessions can be added to it: publish it again first';
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain(refusal);
    expect(await web.page.locator('[id="parts.0.date-day"]').count()).toBe(0);
    await expectAccessibleAtBothWidths(web.page, 'add a session, archived course');

    // the list says so, and offers no "Add a session" for it
    await web.page.goto(`${webUrl()}/manage/courses?status=ARCHIVED`);
    const row = web.page.locator('tbody tr', { has: web.page.getByRole('link', { name: `${title} (edit)` }) });
    expect(await row.innerText()).toContain('Archived: no new sessions');
  });
});
