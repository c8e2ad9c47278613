import { apiUrl, axe, demo, demoEmail, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

interface CourseRow {
  id: string;
  title: string;
  upcomingSessions: { id: string }[];
  myBooking: { id: string } | null;
  eligibilityForYou: { canBook: boolean; code: string | null; attendedOn: string | null } | null;
}

/** The API as one demo person sees it (to find demo courses in the state a test needs). */
async function asPerson(role: string): Promise<(query: string) => Promise<Record<string, unknown>>> {
  const post = (body: object, cookie?: string) =>
    fetch(`${apiUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const res = await post({
    query: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }',
    variables: { input: { email: demoEmail(role), password: demo.password } },
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('lh_session='))!;
  return async (query) => ((await (await post({ query }, cookie)).json()) as { data: Record<string, unknown> }).data;
}

/** Course and session pages: who can book and why not, cancelled sessions, and forms that report every problem at once. */
describe('course and session pages in the web app', () => {
  const web = useBrowser();
  let courses: CourseRow[] = [];

  beforeAll(async () => {
    const q = await asPerson('Practitioner');
    const data = await q('{ courses { id title upcomingSessions { id } myBooking { id } eligibilityForYou { canBook code attendedOn } } }');
    courses = data.courses as CourseRow[];
  });

  async function expectAccessible(name: string): Promise<void> {
    expect({ page: name, violations: await axe(web.page) }).toEqual({ page: name, violations: [] });
  }
  const main = () => web.page.locator('main').innerText();
  const bookButtons = () => web.page.locator('a.govuk-button', { hasText: /Book a place|Join the waiting list/ }).count();

  it('shows everyone who a course is for, and a signed-in person whether they can book, before any form', async () => {
    const open = courses.find((c) => c.eligibilityForYou?.canBook && !c.myBooking && c.upcomingSessions.length)!;
    expect(open).toBeDefined();
    await web.page.goto(`${webUrl()}/courses/${open.id}`);
    expect(await main()).toContain('Who can book');
    expect(await main()).toContain('Sign in to see whether you can book this course.');
    await expectAccessible('course, signed out');

    await signInAs(web.page, 'Practitioner');
    await web.page.goto(`${webUrl()}/courses/${open.id}`);
    expect(await main()).toContain('You can book this course.');
    expect(await bookButtons()).toBeGreaterThan(0);
    await expectAccessible('course, can book');
    await screenshot(web.page, 'course-eligible-desktop');

    const closed = courses.find((c) => c.eligibilityForYou && !c.eligibilityForYou.canBook && c.upcomingSessions.length)!;
    expect(closed).toBeDefined();
    await web.page.goto(`${webUrl()}/courses/${closed.id}`);
    expect(await web.page.locator('.govuk-warning-text').innerText()).toContain('You cannot book this course.');
    expect(await bookButtons()).toBe(0);
    await expectAccessible('course, cannot book');
    await screenshot(web.page, 'course-not-eligible-desktop');

    // the booking form is not offered either, and says why
    await web.page.goto(`${webUrl()}/sessions/${closed.upcomingSessions[0]!.id}/book`);
    expect(await web.page.locator('h1').innerText()).toBe('You cannot book this session');
    expect(await web.page.locator('.govuk-warning-text').innerText()).toContain('You cannot book this course.');
    expect(await web.page.locator('main form[method="POST"]').count()).toBe(0);
    await expectAccessible('book a place, cannot book');
    await screenshot(web.page, 'book-not-eligible-desktop');

    const attended = courses.find((c) => c.eligibilityForYou?.attendedOn)!;
    expect(attended).toBeDefined();
    await web.page.goto(`${webUrl()}/courses/${attended.id}`);
    expect(await main()).toMatch(/You attended this course on \w+day \d{1,2} \w+ \d{4}\./);
    await expectAccessible('course, attended');
    await screenshot(web.page, 'course-attended-desktop');
  });

  it('shows a cancelled session as cancelled, with its reason, and offers nothing that cannot succeed', async () => {
    const q = await asPerson('Coordinator');
    const { programme } = (await q('{ programme { session { id cancelled cancellationReason course { title } } } }')) as {
      programme: { session: { id: string; cancelled: boolean; cancellationReason: string | null; course: { title: string } } }[];
    };
    const cancelled = programme.find((p) => p.session.cancelled)!.session;
    expect(cancelled.cancellationReason).toBeTruthy();

    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage/sessions?status=CANCELLED`);
    const row = web.page.locator('tr', { has: web.page.locator(`a[href="/manage/sessions/${cancelled.id}"]`) });
    expect(await row.innerText()).toContain('Cancelled');
    // no places are counted for it ("0 of 12"): the place columns say Cancelled
    expect(await row.innerText()).not.toMatch(/\d+ of \d+/);
    expect(await row.locator('td').nth(3).innerText()).toBe('Cancelled');

    await web.page.goto(`${webUrl()}/manage/sessions/${cancelled.id}`);
    const banner = await web.page.locator('.govuk-notification-banner').innerText();
    expect(banner).toContain('This session was cancelled');
    expect(banner).toContain(`Reason: ${cancelled.cancellationReason}`);
    for (const gone of ['Add a person', 'Capacity', 'Edit this session', 'Cancel this session']) {
      expect(await main()).not.toContain(gone);
    }
    expect(await web.page.locator('main form[method="POST"]').count()).toBe(0);
    await expectAccessible('roster, cancelled session');
    await screenshot(web.page, 'roster-cancelled-desktop');

    // its edit page offers no changes that cannot succeed: it goes to the session's page, which says it was cancelled
    await web.page.goto(`${webUrl()}/manage/sessions/${cancelled.id}/edit`);
    expect(web.page.url()).toBe(`${webUrl()}/manage/sessions/${cancelled.id}`);
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain(`Reason: ${cancelled.cancellationReason}`);
    expect(await web.page.locator('main form[method="POST"]').count()).toBe(0);

    await web.page.goto(`${webUrl()}/sessions/${cancelled.id}/book`);
    expect(await web.page.locator('h1').innerText()).toBe('This session has been cancelled');
    expect(await main()).toContain(`Reason: ${cancelled.cancellationReason}`);
    expect(await web.page.locator('main form[method="POST"]').count()).toBe(0);
    await expectAccessible('book a place, cancelled session');
    await screenshot(web.page, 'book-cancelled-desktop');
  });

  it('reports every problem of the add-course and add-session forms at once, and a course not chosen', async () => {
    await signInAs(web.page, 'Coordinator');
    const summary = () => web.page.locator('.govuk-error-summary').innerText();

    await web.page.goto(`${webUrl()}/manage/courses/new`);
    await web.page.getByLabel('Duration in minutes').fill('three hours');
    await web.page.getByRole('button', { name: 'Add course' }).click();
    await web.page.waitForSelector('.govuk-error-summary');
    for (const message of ['Enter the course title', 'Enter a summary of the course', 'Choose a priority area', 'Enter the duration']) {
      expect(await summary()).toContain(message);
    }
    expect(await web.page.locator('#title-error').innerText()).toContain('Enter the course title');
    expect(await web.page.locator('#durationMinutes-error').innerText()).toContain('Enter the duration as a whole number of minutes');
    expect(await web.page.title()).toMatch(/^Error: /);
    await expectAccessible('add a course, every problem');
    await screenshot(web.page, 'add-a-course-all-errors-desktop');

    await web.page.goto(`${webUrl()}/manage/sessions/new`);
    await web.page.getByRole('button', { name: 'Continue' }).click();
    await web.page.waitForURL(/\/manage\/sessions\/new\?courseId=$/);
    expect(await summary()).toContain('Choose a course from the list');
    expect(await web.page.locator('#courseId-error').innerText()).toContain('Choose a course from the list');
    expect(await web.page.title()).toMatch(/^Error: Add a session/);
    await expectAccessible('add a session, no course chosen');
    await screenshot(web.page, 'add-a-session-no-course-desktop');

    // the first course that has sessions (e-learning courses are turned away at this step)
    for (let index = 1; ; index++) {
      const select = web.page.getByLabel('Which course is the session for?');
      const courseId = await select.locator('option').nth(index).getAttribute('value');
      await select.selectOption({ index });
      await web.page.getByRole('button', { name: 'Continue' }).click();
      await web.page.waitForURL(`${webUrl()}/manage/sessions/new?courseId=${courseId}`);
      await web.page.waitForLoadState();
      if ((await web.page.locator('[id="parts.0.date-day"]').count()) > 0) {
        break;
      }
    }
    await web.page.locator('[id="parts.0.date-day"]').fill('31');
    await web.page.locator('[id="parts.0.date-month"]').fill('xx');
    await web.page.locator('[id="parts.0.date-year"]').fill('2027');
    await web.page.getByLabel('Number of places').fill('0');
    await web.page.getByRole('button', { name: 'Add session' }).click();
    await web.page.waitForSelector('.govuk-error-summary');
    // the form's own problem (a date that is not numbers) and the API's (no times, no place, too few places) in one round
    for (const message of [
      'Part 1: enter the date as numbers',
      'Part 1: enter the start time',
      'Part 1: enter the end time',
      'Choose a venue, or give the online link',
      'Capacity must be between 1 and 1000',
    ]) {
      expect(await summary()).toContain(message);
    }
    // only the date box at fault (the month) is highlighted, and the summary links to it
    const boxClass = (box: string) => web.page.locator(`[id="parts.0.date-${box}"]`).getAttribute('class');
    expect(await boxClass('month')).toContain('govuk-input--error');
    expect(await boxClass('day')).not.toContain('govuk-input--error');
    expect(await boxClass('year')).not.toContain('govuk-input--error');
    expect(await web.page.locator('.govuk-error-summary a', { hasText: 'Part 1: enter the date as numbers' }).getAttribute('href')).toBe(
      '#parts.0.date-month',
    );
    // and at each field
    const atField = (text: string) => web.page.locator('main form .govuk-error-message', { hasText: text }).count();
    expect(await atField('Part 1: enter the date as numbers')).toBe(1);
    expect(await atField('Part 1: enter the start time')).toBe(1);
    expect(await atField('Choose a venue, or give the online link')).toBe(1);
    await expectAccessible('add a session, every problem');
    await screenshot(web.page, 'add-a-session-all-errors-desktop');
  });
});
