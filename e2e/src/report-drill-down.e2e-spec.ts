import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { londonParts } from '@lh/domain';
import type { Page } from 'playwright-core';
import { signInAs, useBrowser } from './browser';
import { peopleNamed, trainingTeam } from './register-support';
import { expectAccessibleAtBothWidths } from './accessibility-support';
import { DESKTOP, apiCookie, tableRows, webUrl } from './support';

jest.setTimeout(300_000);

/** The drill-down links name themselves after the figure: "27 (Booked): list what it counts". */
const DRILL_LINK = /\): list what it counts$/;
/** The pages a list of `rows` takes, 25 to a page. */
const pagesOf = (rows: number) => Math.ceil(rows / 25);

/**
 * A coordinator drills down from a figure: this month's booked places for the course of a session held today with
 * 27 people booked (more than a page). They click the figure on the programme summary, see as many rows as it
 * says over its pages, open a person's record link and download every row as CSV. A reviewer sees plain numbers
 * and is refused the page and its file; the page works without JavaScript; axe at both widths.
 */
describe('drilling down from a report figure in the browser', () => {
  const web = useBrowser();
  let team: Awaited<ReturnType<typeof trainingTeam>>;
  const stamp = Date.now().toString(36);
  const people = peopleNamed(27, `dd${stamp}`, 400);
  const today = londonParts(new Date()).date;
  const query = () => `?period=MONTH&from=${today}&courseId=${team.course.id}`;

  beforeAll(async () => {
    team = await trainingTeam();
    await team.importPeople(people);
    await team.session(0, 2, people, { started: true });
  }, 300_000);
  afterAll(() => team?.cleanUp());

  /** Every row of the drill-down table, page after page by its Next link; the pages' sizes. */
  async function allRows(page: Page): Promise<{ rows: string[][]; sizes: number[] }> {
    const rows: string[][] = [];
    const sizes: number[] = [];
    for (;;) {
      const here = await tableRows(page, /^Booked, /);
      rows.push(...here);
      sizes.push(here.length);
      const next = page.getByRole('link', { name: 'Next page' });
      if (!(await next.count())) {
        return { rows, sizes };
      }
      await next.click();
      await page.waitForURL(new RegExp(`page=${sizes.length + 1}`));
    }
  }

  it('takes a coordinator from a figure on the summary to its sessions and people, a page at a time, and to its CSV', async () => {
    const page = web.page;
    await signInAs(page, 'Coordinator');
    await page.goto(`${webUrl()}/manage/reports${query()}`);
    const summary = Object.fromEntries((await tableRows(page, /^Programme summary/)).map((r) => [r[0], r[1]]));
    const booked = Number.parseInt(summary['Booked']!, 10); // the cell is a link: "27 (Booked): list what it counts"
    expect(booked).toBeGreaterThanOrEqual(people.length);
    // the figures with a list behind them are links for coordinators; a rate is not
    expect(await page.getByRole('link', { name: `${booked} (Booked): list what it counts` }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /\(Attendance rate \(share of booked\)\)/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /\(Booked, Total\): list what it counts/ }).count()).toBe(1);

    await page.getByRole('link', { name: `${booked} (Booked): list what it counts` }).click();
    await page.waitForURL(/\/manage\/reports\/drill-down\?.*figure=BOOKED/);
    await expect(page.getByRole('heading', { level: 1, name: 'Booked: what it counts' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('#definition').textContent()).resolves.toContain('booked beforehand and still held');
    await expect(page.locator('[data-total]').getAttribute('data-total')).resolves.toBe(String(booked));
    // the course is the demo's first, which other places this month may share: a page holds 25
    expect(await page.locator('caption').textContent()).toMatch(new RegExp(`: page 1 of ${pagesOf(booked)}$`));
    // numbers right-aligned, as in the other report tables
    expect(await page.locator('thead th.govuk-table__header--numeric').allTextContents()).toEqual(['No.']);
    expect(await page.locator('tbody td.govuk-table__cell--numeric').count()).toBe(25);
    expect(await page.getByLabel('Course', { exact: true }).inputValue()).toBe(team.course.id);
    await expect(page.locator('main a[href^="/records/"]').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('main a[href^="/manage/sessions/"]').first().isVisible()).resolves.toBe(true);
    await expectAccessibleAtBothWidths(page, 'report-drill-down');

    const { rows, sizes } = await allRows(page);
    expect(sizes).toEqual([...Array<number>(pagesOf(booked) - 1).fill(25), booked - 25 * (pagesOf(booked) - 1)]);
    expect(rows).toHaveLength(booked);
    expect(rows.map((r) => Number(r[0]))).toEqual(rows.map((_, i) => i + 1));
    const names = rows.map((r) => r[3]);
    expect(people.every((p) => names.includes(p.name))).toBe(true);
    await expectAccessibleAtBothWidths(page, 'report-drill-down-page-2');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV of booked, every row' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^booked-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = parse(readFileSync((await file.path())!, 'utf8'), { bom: true }) as string[][];
    expect(csv[0]).toEqual(['Session date', 'Time', 'Course', 'Person', 'Agency booked under', 'Outcome']);
    expect(csv.slice(1).map((r) => r[3])).toEqual(names);

    // the dashboard's headline figures link to the same list
    await page.goto(`${webUrl()}/manage/reports/dashboard${query()}`);
    expect(await page.getByRole('link', { name: `${booked} (Booked): list what it counts` }).getAttribute('href')).toMatch(
      /^\/manage\/reports\/drill-down\?.*figure=BOOKED/,
    );
  });

  it('shows a reviewer plain numbers and refuses them the list and its file', async () => {
    const page = web.page;
    await web.context.clearCookies();
    await signInAs(page, 'Reviewer');
    for (const path of ['/manage/reports', '/manage/reports/dashboard']) {
      await page.goto(`${webUrl()}${path}${query()}`);
      expect({ path, links: await page.getByRole('link', { name: DRILL_LINK }).count() }).toEqual({ path, links: 0 });
    }
    const refused = await page.goto(`${webUrl()}/manage/reports/drill-down${query()}&figure=BOOKED`);
    expect(refused?.status()).toBe(403);
    const file = await fetch(`${webUrl()}/manage/reports/download${query()}&figure=BOOKED&file=CSV`, {
      headers: { cookie: await apiCookie('Reviewer') },
      redirect: 'manual',
    });
    expect(file.status).toBe(403);
  });

  it('works without JavaScript: the filter form and the page links are plain GETs', async () => {
    const context = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await signInAs(page, 'Coordinator');
      await page.goto(`${webUrl()}/manage/reports/drill-down${query()}&figure=BOOKED`);
      const pages = pagesOf(Number(await page.locator('[data-total]').getAttribute('data-total')));
      await page.getByRole('link', { name: 'Next page' }).click();
      await page.waitForURL(/page=2/);
      expect(await page.locator('caption').textContent()).toMatch(new RegExp(`: page 2 of ${pages}$`));
      await page.getByLabel('Course', { exact: true }).selectOption('');
      await page.getByRole('button', { name: 'Show reports' }).click();
      await page.waitForURL((url) => url.searchParams.get('figure') === 'BOOKED' && !url.searchParams.get('courseId'));
      await expect(page.getByRole('heading', { level: 1, name: 'Booked: what it counts' }).isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });
});
