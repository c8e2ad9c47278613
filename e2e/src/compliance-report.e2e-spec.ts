import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { signInAs, useBrowser } from './browser';
import { expectAccessibleAtBothWidths, expectErrorLinksOnPage } from './accessibility-support';
import { tableRows, webUrl } from './support';

jest.setTimeout(300_000);

/**
 * A reviewer reads report 5, mandatory training compliance, with JavaScript off: found in the reports'
 * navigation, the period and agency filters only (the course filters are said not to apply), a table per
 * requirement with each agency and the partnership as at the end of the period, no names, readable at both
 * widths, and a CSV with the screen's rows. A bad agency in the address is named in words, linked to its box.
 */
describe('mandatory training compliance report in the browser', () => {
  const web = useBrowser();

  it('shows a reviewer compliance by requirement and agency without JavaScript, and a CSV with the same rows', async () => {
    const context = await web.browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    try {
      await signInAs(page, 'Reviewer');
      await page.goto(`${webUrl()}/manage/reports/dashboard?period=FINANCIAL_YEAR`);
      await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Mandatory training compliance' }).click();
      await page.waitForURL(/\/manage\/reports\/compliance\?period=FINANCIAL_YEAR/);
      await expect(page.getByRole('heading', { level: 1, name: 'Mandatory training compliance' }).isVisible()).resolves.toBe(true);
      await expect(page.getByText('the priority area, level, format, course and trainer filters do not apply here').count()).resolves.toBe(
        1,
      );
      expect(await page.getByLabel('Course', { exact: true }).count()).toBe(0);
      expect(await page.getByLabel('Agency (booked under)').count()).toBe(1);

      // the demo's level 1 requirement: each agency, then the whole partnership
      const caption = /^Safeguarding children: level 1 awareness, as at/;
      const screen = (await tableRows(page, caption)).map((r) => r.map((c) => c.replace(/\s+/g, ' ')));
      const header = await page
        .locator('table', { has: page.locator('caption', { hasText: caption }) })
        .locator('thead th')
        .last()
        .innerText();
      const previousDate = /and on (.+)$/.exec(header.replace(/\s+/g, ' '))![1];
      expect(screen.length).toBeGreaterThanOrEqual(2);
      expect(screen.at(-1)![0]).toBe('Whole partnership');
      const total = screen.at(-1)!;
      expect(Number(total[1])).toBeGreaterThanOrEqual(Math.max(...screen.slice(0, -1).map((r) => Number(r[1]))));
      expect(await page.locator('main').innerText()).not.toMatch(/@|Demo Practitioner/);

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Download CSV of mandatory training compliance' }).click();
      const csv = parse(readFileSync((await (await download).path())!, 'utf8'), { bom: true }) as string[][];
      expect(csv[0]!.slice(0, 4)).toEqual(['Requirement', 'Agency', 'People it applies to', 'Current']);
      const share = (v: string) => v || '–';
      // the screen writes the change in words: "+10.0 points", "−2.5 points", "no change"
      const points = (v: string) =>
        v === '' ? '–' : Number(v) === 0 ? 'no change' : `${Number(v) > 0 ? '+' : '−'}${Math.abs(Number(v)).toFixed(1)} points`;
      const rows = csv
        .slice(1)
        .filter((r) => r[0] === 'Safeguarding children: level 1 awareness')
        .map((r) => [
          r[1],
          r[2],
          // each status's count with its share beneath; the compliant share with the earlier one and the change beneath
          ...[0, 1, 2, 3, 4].map((i) => `${r[3 + 2 * i]} ${share(r[4 + 2 * i]!)}`),
          `${share(r[13]!)} was ${share(r[14]!)} on ${previousDate}, ${points(r[15]!)}`,
        ]);
      expect(rows).toEqual(screen);
    } finally {
      await context.close();
    }
  });

  it('is accessible at both widths, and names an agency that does not exist, linked to its box', async () => {
    const page = web.page;
    await signInAs(page, 'Reviewer');
    // axe runs in the page, so this check has JavaScript on (the journey above has it off)
    await page.goto(`${webUrl()}/manage/reports/compliance?period=FINANCIAL_YEAR`);
    await expectAccessibleAtBothWidths(page, 'compliance-report');
    await page.goto(`${webUrl()}/manage/reports/compliance?agencyId=00000000-0000-4000-8000-000000000000`);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('There is no such agency');
    await expectErrorLinksOnPage(page);
    await expect(page.locator('.govuk-error-summary a').first().getAttribute('href')).resolves.toBe('#agencyId');
    expect(await page.locator('table').count()).toBe(0);
    await expectAccessibleAtBothWidths(page, 'compliance-report-error');
  });
});
