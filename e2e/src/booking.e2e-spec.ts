import { axe, PHONE, screenshot, waitForMail, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

/** The main booking journeys, through the real web app, on the demo data. */
describe('booking in the web app', () => {
  const web = useBrowser();

  async function expectAccessible(name: string): Promise<void> {
    expect({ page: name, violations: await axe(web.page) }).toEqual({ page: name, violations: [] });
  }

  it('a practitioner books a place with access needs, sees it in their bookings, and cancels it', async () => {
    await signInAs(web.page, 'Practitioner');
    await web.page.goto(`${webUrl()}/courses?hasUpcomingPlaces=yes&format=FACE_TO_FACE`);
    const courses = await web.page.locator('.lh-course h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    // a course Priya has no booking on shows "Book a place" buttons (one booking per course)
    let dates: string[] = [];
    let courseTitle = '';
    for (const href of courses) {
      await web.page.goto(href);
      dates = await web.page
        .locator('a.govuk-button', { hasText: 'Book a place' })
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      if (dates.length) {
        courseTitle = (await web.page.locator('h1').innerText()).trim();
        break;
      }
    }
    expect(dates.length).toBeGreaterThan(0);
    await web.page.goto(dates[0]!);
    await expectAccessible('book a place');
    await screenshot(web.page, 'book-a-place-desktop');
    await web.page.getByLabel('Access needs or reasonable adjustments (optional)').fill('Step-free access and a hearing loop');
    await web.page.getByRole('button', { name: 'Book a place' }).click();
    await web.page.waitForURL(/\/bookings\/[0-9a-f-]{36}\?outcome=booked$/);
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('Your place is booked');
    expect(await web.page.locator('main').innerText()).toContain('Step-free access and a hearing loop');
    await expectAccessible('booking confirmed');
    await screenshot(web.page, 'booking-confirmed-desktop');
    const bookingUrl = web.page.url().replace(/\?.*$/, '');

    // booking again is not offered: the page says so before any form (the API refuses it too: booking.int-spec)
    await web.page.goto(dates[0]!);
    expect(await web.page.locator('main').innerText()).toContain('You already have a booking on this course');
    expect(await web.page.locator('main form[method="POST"]').count()).toBe(0);
    await expectAccessible('book a place, already booked');

    await web.page.goto(`${webUrl()}/bookings`);
    expect(await web.page.locator('main').innerText()).toContain(courseTitle);
    await expectAccessible('your bookings');
    await screenshot(web.page, 'your-bookings-desktop');

    await web.page.goto(bookingUrl);
    await web.page.getByLabel('Reason (optional)').fill('Clash with a case conference');
    await web.page.getByRole('button', { name: 'Cancel booking' }).click();
    await web.page.waitForURL(/outcome=cancelled/);
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toMatch(/Your booking is cancelled/);
    expect(await web.page.locator('main').innerText()).toContain('Clash with a case conference');

    // what the booking said about access needs is kept on Your account and fills in the next booking form
    const accessOnForm = () => web.page.getByLabel('Access needs or reasonable adjustments (optional)').inputValue();
    await web.page.goto(dates[0]!);
    expect(await accessOnForm()).toBe('Step-free access and a hearing loop');
    await web.page.goto(`${webUrl()}/account`);
    const onAccount = web.page.getByLabel('Access needs or reasonable adjustments', { exact: true });
    expect(await onAccount.inputValue()).toBe('Step-free access and a hearing loop');
    // changeable there too (and emptied again for the other journeys)
    await onAccount.fill('');
    await web.page.getByRole('button', { name: 'Save access and dietary needs' }).click();
    await web.page.waitForSelector('.govuk-notification-banner--success');
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('Your access and dietary needs are saved');
    await expectAccessible('your account, needs saved');
    await web.page.goto(dates[0]!);
    expect(await accessOnForm()).toBe('');
  });

  it('a practitioner joins the waiting list of a full session; the coordinator raises capacity; the offer is accepted', async () => {
    // the coordinator finds a full session in the programme
    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage/sessions`);
    await expectAccessible('programme');
    await screenshot(web.page, 'programme-desktop');
    const fullSessions = await web.page
      .locator('tbody tr', { has: web.page.locator('td', { hasText: /^Full$/ }) })
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(fullSessions.length).toBeGreaterThan(0);

    // the practitioner joins the waiting list of one (skipping any on a course they already have a booking on)
    const practitioner = await web.browser.newContext({ viewport: PHONE });
    const p = await practitioner.newPage();
    await signInAs(p, 'Practitioner');
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
    await web.page.goto(`${webUrl()}${sessionHref}`);
    expect(await web.page.locator('.lh-roster-table tr', { hasText: 'Priya Shah' }).innerText()).toContain('On the waiting list');
    await expectAccessible('session roster');
    await screenshot(web.page, 'session-roster-desktop');
    const capacity = Number(await web.page.getByLabel('Number of places').inputValue());
    await web.page.getByLabel('Number of places').fill(String(capacity + 1));
    await web.page.getByRole('button', { name: 'Change capacity' }).click();
    await web.page.waitForURL(/done=capacity/);
    expect(await web.page.locator('.lh-roster-table tr', { hasText: 'Priya Shah' }).innerText()).toContain('Place offered');

    // a capacity below the places taken is refused with the reason, and nothing changes
    await web.page.getByLabel('Number of places').fill('1');
    await web.page.getByRole('button', { name: 'Change capacity' }).click();
    await web.page.waitForSelector('.govuk-error-summary');
    expect(await web.page.locator('.govuk-error-summary').innerText()).toMatch(/Capacity must be at least \d+/);
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
    await signInAs(web.page, 'Practitioner');
    await web.page.goto(`${webUrl()}/courses?search=Graded%20Care%20Profile%202%20assessment`);
    await web.page.locator('.lh-course h2 a').first().click();
    await web.page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    expect(await web.page.locator('main').innerText()).toMatch(/Manager approval\s+Needed/);
    const dates = await web.page
      .locator('a.govuk-button')
      .filter({ hasText: /Book a place/ })
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    await web.page.goto(dates[dates.length - 1]!);
    // the box is prefilled with the manager named on an earlier booking (another journey may have booked as her first)
    await web.page.getByLabel("Your line manager's email address").fill('');
    await web.page.getByRole('button', { name: /Book a place|Join the waiting list/ }).click();
    await web.page.waitForSelector('.govuk-error-summary');
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain("line manager's email address");
    await expectAccessible('book a place, manager email missing');
    await web.page.getByLabel("Your line manager's email address").fill('ward.manager@example.org');
    await web.page.getByRole('button', { name: /Book a place|Join the waiting list/ }).click();
    await web.page.waitForURL(/outcome=booked/);
    const bookingUrl = web.page.url().replace(/\?.*$/, '');
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toMatch(/held while your line manager decides|waiting list/);

    const mail = await waitForMail('ward.manager@example.org', /^Approval needed: Priya Shah/);
    const link = /(http:\/\/[^\s]+\/approvals\/[^\s?]+)\?decision=approve/.exec(mail.text)?.[1];
    expect(link).toBeDefined();

    const manager = await web.browser.newContext({ viewport: PHONE });
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

    await web.page.goto(bookingUrl);
    expect(await web.page.locator('main').innerText()).toMatch(/Approved by the line manager/);
  });

  it('a coordinator moves a person to another date and cancels a whole session', async () => {
    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage/sessions`);
    const sessions = await web.page.locator('tbody tr a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    // a session whose course has another date with places, and someone confirmed on it
    let moved = false;
    let movedName = '';
    for (const href of sessions) {
      await web.page.goto(`${webUrl()}${href}`);
      const move = web.page.locator('.lh-roster-table a', { hasText: /^Move/ }).first();
      if ((await move.count()) === 0) {
        continue;
      }
      movedName = (await move.textContent())!.replace(/^Move\s*/, '').replace(/\s*to another date$/, '');
      await move.click();
      await web.page.waitForURL(/\/move$/);
      if ((await web.page.locator('input[name="toSessionId"]').count()) === 0) {
        continue;
      }
      await expectAccessible('move a booking');
      await web.page.getByRole('button', { name: 'Move the booking' }).click();
      await web.page.waitForSelector('.govuk-error-summary');
      expect(await web.page.locator('.govuk-error-summary').innerText()).toMatch(/Choose the session to move to|Enter a reason/);
      await web.page.locator('input[name="toSessionId"]').first().check();
      await web.page.getByLabel('Reason').fill('Clash with a child protection conference');
      await web.page.getByRole('button', { name: 'Move the booking' }).click();
      await web.page.waitForLoadState();
      if (/done=moved/.test(web.page.url())) {
        moved = true;
        expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('Booking moved to this session');
        break;
      }
    }
    expect(moved).toBe(true);

    // the person moved gets one mail saying so, with the new date's invite and the old date's cancellation
    const movedToUrl = web.page.url();
    const movedMail = web.page.locator('tr', { hasText: movedName }).getByRole('link', { name: /^Your place has moved to another date: / });
    for (let i = 0; i < 30 && !(await movedMail.count()); i++) {
      await web.page.goto(`${webUrl()}/dev/mail`);
      if (!(await movedMail.count())) {
        await web.page.waitForTimeout(500);
      }
    }
    await movedMail.first().click();
    await web.page.waitForURL(/\/dev\/mail\/[\w.-]+\.eml$/);
    const movedText = await web.page.locator('main').innerText();
    expect(movedText).toContain('The training team has moved your place');
    expect(movedText).toContain('The date you were booked on');
    expect(movedText).toContain('Your new date');
    expect(movedText).toContain('Reason: Clash with a child protection conference');
    expect(movedText).toMatch(/\w+day \d{1,2} \w+ \d{4}, \d{1,2}(:\d{2})?[ap]m to/);
    expect(movedText).toContain('REQUEST (adds or updates the event)');
    expect(movedText).toContain('CANCEL (withdraws the event)');
    expect(movedText).not.toContain('book another date');
    await web.page.goto(movedToUrl);

    // cancel the session now on screen
    const rosterUrl = web.page.url().replace(/\?.*$/, '');
    await web.page.getByRole('link', { name: 'Cancel this session' }).click();
    await web.page.waitForURL(/\/cancel$/);
    await web.page.getByRole('button', { name: 'Cancel the session and tell everyone' }).click();
    await web.page.waitForSelector('.govuk-error-summary');
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain('Enter a reason for cancelling the session');
    await expectAccessible('cancel a session, error');
    await web.page.getByLabel('Reason').fill('The venue is closed for repairs');
    await web.page.getByRole('button', { name: 'Cancel the session and tell everyone' }).click();
    await web.page.waitForURL(/done=session-cancelled/);
    expect(web.page.url().replace(/\?.*$/, '')).toBe(rosterUrl);
    expect(await web.page.locator('.lh-roster-table').innerText()).not.toMatch(/\bConfirmed\b/);

    // the moved booking's history names both changes in words
    const movedBookings = await web.page
      .locator('.lh-roster-table th a', { hasText: movedName })
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const histories: string[] = [];
    for (const href of movedBookings) {
      await web.page.goto(`${webUrl()}${href}`);
      histories.push(await web.page.locator('main').innerText());
    }
    expect(histories.some((h) => h.includes('Moved here from another date') && h.includes('The session was cancelled'))).toBe(true);
    await screenshot(web.page, 'moved-booking-history-desktop');
  });

  it('a tampered approval link gets a clear error', async () => {
    const res = await web.page.goto(`${webUrl()}/approvals/bm9wZQ.not-a-signature`);
    expect(res?.status()).toBe(400);
    expect(await web.page.locator('main').innerText()).toContain('This link is not valid');
    await expectAccessible('approval link not valid');
  });

  it('keeps coordinators\u2019 pages from practitioners', async () => {
    await signInAs(web.page, 'Practitioner');
    const res = await web.page.goto(`${webUrl()}/manage/sessions`);
    expect(res?.status()).toBe(403);
    expect(await web.page.locator('h1').innerText()).toBe('You do not have access to this page');
    await expectAccessible('forbidden');
  });
});
