import { parse } from 'csv-parse/sync';

import { readFileSync } from 'node:fs';

import { londonParts } from '@lh/domain';
import type { Page } from 'playwright-core';
import { signInAs, useBrowser } from './browser';
import { peopleNamed, trainingTeam } from './register-support';
import { expectAccessibleAtBothWidths } from './accessibility-support';
import { webUrl, tableRows } from './support';

jest.setTimeout(300_000);

const expectAccessible = (page: Page, name: string) => expectAccessibleAtBothWidths(page, name);

/**
 * A reviewer of the workforce development group reads the reports: a session held today (its register signed off)
 * is in this month's figures; they change the period, see the tables, sort the agency table, download its CSV
 * (the same rows as the screen) and read what each figure means. A period that ends before it starts is named.
 */
describe('reports in the browser', () => {
  const web = useBrowser();
  let team: Awaited<ReturnType<typeof trainingTeam>>;
  const stamp = Date.now().toString(36);
  const people = peopleNamed(2, `rp${stamp}`, 340);
  const today = londonParts(new Date()).date;
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];

  beforeAll(async () => {
    team = await trainingTeam();
    await team.importPeople(people);
    await team.heldAndSignedOff(people);
  }, 300_000);
  afterAll(() => team?.cleanUp());

  it('shows a reviewer this month’s reports, sorted, as a CSV with the same rows, and the glossary', async () => {
    const page = web.page;
    await signInAs(page, 'Reviewer');
    // the header's Reports opens the dashboard, as coordinators' Manage does; attendance is in the reports' navigation
    await page.getByRole('link', { name: 'Reports' }).first().click();
    await page.waitForURL(`${webUrl()}/manage/reports/dashboard`);
    await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Attendance' }).click();
    await page.waitForURL(/\/manage\/reports\?/);
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' }).isVisible()).resolves.toBe(true);
    // reviewers see aggregates only: no trainer (a person) to filter by
    expect(await page.getByLabel('Trainer').count()).toBe(0);
    await expectAccessible(page, 'reports');

    // this month, for the course of today's session
    await page.getByLabel('Period', { exact: true }).selectOption('MONTH');
    await page.getByLabel('Day', { exact: true }).first().fill(String(day));
    await page.getByLabel('Month', { exact: true }).first().fill(String(month));
    await page.getByLabel('Year', { exact: true }).first().fill(String(year));
    await page.getByLabel('Course', { exact: true }).selectOption({ label: team.course.title });
    await page.getByRole('button', { name: 'Show reports' }).click();
    await page.waitForURL(/period=MONTH/);
    const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    await expect(page.getByRole('heading', { level: 2, name: `${monthName} ${year}` }).isVisible()).resolves.toBe(true);
    const summary = Object.fromEntries((await tableRows(page, /^Programme summary/)).map((r) => [r[0], r[1]]));
    expect(Number(summary['Sessions delivered'])).toBeGreaterThanOrEqual(1);
    expect(Number(summary['Attended'])).toBeGreaterThanOrEqual(2);
    const annual = await tableRows(page, /by priority area and course/);
    expect(annual.some((r) => r[0] === team.course.title && Number(r[2]) >= 2)).toBe(true);

    // sort the agency table by attendance, highest first: the header says so
    await page.getByRole('link', { name: 'Attendance rate', exact: true }).click();
    await page.waitForURL(/sort=ATTENDANCE_RATE/);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Attendance rate');
    const screen = await tableRows(page, /^Attendance by agency/);
    expect(screen[screen.length - 1]![0]).toBe('Total');
    await expectAccessible(page, 'reports-month');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV of attendance by agency' }).click();
    const file = await download;
    const lastDay = String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0');
    expect(file.suggestedFilename()).toBe(`attendance-by-agency-${today.slice(0, 8)}01-to-${today.slice(0, 8)}${lastDay}.csv`);
    const csv = parse(readFileSync((await file.path())!, 'utf8'), { bom: true }) as string[][];
    expect(csv[0]!.slice(0, 7)).toEqual([
      'Agency',
      'Booked',
      'Attended',
      'Attendance rate (share of booked)',
      'Did not attend',
      'Late cancellations',
      'Charges (£)',
    ]);
    // the same rows, in the same order, as the screen (the screen shows pounds with a £ and an empty share as "–")
    expect(csv.slice(1).map((r) => [r[0], r[1], r[2], r[3] || '–', r[4], r[5], `£${r[6]}`])).toEqual(screen.map((r) => r.slice(0, 7)));

    // what each figure means
    await page.getByRole('link', { name: 'what each figure means' }).click();
    await page.waitForURL(`${webUrl()}/manage/reports/glossary`);
    await expect(page.getByText('Attended their booked place ÷ booked.').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'reports-glossary');
  });

  it('names a period that ends before it starts in the error summary, and shows no table', async () => {
    const page = web.page;
    await signInAs(page, 'Reviewer');
    await page.goto(`${webUrl()}/manage/reports?period=CUSTOM&from=2026-03-10&to=2026-03-01`);
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.textContent()).resolves.toContain('The end of the period must be the same as or after its start');
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#to-day');
    expect(await page.locator('table').count()).toBe(0);
    await expect(page.title()).resolves.toMatch(/^Error: /);
    await expectAccessible(page, 'reports-error');
  });
});
