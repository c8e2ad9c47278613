import { formatLondonRange } from '@lh/domain';
import { axe, PHONE, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

const DAY = 86_400_000;

jest.setTimeout(60_000);

/** The next last Sunday of March (the clocks go forward) at least three weeks away. */
function nextSpringClockChange(): Date {
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const d = new Date(Date.UTC(year, 3, 0));
    d.setUTCDate(d.getUTCDate() - d.getUTCDay());
    if (d.getTime() > Date.now() + 21 * DAY) {
      return d;
    }
  }
}
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** A coordinator sets up a venue, a course and a two-part session across the clock change, in the real web app. */
describe('coordinator administration in the web app', () => {
  const web = useBrowser();
  const stamp = Date.now().toString(36);

  beforeEach(async () => {
    await signInAs(web.page, 'Coordinator');
  });

  async function expectAccessible(name: string): Promise<void> {
    expect({ page: name, violations: await axe(web.page) }).toEqual({ page: name, violations: [] });
  }
  const byId = (id: string) => web.page.locator(`[id="${id}"]`);
  async function fillDate(id: string, d: Date): Promise<void> {
    await byId(`${id}-day`).fill(String(d.getUTCDate()));
    await byId(`${id}-month`).fill(String(d.getUTCMonth() + 1));
    await byId(`${id}-year`).fill(String(d.getUTCFullYear()));
  }

  it('adds a venue, a course and a two-part session that shows in the programme and the catalogue in London time', async () => {
    const venueName = `Harbour Learning Centre ${stamp}`;
    const courseTitle = `Safer sleep for families ${stamp}`;

    // a venue
    await web.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Manage' }).click();
    await web.page.getByRole('link', { name: 'Venues', exact: true }).click();
    await web.page.waitForURL(`${webUrl()}/manage/venues`);
    await expectAccessible('venues');
    await web.page.getByRole('button', { name: 'Add a venue' }).click();
    await web.page.waitForURL(`${webUrl()}/manage/venues/new`);
    await expectAccessible('add a venue');
    await web.page.getByLabel('Name', { exact: true }).fill(venueName);
    await web.page.getByLabel('Address').fill('2 Quay Street, Northshire NS4 7QX');
    await web.page.getByLabel('Rooms (optional)').fill('Room 1\nRoom 2');
    await web.page.getByLabel('Capacity (optional)').fill('30');
    await web.page.getByLabel('Accessibility notes (optional)').fill('Step-free entrance, hearing loop in Room 2.');
    await web.page.getByRole('button', { name: 'Add venue' }).click();
    await web.page.waitForURL(/\/manage\/venues\?done=added$/);
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('Venue added');
    expect(await web.page.locator('main').innerText()).toMatch(new RegExp(`${venueName}[\\s\\S]*Room 1, Room 2`));
    await web.page.getByRole('link', { name: `${venueName} (edit)` }).click();
    await web.page.waitForURL(/\/manage\/venues\/[0-9a-f-]{36}\/edit$/);
    expect(await web.page.getByLabel('Rooms (optional)').inputValue()).toBe('Room 1\nRoom 2');
    await expectAccessible('edit a venue');

    // a course
    await web.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Manage' }).click();
    await web.page.getByRole('link', { name: 'Courses', exact: true }).click();
    await web.page.waitForURL(`${webUrl()}/manage/courses`);
    await expectAccessible('courses');
    await web.page.getByRole('button', { name: 'Add a course' }).click();
    await web.page.waitForURL(`${webUrl()}/manage/courses/new`);
    await expectAccessible('add a course');
    await screenshot(web.page, 'add-a-course-desktop');
    await web.page.getByLabel('Title').fill(courseTitle);
    await web.page.getByLabel('Summary').fill('Safe sleep advice for practitioners who visit families with babies.');
    await web.page.getByLabel('Learning outcomes (optional)').fill('Explain safer sleep to parents\nSpot risks in the home');
    await web.page.getByLabel('Priority area').selectOption({ label: 'Neglect' });
    await web.page.getByLabel('Level 2: foundation').check();
    await web.page.getByLabel('Duration in minutes').fill('600');
    await web.page.getByLabel('Publish now: put it in the catalogue straight away').check();
    await web.page.getByRole('button', { name: 'Add course' }).click();
    await web.page.waitForURL(/\/manage\/courses\?done=added&course=[0-9a-f-]{36}$/);
    const courseId = new URL(web.page.url()).searchParams.get('course')!;
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('Course added');
    await web.page
      .getByRole('link', { name: `Add a session of ${courseTitle}` })
      .first()
      .click();
    await web.page.waitForURL(`${webUrl()}/manage/sessions/new?courseId=${courseId}`);
    await expectAccessible('add a session');

    // an invalid session: the end before the start
    const change = nextSpringClockChange();
    const friday = new Date(change.getTime() - 2 * DAY);
    const monday = new Date(change.getTime() + DAY);
    await fillDate('parts.0.date', friday);
    await web.page.getByLabel('Part 1: start time').fill('16:00');
    await web.page.getByLabel('Part 1: end time').fill('9:30');
    await web.page.getByLabel('Venue', { exact: true }).selectOption({ label: `${venueName} (holds 30)` });
    await web.page.getByLabel('Number of places').fill('12');
    await web.page.getByRole('button', { name: 'Add session' }).click();
    await web.page.waitForSelector('.govuk-error-summary');
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain('Part 1: the end time must be after the start time');
    expect(await byId('parts.0.endTime-error').innerText()).toContain('Part 1: the end time must be after the start time');
    expect(await web.page.title()).toMatch(/^Error: /);
    await expectAccessible('add a session, end before start');
    await screenshot(web.page, 'add-a-session-error-desktop');

    // put right: two parts, either side of the clock change
    await web.page.getByLabel('Part 1: start time').fill('09:30');
    await web.page.getByLabel('Part 1: end time').fill('16:00');
    await web.page.getByRole('button', { name: 'Add another part' }).click();
    await web.page.waitForSelector('[id="parts.1.date-day"]');
    await fillDate('parts.1.date', monday);
    await web.page.getByLabel('Part 2: start time').fill('09:30');
    await web.page.getByLabel('Part 2: end time').fill('12:30');
    await web.page.getByLabel('Room (optional)').fill('Room 2');
    await web.page.getByRole('button', { name: 'Add session' }).click();
    await web.page.waitForURL(/\/manage\/sessions\/[0-9a-f-]{36}\/edit\?done=added$/);
    const sessionId = web.page.url().split('/')[5]!;
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('Session added');
    expect(await web.page.getByLabel('Part 2: start time').inputValue()).toBe('09:30');
    await expectAccessible('change a session');
    await screenshot(web.page, 'change-a-session-desktop');

    // 9:30 in London is 09:30 UTC on the Friday (GMT) and 08:30 UTC on the Monday (BST)
    const part1 = formatLondonRange(new Date(`${ymd(friday)}T09:30:00Z`), new Date(`${ymd(friday)}T16:00:00Z`));
    const part2 = formatLondonRange(new Date(`${ymd(monday)}T08:30:00Z`), new Date(`${ymd(monday)}T11:30:00Z`));
    expect(part1).toMatch(/^Friday .*, 9:30am to 4pm$/);
    expect(part2).toMatch(/^Monday .*, 9:30am to 12:30pm$/);

    await web.page.goto(`${webUrl()}/manage/sessions?text=${encodeURIComponent(courseTitle)}`);
    const row = web.page.locator('tbody tr', { has: web.page.getByRole('link', { name: courseTitle }) });
    expect(await row.innerText()).toContain(formatLondonRange(new Date(`${ymd(friday)}T09:30:00Z`), new Date(`${ymd(monday)}T11:30:00Z`)));
    expect(await row.innerText()).toContain(venueName);

    const visitor = await web.browser.newContext({ viewport: PHONE });
    const v = await visitor.newPage();
    await v.goto(`${webUrl()}/courses/${courseId}`);
    const dates = await v.locator('main').innerText();
    expect(dates).toContain(`2 parts, starting ${part1}`);
    expect(dates).toContain(part2);
    expect(dates).toContain(`${venueName}, Room 2, 2 Quay Street`);
    await screenshot(v, 'new-course-public-phone');
    await visitor.close();

    // a trainer from the pool, added and taken off again
    await web.page.goto(`${webUrl()}/manage/sessions/${sessionId}/edit`);
    const tom = await web.page.locator('#personEmail option', { hasText: 'Tom Walsh' }).getAttribute('value');
    await web.page.getByLabel('Add a trainer from the training pool').selectOption(tom!);
    await web.page.getByRole('button', { name: 'Add trainer' }).click();
    await web.page.waitForURL(/done=trainer-added$/);
    expect(await web.page.locator('#trainers + *').innerText()).toContain('Tom Walsh');
    await expectAccessible('change a session, with a trainer');
    await web.page.getByRole('button', { name: 'Remove Tom Walsh' }).click();
    await web.page.waitForURL(/done=trainer-removed$/);
    expect(await web.page.locator('main').innerText()).toContain('No trainers yet.');

    // a later finish on the second day
    await web.page.getByLabel('Part 2: end time').fill('13:00');
    await web.page.getByRole('button', { name: 'Save changes' }).click();
    await web.page.waitForURL(/done=saved$/);
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('Session saved');
    expect(await web.page.getByLabel('Part 2: end time').inputValue()).toBe('13:00');

    // the roster links to the edit page
    await web.page.goto(`${webUrl()}/manage/sessions/${sessionId}`);
    await web.page.getByRole('link', { name: 'Edit this session' }).click();
    await web.page.waitForURL(`${webUrl()}/manage/sessions/${sessionId}/edit`);
  });

  it('edits a course, keeping what was typed when it is refused', async () => {
    await web.page.goto(`${webUrl()}/manage/courses`);
    await web.page.locator('tbody a').first().click();
    await web.page.waitForURL(/\/manage\/courses\/[0-9a-f-]{36}\/edit$/);
    await expectAccessible('edit a course');
    const title = await web.page.getByLabel('Title').inputValue();
    await web.page.getByLabel('Title').fill('');
    await web.page.getByLabel('Cancellation cut-off in working days').fill('25');
    await web.page.getByRole('button', { name: 'Save changes' }).click();
    await web.page.waitForSelector('.govuk-error-summary');
    const summary = await web.page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Enter the course title');
    expect(summary).toContain('Cancellation cut-off must be between 0 and 20 working days');
    expect(await web.page.getByLabel('Cancellation cut-off in working days').inputValue()).toBe('25');
    await expectAccessible('edit a course, refused');
    await web.page.getByLabel('Title').fill(title);
    await web.page.getByLabel('Cancellation cut-off in working days').fill('5');
    await web.page.getByRole('button', { name: 'Save changes' }).click();
    await web.page.waitForURL(/done=saved/);
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('Course saved');
  });

  it('the administration pages are accessible on a phone', async () => {
    await web.page.setViewportSize(PHONE);
    for (const [name, path] of [
      ['courses', '/manage/courses'],
      ['venues', '/manage/venues'],
      ['add a session: choose the course', '/manage/sessions/new'],
    ] as const) {
      await web.page.goto(`${webUrl()}${path}`);
      await expectAccessible(`${name} (phone)`);
    }
    await web.page.getByLabel('Which course is the session for?').selectOption({ index: 1 });
    await web.page.getByRole('button', { name: 'Continue' }).click();
    await web.page.waitForURL(/courseId=/);
    await expectAccessible('add a session (phone)');
    await screenshot(web.page, 'add-a-session-phone');
  });
});
