import type { Page } from 'playwright-core';
import { axe, DESKTOP, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(90_000);

/** The next last Sunday of October (the clocks go back at 2am BST) at least three weeks away. */
function nextAutumnClockChange(): Date {
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const d = new Date(Date.UTC(year, 10, 0));
    d.setUTCDate(d.getUTCDate() - d.getUTCDay());
    if (d.getTime() > Date.now() + 21 * 86_400_000) {
      return d;
    }
  }
}
const longDate = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Demo courses (api/src/seed/demo-data.ts) of each kind the form treats differently. */
const FACE_TO_FACE_HALF_DAY = 'Professional Curiosity'; // face to face, 3 hours
const VIRTUAL = 'Modern Day Slavery awareness';
const E_LEARNING = 'Basic awareness e-learning: Domestic Abuse';

/** The session form as a coordinator meets it: which 01:30, parts longer than the course, e-learning, the place's default (online: the link only). */
describe('the session form', () => {
  const web = useBrowser();

  const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);
  async function expectAccessible(page: Page, name: string): Promise<void> {
    expect({ page: name, violations: await axe(page) }).toEqual({ page: name, violations: [] });
  }
  async function chooseCourse(page: Page, title: string): Promise<void> {
    await page.goto(`${webUrl()}/manage/sessions/new`);
    await page.getByLabel('Which course is the session for?').selectOption({ label: title });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/courseId=/);
  }
  async function fillAutumnPart(page: Page, start: string, end: string): Promise<void> {
    const autumn = nextAutumnClockChange();
    await byId(page, 'parts.0.date-day').fill(String(autumn.getUTCDate()));
    await byId(page, 'parts.0.date-month').fill(String(autumn.getUTCMonth() + 1));
    await byId(page, 'parts.0.date-year').fill(String(autumn.getUTCFullYear()));
    await page.getByLabel('Part 1: start time').fill(start);
    await page.getByLabel('Part 1: end time').fill(end);
    await page.getByLabel('Venue', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Number of places').fill('12');
  }
  const selectedPlace = (page: Page) => page.locator('#venueId option:checked').innerText();

  it('starts a face-to-face course on "Choose a venue", a virtual one online, and turns e-learning away', async () => {
    await signInAs(web.page, 'Coordinator');
    await chooseCourse(web.page, FACE_TO_FACE_HALF_DAY);
    expect(await selectedPlace(web.page)).toBe('Choose a venue');
    expect(await web.page.locator('#venueId option').last().innerText()).toBe('Online session (no venue)');

    // an online course's session asks for the joining link only
    await chooseCourse(web.page, VIRTUAL);
    expect(await web.page.locator('#venueId').count()).toBe(0);
    expect(await web.page.locator('#room').count()).toBe(0);
    expect(await web.page.getByLabel('Online joining link').count()).toBe(1);

    await chooseCourse(web.page, E_LEARNING);
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain(
      "E-learning is done online at the learner's own pace: it has no sessions",
    );
    expect(await web.page.locator('#venueId').count()).toBe(0);
    await expectAccessible(web.page, 'add a session: e-learning chosen');

    // the questions the form asks only when needed are accessible too (axe needs JavaScript)
    await chooseCourse(web.page, FACE_TO_FACE_HALF_DAY);
    await fillAutumnPart(web.page, '01:30', '09:30');
    await web.page.getByRole('button', { name: 'Add session' }).click();
    await web.page.waitForSelector('[id="parts.0.startOccurrence-error"]');
    await expectAccessible(web.page, 'add a session: which 01:30');
    await web.page.getByLabel('The first 01:30 (BST), before the clocks go back').check();
    await web.page.getByRole('button', { name: 'Add session' }).click();
    await web.page.waitForSelector('[id="confirmLongerThanCourse-error"]');
    await expectAccessible(web.page, 'add a session: longer than the course');
  });

  it('without JavaScript, asks which 01:30 is meant on the night the clocks go back, and to confirm parts longer than the course', async () => {
    const context = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await signInAs(page, 'Coordinator');
      await chooseCourse(page, FACE_TO_FACE_HALF_DAY);
      // no question before it is needed
      expect(await byId(page, 'parts.0.startOccurrence').count()).toBe(0);
      expect(await byId(page, 'confirmLongerThanCourse').count()).toBe(0);

      const autumn = nextAutumnClockChange();
      await fillAutumnPart(page, '1:30', '03:00');
      await page.getByRole('button', { name: 'Add session' }).click();
      await page.waitForSelector('.govuk-error-summary');

      const twice = `Part 1: 01:30 on ${longDate(autumn)} happens twice when the clocks go back: choose the first (BST) or second (GMT)`;
      expect(await page.locator('.govuk-error-summary').innerText()).toContain(twice);
      expect(await byId(page, 'parts.0.startOccurrence-error').innerText()).toContain(twice);
      expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#parts.0.startOccurrence');
      await page.getByLabel('The second 01:30 (GMT), after the clocks go back').check();
      // a long day for a 3-hour course
      await page.getByLabel('Part 1: end time').fill('09:30');
      await page.getByRole('button', { name: 'Add session' }).click();
      await page.waitForSelector('.govuk-error-summary');

      const longer = "The parts add up to 8 hours, far longer than the course's usual 3 hours";
      expect(await page.locator('.govuk-error-summary').innerText()).toContain(longer);
      expect(await page.getByLabel('The second 01:30 (GMT), after the clocks go back').isChecked()).toBe(true);
      await page.getByLabel("The parts are longer than the course's usual length, and that is right").check();
      await page.getByRole('button', { name: 'Add session' }).click();
      await page.waitForURL(/\/manage\/sessions\/[0-9a-f-]{36}\/edit\?done=added$/);

      // the edit form keeps the choice, so saving again keeps the same instant
      expect(await page.getByLabel('Part 1: start time').inputValue()).toBe('01:30');
      expect(await page.getByLabel('The second 01:30 (GMT), after the clocks go back').isChecked()).toBe(true);
      // the caption shows which 1:30am: the one stored
      expect(await page.locator('.govuk-caption-l').first().innerText()).toContain('1:30am GMT to 9:30am');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(/done=saved$/);
      expect(await page.getByLabel('The second 01:30 (GMT), after the clocks go back').isChecked()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
