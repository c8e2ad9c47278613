import { parse } from 'csv-parse/sync';

import { readFileSync } from 'node:fs';

import { londonParts } from '@lh/domain';
import { signInAs, useBrowser } from './browser';
import { peopleNamed, trainingTeam } from './register-support';
import { expectAccessibleAtBothWidths } from './accessibility-support';
import { webUrl, tableRows } from './support';

jest.setTimeout(300_000);

/**
 * The trainers and charges reports in the browser: a coordinator sees this month's sessions per trainer and per
 * trainer's agency; a reviewer sees the agencies only, never a trainer's name; the charges page's CSV has the
 * screen's rows. Both pages are checked for accessibility at desktop and phone widths.
 */
describe('trainers and charges reports in the browser', () => {
  const web = useBrowser();
  let team: Awaited<ReturnType<typeof trainingTeam>>;
  const stamp = Date.now().toString(36);
  const people = peopleNamed(2, `dr${stamp}`, 360);
  const today = londonParts(new Date()).date;

  const query = () => `?period=MONTH&from=${today}&courseId=${team.course.id}`;

  beforeAll(async () => {
    team = await trainingTeam();
    await team.importPeople(people);
    await team.heldAndSignedOff(people);
  }, 300_000);
  afterAll(() => team?.cleanUp());

  it('shows trainers to a coordinator, agencies only to a reviewer, and charges as a CSV with the same rows', async () => {
    const page = web.page;
    await signInAs(page, 'Coordinator');
    await page.goto(`${webUrl()}/manage/reports${query()}`);
    await page.getByRole('link', { name: 'Trainers', exact: true }).click();
    await page.waitForURL(/\/manage\/reports\/trainers\?/);
    await expect(page.getByRole('heading', { level: 1, name: 'Trainers' }).isVisible()).resolves.toBe(true);
    const byTrainer = await tableRows(page, /^Sessions delivered and ratings by trainer,/);
    const trainer = byTrainer.find((r) => Number(r[2]) >= 1);
    expect(trainer).toBeDefined();
    expect(byTrainer[byTrainer.length - 1]![0]).toBe('Every session once');
    await expectAccessibleAtBothWidths(page, 'reports-trainers');

    await web.context.clearCookies();
    await signInAs(page, 'Reviewer');
    await page.goto(`${webUrl()}/manage/reports/trainers${query()}`);
    const agencies = await tableRows(page, /^Sessions delivered and ratings by trainer’s agency/);
    expect(Number(agencies[agencies.length - 1]![1])).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('heading', { name: 'By trainer', exact: true }).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(trainer![0]);
    expect(await page.getByLabel('Trainer', { exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: 'Charges for invoicing' }).click();
    await page.waitForURL(/\/manage\/reports\/charges\?/);
    await expect(page.getByRole('heading', { level: 1, name: 'Charges for invoicing' }).isVisible()).resolves.toBe(true);
    const screen = await tableRows(page, /^Charges by agency type and agency/);
    expect(screen[screen.length - 1]![0]).toBe('Total');
    await expectAccessibleAtBothWidths(page, 'reports-charges');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV of charges by agency type and agency' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^charges-by-agency-type-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = parse(readFileSync((await file.path())!, 'utf8'), { bom: true }) as string[][];
    expect(csv[0]).toEqual([
      'Agency type',
      'Agency',
      'Did not attend',
      'Late cancellations',
      'Charges raised (£)',
      'Charges waived (£)',
      'Charges (£)',
    ]);
    // the screen's rows without its agency-type heading rows, pounds with a £
    const money = (r: string[]) => [r[1], r[2], r[3], `£${r[4]}`, `£${r[5]}`, `£${r[6]}`];
    expect(csv.slice(1).map(money)).toEqual(screen.filter((r) => r.length > 1));
  });
});
