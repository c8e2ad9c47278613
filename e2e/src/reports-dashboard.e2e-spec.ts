import { readFileSync } from 'node:fs';
import { ReportDashboardDocument } from '@lh/graphql-client';
import { ReportFigure, formatShare, londonParts, termOf } from '@lh/domain';
import { signInAs, useBrowser } from './browser';
import { peopleNamed, trainingTeam } from './register-support';
import { expectAccessibleAtBothWidths } from './accessibility-support';
import { api, apiCookie, webUrl } from './support';

jest.setTimeout(300_000);

/**
 * A reviewer reads the reports dashboard with JavaScript off: the headline figures, three charts drawn as SVG on
 * the server (each an image named by its title, described by its summary), each chart's data one click away, the
 * print view with every table open, and the PDF for board papers.
 */
describe('the reports dashboard in the browser', () => {
  const web = useBrowser();
  let team: Awaited<ReturnType<typeof trainingTeam>>;
  const stamp = Date.now().toString(36);
  const people = peopleNamed(2, `rd${stamp}`, 360);
  const today = londonParts(new Date()).date;
  const [year, month] = today.split('-').map(Number) as [number, number];
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });

  beforeAll(async () => {
    team = await trainingTeam();
    await team.importPeople(people);
    await team.heldAndSignedOff(people);
  }, 300_000);
  afterAll(() => team?.cleanUp());

  it('shows a reviewer the figures and charts without JavaScript, the data behind each chart, the print view and the PDF', async () => {
    const context = await web.browser.newContext({
      viewport: { width: 1024, height: 900 },
      javaScriptEnabled: false,
      acceptDownloads: true,
    });
    // other journeys also take registers on this course this month: the screen must show what the API counts
    const filter = { periodKind: 'MONTH' as const, from: today, courseId: team.course.id };
    const d = (await api()(ReportDashboardDocument, { filter }, { cookie: await apiCookie('Reviewer') })).data.reportDashboard;
    const [thisMonth] = d.months;
    expect(thisMonth!.sessionsDelivered).toBeGreaterThanOrEqual(1);
    expect(thisMonth!.booked).toBeGreaterThanOrEqual(2);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000); // a missing element fails at its line, not at the test's timeout
    await signInAs(page, 'Reviewer');
    await page.goto(`${webUrl()}/manage/reports/dashboard?period=MONTH&from=${today}&courseId=${team.course.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Reports dashboard' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { level: 2, name: `${monthName} ${year}` }).isVisible()).resolves.toBe(true);
    // the dashboard is the first report page; reviewers have no trainer (a person) to filter by
    await expect(page.getByRole('navigation', { name: 'Reports' }).getByRole('link').first().textContent()).resolves.toContain('Dashboard');
    expect(await page.getByLabel('Trainer').count()).toBe(0);

    // headline figures, each with what it counts one click away
    const headline = page.locator('.govuk-summary-list');
    await expect(headline.getByText(termOf(ReportFigure.ATTENDANCE_RATE), { exact: true }).isVisible()).resolves.toBe(true);
    await expect(headline.locator('dd').nth(3).locator('strong').textContent()).resolves.toBe(
      formatShare(d.figures.attendanceRate ?? null),
    );

    // three charts, SVG from the server, named by their titles and described by their summaries
    expect(await page.locator('svg[role="img"]').count()).toBe(3);
    const attendance = page.getByRole('img', { name: 'Attendance rate by month' });
    await expect(attendance.isVisible()).resolves.toBe(true);
    const describedBy = (await attendance.getAttribute('aria-describedby'))!;
    const rate = formatShare(thisMonth!.attendanceRate ?? null);
    await expect(page.locator(`#${describedBy}`).textContent()).resolves.toBe(
      `Highest ${rate} in ${monthName} ${year}, lowest ${rate} in ${monthName} ${year}; 1 of 1 months had places booked.`,
    );
    await expect(page.getByRole('img', { name: 'Did not attend by agency' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('img', { name: 'Confidence across the four stages' }).isVisible()).resolves.toBe(true);
    // the values are written on the chart, not only drawn
    await expect(attendance.locator('text.lh-chart__value').first().textContent()).resolves.toBe(rate);

    // the data one click away (a details element: no JavaScript needed)
    const data = page.locator('table', { has: page.locator('caption', { hasText: /^Attendance by month/ }) });
    expect(await data.isVisible()).toBe(false);
    await page.getByText('Attendance rate by month: the data').click();
    expect(await data.isVisible()).toBe(true);
    const cells = await data.locator('tbody tr').first().locator('th, td').allTextContents();
    expect(cells.map((c) => c.trim())).toEqual([
      `${monthName} ${year}`,
      String(thisMonth!.sessionsDelivered),
      String(thisMonth!.booked),
      String(thisMonth!.attendedBooked),
      rate,
    ]);

    // the PDF for board papers
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download PDF of the dashboard' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^reports-dashboard-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(
      readFileSync((await file.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // the print view: no filter form, every chart's data open
    await page.getByRole('link', { name: 'Print view of the dashboard' }).click();
    await page.waitForURL(/view=print/);
    expect(await page.locator('form[role="search"]').count()).toBe(0);
    expect(await page.locator('table', { has: page.locator('caption', { hasText: /^Did not attend by agency/ }) }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Reports' }).isVisible()).toBe(false);
    expect(await page.locator('svg[role="img"]').first().isVisible()).toBe(true);
    await context.close();
  });

  it('is accessible at both widths, and names a period that ends before it starts, drawing no chart', async () => {
    const page = web.page;
    await signInAs(page, 'Reviewer');
    // axe runs in the page, so this check has JavaScript on (the journey above has it off)
    await page.goto(`${webUrl()}/manage/reports/dashboard?period=MONTH&from=${today}&courseId=${team.course.id}`);
    await expectAccessibleAtBothWidths(page, 'reports-dashboard');
    await page.goto(`${webUrl()}/manage/reports/dashboard?period=CUSTOM&from=2026-03-10&to=2026-03-01`);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'The end of the period must be the same as or after its start',
    );
    expect(await page.locator('svg[role="img"]').count()).toBe(0);
  });
});
