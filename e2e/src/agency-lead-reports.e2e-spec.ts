import { signInAs, useBrowser } from './browser';
import { expectAccessibleAtBothWidths } from './accessibility-support';
import { webUrl } from './support';

jest.setTimeout(300_000);

/**
 * An agency lead opens their agency's training figures from their agency's page: their agency beside the
 * partnership, in a table readable at both widths; another agency's id in the address is refused in words.
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

    await page().goto(`${webUrl()}/your-agency/reports?agencyId=00000000-0000-4000-8000-000000000000`);
    await expect(page().getByText('You can see the figures of your own agency only').count()).resolves.toBeGreaterThan(0);
  });
});
