import { axe, DESKTOP, PHONE, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

// Real browser journeys: more than Jest's default 5 seconds on a busy machine.
jest.setTimeout(90_000);

/** A trainer's sessions in the web app, on the demo data: Tom Walsh (trainer@example.org) trains the domestic abuse programme. */
describe('Your sessions (trainers)', () => {
  const web = useBrowser();

  async function expectAccessible(name: string): Promise<void> {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await web.page.setViewportSize(viewport);
      expect({ page: `${name} (${width})`, violations: await axe(web.page) }).toEqual({ page: `${name} (${width})`, violations: [] });
      // nothing sticks out sideways at 320 px
      if (width === 'phone') {
        expect(await web.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      }
      await screenshot(web.page, `${name}-${width}`);
    }
  }
  const main = () => web.page.locator('main').innerText();

  it('the demo trainer opens Your sessions from the menu and a coming session with its attendee list and registers', async () => {
    await signInAs(web.page, 'Trainer');
    await web.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Your sessions' }).click();
    await web.page.waitForURL(`${webUrl()}/your-sessions`);
    expect(await web.page.locator('h1').innerText()).toBe('Your sessions');
    const coming = web.page.locator('ul[aria-labelledby="coming"] > li');
    expect(await coming.count()).toBeGreaterThanOrEqual(3);
    expect(await web.page.locator('ul[aria-labelledby="recent"] > li').count()).toBeGreaterThanOrEqual(1);
    const first = await coming.first().innerText();
    expect(first).toMatch(/Booked\s+\d+ of \d+ places booked/);
    expect(first).toMatch(/Waiting\s+(Nobody|\d+ )/);
    expect(first).toMatch(/Needs to plan for\s+(\d+ (person|people) with access or dietary needs|None)/);
    await expectAccessible('your-sessions');

    // the first coming session with someone who told us about their needs
    const withNeeds = coming.filter({ hasText: /with access or dietary needs/ }).first();
    const title = (await withNeeds.locator('h3').innerText()).trim();
    await withNeeds.locator('h3 a').click();
    await web.page.waitForURL(/\/your-sessions\/[0-9a-f-]{36}$/);
    expect(await web.page.locator('h1').innerText()).toBe(title);
    const text = await main();
    expect(text).toContain('Trainers');
    expect(text).toContain('Tom Walsh');
    expect(text).toMatch(/Take the register( for part 1)?/);
    const rows = web.page.locator('table tbody tr');
    const booked = Number(/Booked\s+(\d+) of/.exec(text)![1]);
    expect(await rows.count()).toBe(booked);
    const names = await rows.locator('th').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })));
    expect(await web.page.locator('table').innerText()).toMatch(
      /Vegetarian|Gluten free|Halal|Nut allergy|Vegan|Wheelchair|Hearing loop|break|Large print/,
    );
    const register = await web.page
      .getByRole('link', { name: /^Take the register/ })
      .first()
      .getAttribute('href');
    expect(register).toMatch(/^\/your-sessions\/[0-9a-f-]{36}\/register\/[0-9a-f-]{36}$/);
    await expectAccessible('your-session');

    // the printable list: a link (no JavaScript needed), and printing leaves only the list
    await web.page.getByRole('button', { name: 'Print the attendee list' }).click();
    await web.page.waitForURL(/\?print=1$/);
    expect(await web.page.locator('h1').innerText()).toBe(`Attendee list: ${title}`);
    expect(await web.page.locator('table tbody tr').count()).toBe(booked);
    await expectAccessible('your-session-print');
    await web.page.emulateMedia({ media: 'print' });
    expect(await web.page.locator('header.lh-header').isVisible()).toBe(false);
    expect(await web.page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    expect(await web.page.locator('.govuk-footer').isVisible()).toBe(false);
    expect(await web.page.locator('table').isVisible()).toBe(true);
    await web.page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await screenshot(web.page, 'your-session-printed-a4');
    const pdf = await web.page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('works without JavaScript: the print link opens the printable list', async () => {
    const context = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${webUrl()}/sign-in`);
      await page.getByLabel('Email address').fill('trainer@example.org');
      await page.getByLabel('Password').fill('LearningHub2026!');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(`${webUrl()}/courses`);
      await page.goto(`${webUrl()}/your-sessions`);
      await page.locator('ul[aria-labelledby="coming"] > li h3 a').first().click();
      await page.getByRole('button', { name: 'Print the attendee list' }).click();
      await page.waitForURL(/\?print=1$/);
      expect(await page.locator('h1').innerText()).toMatch(/^Attendee list: /);
      // the script-only print button is not offered without JavaScript
      expect(await page.getByRole('button', { name: 'Print this page' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('a practitioner sees the trainers’ names on a session page, but not the trainers’ pages', async () => {
    await signInAs(web.page, 'Practitioner');
    await web.page.goto(`${webUrl()}/bookings`);
    // the demo data's sessions have trainers (sessions other journeys made may have none)
    const bookings = await web.page.locator('.lh-course h3 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    let shown = '';
    for (const href of bookings) {
      await web.page.goto(href);
      shown = await main();
      if (/Trainers?\s+\S+/.test(shown)) {
        break;
      }
    }
    expect(shown).toMatch(/Trainers?\s+\S+/);
    expect(await main()).not.toMatch(/@example\.org/);

    const res = await web.page.goto(`${webUrl()}/your-sessions`);
    expect(res?.status()).toBe(403);
    expect(await web.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Your sessions' }).count()).toBe(0);
  });
});
