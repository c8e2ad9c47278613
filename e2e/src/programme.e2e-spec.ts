// A coordinator runs the programme in the real web app: filters it to next month's sessions with a waiting list,
// opens the month calendar, approves a booking from the training team's queue, and copies a session to new dates.
import { AddPersonToSessionDocument, BookSessionDocument, CancelSessionDocument, CreateSessionDocument } from '@lh/graphql-client';
import { formatLondonDate, londonParts, monthBounds, shiftMonth } from '@lh/domain';
import type { Page } from 'playwright-core';
import { axe, api, apiCookie, DESKTOP, PHONE, publishedCourse, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';
import { peopleNamed, trainingTeam } from './register-support';

jest.setTimeout(120_000);

const nextMonth = shiftMonth(londonParts(new Date()).date.slice(0, 7), 1);
const { from: monthStart, to: monthEnd } = monthBounds(nextMonth);
const dateOf = (day: number) => `${nextMonth}-${String(day).padStart(2, '0')}`;
const dayName = (iso: string) => formatLondonDate(new Date(`${iso}T12:00:00Z`));

describe('running the programme in the web app', () => {
  const web = useBrowser();
  const stamp = Date.now().toString(36);
  const title = `Programme journey ${stamp}`;
  let sessionId = '';
  const made: string[] = [];
  let cookie = '';

  beforeAll(async () => {
    cookie = await apiCookie('Coordinator');
    const courseId = await publishedCourse(cookie, {
      title,
      summary: 'A course the programme journey schedules.',
      learningOutcomes: ['Run a programme'],
      level: 2,
      requiresApproval: true,
    });
    const { createSession } = (
      await api()(
        CreateSessionDocument,
        {
          input: {
            courseId,
            capacity: 2,
            onlineUrl: 'https://meet.example.org/programme-journey',
            parts: [{ date: dateOf(15), startTime: '10:00', endTime: '12:00' }],
          },
        },
        { cookie },
      )
    ).data;
    sessionId = createSession.id;
    made.push(sessionId);
    // the demo practitioner books: their line manager is asked (the place is held)
    const booked = await api()(
      BookSessionDocument,
      { input: { sessionId, managerEmail: 'team.manager.programme@example.org' } },
      { cookie: await apiCookie('Practitioner') },
    );
    expect(booked.data.bookSession.status).toBe('PENDING_APPROVAL');
    // the training team adds two people: one takes the last place, the other waits
    const people = peopleNamed(2, stamp);
    await (await trainingTeam()).importPeople(people);
    for (const p of people) {
      await api()(
        AddPersonToSessionDocument,
        { input: { sessionId, personEmail: p.email, reason: 'Booked by the training team' } },
        { cookie },
      );
    }
  });

  afterAll(async () => {
    // nobody else's journey should find these sessions to book
    for (const id of made) {
      await api()(CancelSessionDocument, { input: { sessionId: id, reason: 'A programme test session' } }, { cookie });
    }
  });

  beforeEach(async () => {
    await signInAs(web.page, 'Coordinator');
  });

  async function accessibleAtBothWidths(page: Page, name: string): Promise<void> {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      expect({ page: `${name} (${width})`, violations: await axe(page) }).toEqual({ page: `${name} (${width})`, violations: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    }
  }
  const fillDate = async (id: string, iso: string) => {
    const [y, m, d] = iso.split('-');
    await web.page.locator(`[id="${id}-day"]`).fill(String(Number(d)));
    await web.page.locator(`[id="${id}-month"]`).fill(String(Number(m)));
    await web.page.locator(`[id="${id}-year"]`).fill(y!);
  };
  const main = () => web.page.locator('main').innerText();

  it("filters the programme to next month's sessions with a waiting list, and opens the month calendar", async () => {
    await web.page.goto(`${webUrl()}/manage/sessions`);
    await fillDate('from', monthStart);
    await fillDate('to', monthEnd);
    await web.page.getByLabel('Only sessions with a waiting list').check();
    await web.page.getByRole('button', { name: 'Filter' }).click();
    await web.page.waitForURL(/waiting=yes/);
    const row = web.page.locator('tbody tr', { has: web.page.getByRole('link', { name: title }) });
    expect(await row.innerText()).toMatch(/2 of 2\s+1\s+1\s+Full/);
    // the filter shows what was asked, and every session listed has someone waiting
    expect(await web.page.getByLabel('Only sessions with a waiting list').isChecked()).toBe(true);
    expect(await web.page.locator('[id="from-month"]').inputValue()).toBe(String(Number(nextMonth.slice(5))));
    expect(await web.page.locator('#totals').innerText()).toContain(`from ${dayName(monthStart)} to ${dayName(monthEnd)}`);
    const waiting = await web.page.locator('tbody tr td:nth-child(6)').allInnerTexts();
    expect(waiting.every((w) => Number(w) > 0)).toBe(true);
    await screenshot(web.page, 'programme-filtered-desktop');
    await accessibleAtBothWidths(web.page, 'programme, filtered');

    // the same filter as a month calendar
    await web.page.getByRole('link', { name: 'See the programme as a month calendar' }).click();
    await web.page.waitForURL(new RegExp(`/manage/sessions/calendar\\?.*month=${nextMonth}`));
    expect(web.page.url()).toContain('waiting=yes');
    const cell = web.page.locator('.lh-calendar td', { has: web.page.getByRole('link', { name: new RegExp(title) }) });
    expect(await cell.innerText()).toMatch(new RegExp(`^${dayName(dateOf(15))}\\s+15\\s+10am ${title} \\(2 of 2\\)`));
    await screenshot(web.page, 'programme-calendar-desktop');
    await accessibleAtBothWidths(web.page, 'programme calendar');
    await web.page.setViewportSize(PHONE);
    // on a phone: a list of the days with sessions, not a squeezed grid
    expect(await web.page.locator('.lh-calendar').isVisible()).toBe(false);
    expect(await web.page.locator('.lh-calendar-list').innerText()).toContain(dayName(dateOf(15)));
    await screenshot(web.page, 'programme-calendar-phone');
    await web.page.setViewportSize(DESKTOP);
    await web.page.getByRole('link', { name: /Next month/ }).click();
    await web.page.waitForURL(new RegExp(`month=${shiftMonth(nextMonth, 1)}`));
    expect(await web.page.locator('h1').innerText()).toContain(
      formatLondonDate(new Date(`${shiftMonth(nextMonth, 1)}-15T12:00:00Z`)).replace(/^\w+day \d+ /, ''),
    );

    // dates the wrong way round are refused in the words of the form, and nothing is listed
    await web.page.goto(`${webUrl()}/manage/sessions?from=${monthEnd}&to=${monthStart}`);
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain('The to date must be the same as or after the from date');
    expect(await web.page.locator('tbody tr').count()).toBe(0);
    await accessibleAtBothWidths(web.page, 'programme, bad dates');
  });

  it("approves a booking from the training team's queue", async () => {
    await web.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Manage' }).click();
    await web.page.getByRole('link', { name: 'Waiting for the training team' }).click();
    await web.page.waitForURL(`${webUrl()}/manage/queue`);
    const item = web.page.locator('#approvals + ul li', { hasText: title });
    expect(await item.innerText()).toMatch(/Waiting under an hour/);
    await screenshot(web.page, 'queue-desktop');
    await accessibleAtBothWidths(web.page, 'queue');
    await item.getByRole('button', { name: /^Approve/ }).click();
    await web.page.waitForLoadState();
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toMatch(/Approved: .+ has a confirmed place/);
    expect(await web.page.locator('#approvals + ul li', { hasText: title }).count()).toBe(0);
  });

  it('copies the session to a new date, refusing a date in the past, and repeats it on a list of dates', async () => {
    await web.page.goto(`${webUrl()}/manage/sessions/${sessionId}`);
    await web.page.getByRole('link', { name: 'Copy this session' }).click();
    await web.page.waitForURL(`${webUrl()}/manage/sessions/${sessionId}/copy`);
    await accessibleAtBothWidths(web.page, 'copy a session');
    await fillDate('date', '2020-01-06');
    await web.page.getByRole('button', { name: 'Copy the session' }).click();
    await web.page.waitForLoadState();
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain('Monday 6 January 2020: Part 1 must start in the future');
    await accessibleAtBothWidths(web.page, 'copy a session, refused');

    await fillDate('date', dateOf(22));
    await web.page.getByRole('button', { name: 'Copy the session' }).click();
    await web.page.waitForURL(/\/manage\/sessions\/[0-9a-f-]{36}$/);
    const copyId = web.page.url().split('/').pop()!;
    made.push(copyId);
    expect(copyId).not.toBe(sessionId);
    expect(await main()).toContain(title);
    expect(await main()).toContain(`${dayName(dateOf(22))}, 10am to midday`);
    expect(await main()).toMatch(/0 confirmed of 2/);

    await web.page.goto(`${webUrl()}/manage/sessions/${sessionId}/repeat`);
    await accessibleAtBothWidths(web.page, 'repeat a session');
    const [y, m] = nextMonth.split('-');
    await web.page.getByLabel('Dates').fill(`01/01/2020\n29/${m}/${y}`);
    await web.page.getByRole('button', { name: 'Make the copies' }).click();
    await web.page.waitForLoadState();
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('1 copy made');
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain(
      'Wednesday 1 January 2020: Part 1 must start in the future',
    );
    const link = web.page.locator('.govuk-notification-banner a');
    made.push((await link.getAttribute('href'))!.split('/').pop()!);
    await accessibleAtBothWidths(web.page, 'repeat a session, reported');
  });
});
