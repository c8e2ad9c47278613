import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe, DESKTOP, demoEmail, launchBrowser, PHONE, screenshot, signIn, waitForMail, webUrl } from './support';

/** The main booking journeys, through the real web app, on the demo data. */
describe('booking in the web app', () => {
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
    expect({ page: name, violations: await axe(page) }).toEqual({ page: name, violations: [] });
  }

  async function signInAs(role: string): Promise<void> {
    await signIn(page, demoEmail(role));
    await page.waitForURL(`${webUrl()}/courses`);
  }

  it('a practitioner books a place with access needs, sees it in their bookings, and cancels it', async () => {
    await signInAs('Practitioner');
    await page.goto(`${webUrl()}/courses?hasUpcomingPlaces=yes&format=FACE_TO_FACE`);
    const courses = await page.locator('.lh-course h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    // a course Priya has no booking on shows "Book a place" buttons (one booking per course)
    let dates: string[] = [];
    let courseTitle = '';
    for (const href of courses) {
      await page.goto(href);
      dates = await page
        .locator('a.govuk-button', { hasText: 'Book a place' })
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      if (dates.length) {
        courseTitle = (await page.locator('h1').innerText()).trim();
        break;
      }
    }
    expect(dates.length).toBeGreaterThan(0);
    await page.goto(dates[0]!);
    await expectAccessible('book a place');
    await screenshot(page, 'book-a-place-desktop');
    await page.getByLabel('Access needs or reasonable adjustments (optional)').fill('Step-free access and a hearing loop');
    await page.getByRole('button', { name: 'Book a place' }).click();
    await page.waitForURL(/\/bookings\/[0-9a-f-]{36}\?outcome=booked$/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Your place is booked');
    expect(await page.locator('main').innerText()).toContain('Step-free access and a hearing loop');
    await expectAccessible('booking confirmed');
    await screenshot(page, 'booking-confirmed-desktop');
    const bookingUrl = page.url().replace(/\?.*$/, '');

    // booking again is refused with a clear sentence, and nothing changes
    await page.goto(dates[0]!);
    await page.getByRole('button', { name: 'Book a place' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('You already have a booking on this session');
    await expectAccessible('book a place, already booked');

    await page.goto(`${webUrl()}/bookings`);
    expect(await page.locator('main').innerText()).toContain(courseTitle);
    await expectAccessible('your bookings');
    await screenshot(page, 'your-bookings-desktop');

    await page.goto(bookingUrl);
    await page.getByLabel('Reason (optional)').fill('Clash with a case conference');
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.waitForURL(/outcome=cancelled/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toMatch(/Your booking is cancelled/);
    expect(await page.locator('main').innerText()).toContain('Clash with a case conference');
  });

  it('a practitioner joins the waiting list of a full session; the coordinator raises capacity; the offer is accepted', async () => {
    // the coordinator finds a full session in the programme
    await signInAs('Coordinator');
    await page.goto(`${webUrl()}/manage/sessions`);
    await expectAccessible('programme');
    await screenshot(page, 'programme-desktop');
    const fullSessions = await page
      .locator('tbody tr', { has: page.locator('td', { hasText: /^Full$/ }) })
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(fullSessions.length).toBeGreaterThan(0);

    // the practitioner joins the waiting list of one (skipping any on a course they already have a booking on)
    const practitioner = await browser.newContext({ viewport: PHONE });
    const p = await practitioner.newPage();
    await signIn(p, demoEmail('Practitioner'));
    await p.waitForURL(`${webUrl()}/courses`);
    let sessionHref: string | undefined;
    for (const href of fullSessions) {
      await p.goto(`${webUrl()}/sessions/${href.split('/').pop()}/book`);
      expect(await p.locator('h1').innerText()).toBe('Join the waiting list');
      expect(await p.locator('.govuk-inset-text').first().innerText()).toContain('This session is full.');
      await p.getByRole('button', { name: 'Join the waiting list' }).click();
      await p.waitForLoadState();
      if (/outcome=booked/.test(p.url())) {
        sessionHref = href;
        break;
      }
      expect(await p.locator('.govuk-error-summary').innerText()).toMatch(/already have a booking/);
    }
    expect(sessionHref).toMatch(/^\/manage\/sessions\/[0-9a-f-]{36}$/);
    expect(await p.locator('.govuk-notification-banner').innerText()).toMatch(/You are on the waiting list, number 1 in the queue/);
    const waitingUrl = p.url().replace(/\?.*$/, '');
    await screenshot(p, 'waiting-list-phone');

    // the coordinator sees them waiting and adds a place
    await page.goto(`${webUrl()}${sessionHref}`);
    expect(await page.locator('#waiting + .lh-table-scroll').innerText()).toContain('Priya Shah');
    await expectAccessible('session roster');
    await screenshot(page, 'session-roster-desktop');
    const capacity = Number(await page.getByLabel('Number of places').inputValue());
    await page.getByLabel('Number of places').fill(String(capacity + 1));
    await page.getByRole('button', { name: 'Change capacity' }).click();
    await page.waitForURL(/done=capacity/);
    expect(await page.locator('#pending + .lh-table-scroll').innerText()).toMatch(/Priya Shah[\s\S]*Place offered/);

    // a capacity below the places taken is refused with the reason, and nothing changes
    await page.getByLabel('Number of places').fill('1');
    await page.getByRole('button', { name: 'Change capacity' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').innerText()).toMatch(/Capacity must be at least \d+/);
    await expectAccessible('session roster with error');

    // the practitioner accepts the offer
    await p.goto(waitingUrl);
    expect(await p.locator('main').innerText()).toContain('A place is free for you');
    await p.getByRole('button', { name: 'Accept the place' }).click();
    await p.waitForURL(/outcome=accepted/);
    expect(await p.locator('.govuk-notification-banner').innerText()).toContain('The place is yours');
    expect(await p.locator('main').innerText()).toMatch(/Offer accepted/);
    await practitioner.close();
  });

  it('a booking that needs approval: the manager approves from the emailed link without signing in', async () => {
    await signInAs('Practitioner');
    await page.goto(`${webUrl()}/courses?search=Graded%20Care%20Profile%202%20assessment`);
    await page.locator('.lh-course h2 a').first().click();
    await page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    expect(await page.locator('main').innerText()).toMatch(/Manager approval\s+Needed/);
    const dates = await page
      .locator('a.govuk-button')
      .filter({ hasText: /Book a place/ })
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    await page.goto(dates[dates.length - 1]!);
    await page.getByRole('button', { name: /Book a place|Join the waiting list/ }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain("line manager's email address");
    await expectAccessible('book a place, manager email missing');
    await page.getByLabel("Your line manager's email address").fill('ward.manager@example.org');
    await page.getByRole('button', { name: /Book a place|Join the waiting list/ }).click();
    await page.waitForURL(/outcome=booked/);
    const bookingUrl = page.url().replace(/\?.*$/, '');
    expect(await page.locator('.govuk-notification-banner').innerText()).toMatch(/held while your line manager decides|waiting list/);

    const mail = await waitForMail('ward.manager@example.org', /^Approval needed: Priya Shah/);
    const link = /(http:\/\/[^\s]+\/approvals\/[^\s?]+)\?decision=approve/.exec(mail.text)?.[1];
    expect(link).toBeDefined();

    const manager = await browser.newContext({ viewport: PHONE });
    const m = await manager.newPage();
    await m.goto(`${link}?decision=approve`);
    expect(await m.locator('main').innerText()).toContain('Priya Shah');
    expect(await m.getByLabel('Yes, approve the booking').isChecked()).toBe(true);
    expect({ page: 'approval', violations: await axe(m) }).toEqual({ page: 'approval', violations: [] });
    await screenshot(m, 'manager-approval-phone');
    await m.getByRole('button', { name: 'Send decision' }).click();
    await m.waitForSelector('.govuk-notification-banner');
    expect(await m.locator('.govuk-notification-banner').innerText()).toContain('You approved the booking');
    // the link works once
    await m.goto(`${link}?decision=decline`);
    expect(await m.locator('main').innerText()).toContain('already been dealt with');
    await manager.close();

    await page.goto(bookingUrl);
    expect(await page.locator('main').innerText()).toMatch(/Approved by the line manager/);
  });

  it('a coordinator moves a person to another date and cancels a whole session', async () => {
    await signInAs('Coordinator');
    await page.goto(`${webUrl()}/manage/sessions`);
    const sessions = await page.locator('tbody tr a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    // a session whose course has another date with places, and someone confirmed on it
    let moved = false;
    let movedName = '';
    for (const href of sessions) {
      await page.goto(`${webUrl()}${href}`);
      const move = page.locator('a', { hasText: /^Move/ }).first();
      if ((await move.count()) === 0) continue;
      movedName = (await move.textContent())!.replace(/^Move\s*/, '').replace(/\s*to another date$/, '');
      await move.click();
      await page.waitForURL(/\/move$/);
      if ((await page.locator('input[name="toSessionId"]').count()) === 0) continue;
      await expectAccessible('move a booking');
      await page.getByRole('button', { name: 'Move the booking' }).click();
      await page.waitForSelector('.govuk-error-summary');
      expect(await page.locator('.govuk-error-summary').innerText()).toMatch(/Choose the session to move to|Enter a reason/);
      await page.locator('input[name="toSessionId"]').first().check();
      await page.getByLabel('Reason').fill('Clash with a child protection conference');
      await page.getByRole('button', { name: 'Move the booking' }).click();
      await page.waitForLoadState();
      if (/done=moved/.test(page.url())) {
        moved = true;
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Booking moved to this session');
        break;
      }
    }
    expect(moved).toBe(true);

    // cancel the session now on screen
    const rosterUrl = page.url().replace(/\?.*$/, '');
    await page.getByRole('link', { name: 'Cancel this session' }).click();
    await page.waitForURL(/\/cancel$/);
    await page.getByRole('button', { name: 'Cancel the session and tell everyone' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter a reason for cancelling the session');
    await expectAccessible('cancel a session, error');
    await page.getByLabel('Reason').fill('The venue is closed for repairs');
    await page.getByRole('button', { name: 'Cancel the session and tell everyone' }).click();
    await page.waitForURL(/done=session-cancelled/);
    expect(page.url().replace(/\?.*$/, '')).toBe(rosterUrl);
    expect(await page.locator('main').innerText()).toMatch(/Confirmed \(0\)/);

    // the moved booking's history names both changes in words
    const movedBookings = await page
      .locator('#cancelled + .lh-table-scroll a', { hasText: movedName })
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const histories: string[] = [];
    for (const href of movedBookings) {
      await page.goto(`${webUrl()}${href}`);
      histories.push(await page.locator('main').innerText());
    }
    expect(histories.some((h) => h.includes('Moved here from another date') && h.includes('The session was cancelled'))).toBe(true);
    await screenshot(page, 'moved-booking-history-desktop');
  });

  it('a tampered approval link gets a clear error', async () => {
    const res = await page.goto(`${webUrl()}/approvals/bm9wZQ.not-a-signature`);
    expect(res?.status()).toBe(400);
    expect(await page.locator('main').innerText()).toContain('This link is not valid');
    await expectAccessible('approval link not valid');
  });

  it('keeps coordinators\u2019 pages from practitioners', async () => {
    await signInAs('Practitioner');
    const res = await page.goto(`${webUrl()}/manage/sessions`);
    expect(res?.status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('You do not have access to this page');
    await expectAccessible('forbidden');
  });
});
