import { signInAs, useBrowser } from './browser';
import { expectAccessibleAtBothWidths, expectErrorLinksOnPage } from './accessibility-support';
import { webUrl } from './support';

jest.setTimeout(300_000);

/**
 * An agency lead opens their agency's training figures from their agency's page: their agency beside the
 * partnership, and its mandatory training compliance beside the partnership's, readable at both widths; another
 * agency's id in the address is refused in words, the error summary linking to the form (the agency box is not on it).
 */
describe('agency lead reports in the browser', () => {
  const web = useBrowser();
  const page = () => web.page;

  it('shows the lead their agency’s figures beside the partnership’s', async () => {
    await signInAs(page(), 'Agency lead');
    await page().goto(`${webUrl()}/your-agency`);
    await page().getByRole('link', { name: 'Your agency’s training figures' }).click();
    await page().waitForURL(`${webUrl()}/your-agency/reports`);
    const table = page().locator('table', { has: page().locator('caption', { hasText: /and the partnership/ }) });
    await expect(table.getByRole('columnheader', { name: 'Partnership' }).count()).resolves.toBe(1);
    await expect(table.getByRole('rowheader').count()).resolves.toBe(6);
    await expect(page().getByLabel('Agency', { exact: true }).count()).resolves.toBe(0); // no agency filter to choose
    await expectAccessibleAtBothWidths(page(), 'agency-lead-reports');

    // their agency's compliance as at the end of the period, beside the partnership
    await expect(
      page()
        .getByRole('heading', { level: 2, name: /^Mandatory training compliance, as at/ })
        .isVisible(),
    ).resolves.toBe(true);
    const compliance = page().locator('table', { has: page().locator('caption', { hasText: /level 1 awareness, as at/ }) });
    await expect(compliance.getByRole('rowheader').last().textContent()).resolves.toBe('Whole partnership');
    await expect(compliance.getByRole('rowheader').count()).resolves.toBe(2); // their agency and the partnership

    // the agency box is not on their form: the error summary links to the form instead
    await page().goto(`${webUrl()}/your-agency/reports?agencyId=00000000-0000-4000-8000-000000000000`);
    await expect(page().getByText('You can see the figures of your own agency only').count()).resolves.toBeGreaterThan(0);
    await expectErrorLinksOnPage(page());
    await expect(page().locator('.govuk-error-summary a').first().getAttribute('href')).resolves.toBe('#report-filters');
  });
});
