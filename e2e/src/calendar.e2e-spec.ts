import { readFileSync } from 'node:fs';
import { axe, DESKTOP, PHONE, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

/** .ics text with folded lines (RFC 5545 3.1) joined again. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

// Real browser journeys: more than Jest's default 5 seconds on a busy machine.
jest.setTimeout(60_000);

/** Calendar feeds, .ics downloads and joining links, through the real web app, on the demo data. */
describe('calendars in the web app', () => {
  const web = useBrowser();

  async function expectAccessible(name: string): Promise<void> {
    expect({ page: name, violations: await axe(web.page) }).toEqual({ page: name, violations: [] });
  }

  /** Ids of the signed-in person's confirmed bookings coming up, from "Your bookings". */
  async function confirmedBookings(): Promise<{ id: string; title: string }[]> {
    await web.page.goto(`${webUrl()}/bookings`);
    return web.page
      .locator('.lh-course', { has: web.page.locator('.govuk-tag', { hasText: /^Confirmed$/ }) })
      .locator('h3 a')
      .evaluateAll((as) =>
        as.map((a) => ({ id: (a as HTMLAnchorElement).pathname.split('/').pop()!, title: (a.textContent ?? '').trim() })),
      );
  }

  async function makeFeedLink(): Promise<string> {
    await web.page.getByRole('button', { name: /Create a feed link|Reset the feed link/ }).click();
    await web.page.waitForSelector('#feed-url');
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('Your calendar feed address is ready');
    return web.page.locator('#feed-url').inputValue();
  }

  it('a practitioner creates a private feed link on their account page and subscribes to their bookings', async () => {
    await signInAs(web.page, 'Practitioner');
    const confirmed = await confirmedBookings();
    expect(confirmed.length).toBeGreaterThan(0);

    await web.page.goto(`${webUrl()}/account`);
    expect(await web.page.locator('#calendar-feed').innerText()).toBe('Calendar feed');
    await expectAccessible('account, calendar feed');
    const url = await makeFeedLink();
    expect(url).toMatch(new RegExp(`^${webUrl()}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await expectAccessible('account, new feed link');
    await screenshot(web.page, 'account-calendar-feed-desktop');

    // a calendar app fetches it: no cookie, no sign-in
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = unfold(await res.text());
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('X-WR-CALNAME:Learning Hub: Priya Shah');
    expect(ics).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T\d{6}/);
    for (const b of confirmed) {
      expect(ics).toContain(`UID:booking-${b.id}-part-`);
    }

    // shown once: back on the page, it is not there any more
    await web.page.goto(`${webUrl()}/account`);
    expect(await web.page.locator('#feed-url').count()).toBe(0);
    expect(await web.page.locator('main').innerText()).toContain('You have a feed address, made');

    // resetting stops the old address working
    const fresh = await makeFeedLink();
    expect(fresh).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(fresh)).status).toBe(200);
  });

  it('the booking page shows the joining link of a confirmed online place and downloads the booking as .ics', async () => {
    await signInAs(web.page, 'Practitioner');
    const online = (await confirmedBookings()).find((b) => b.title === 'Graded Care Profile 2 revisit');
    expect(online).toBeDefined();
    await web.page.setViewportSize(PHONE);
    await web.page.goto(`${webUrl()}/bookings/${online!.id}`);
    const join = web.page.getByRole('link', { name: 'Join the session online' });
    expect(await join.getAttribute('href')).toMatch(/^https:\/\/meet\.example\.org\//);
    await expectAccessible('booking with joining link');
    await screenshot(web.page, 'booking-joining-link-phone');

    const [download] = await Promise.all([
      web.page.waitForEvent('download'),
      web.page.getByRole('link', { name: 'Add to your calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Graded Care Profile 2 revisit.ics');
    const ics = unfold(readFileSync((await download.path())!, 'utf8'));
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain(`UID:booking-${online!.id}-part-`);
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toMatch(/DESCRIPTION:[\s\S]*meet\.example\.org/);

    // nobody else gets the file
    await web.context.clearCookies();
    const res = await fetch(`${webUrl()}/bookings/${online!.id}/calendar.ics`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });

  it('another practitioner cannot download someone else’s booking', async () => {
    await signInAs(web.page, 'Practitioner');
    const [mine] = await confirmedBookings();
    const other = await web.browser.newContext({ viewport: DESKTOP });
    const p = await other.newPage();
    await signInAs(p, 'Trainer');
    const res = await p.request.get(`${webUrl()}/bookings/${mine!.id}/calendar.ics`, { maxRedirects: 0 });
    expect(res.status()).toBe(404);
    await other.close();
  });
});
