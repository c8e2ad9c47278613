import { axe, PHONE, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(90_000);

/**
 * A coordinator manages the partnership's agencies in the real web app: adds one (every problem of the
 * form in one round first), renames it, turns approval exemption on through the confirmation, sets its
 * single sign-on tenant, merges a duplicate into it after the preview, retires it and brings it back.
 */
describe('coordinators manage agencies in the web app', () => {
  const web = useBrowser();
  const stamp = Date.now().toString(36);
  const page = () => web.page;
  const main = () => page().locator('main').innerText();
  const banner = () => page().locator('.govuk-notification-banner').innerText();
  const errorSummary = () => page().locator('.govuk-error-summary').innerText();

  beforeEach(async () => {
    await signInAs(page(), 'Coordinator');
  });

  async function expectAccessible(name: string): Promise<void> {
    expect({ page: name, violations: await axe(page()) }).toEqual({ page: name, violations: [] });
  }

  async function addAgency(name: string, domains: string): Promise<void> {
    await page().goto(`${webUrl()}/manage/agencies/new`);
    await page().getByLabel('Name', { exact: true }).fill(name);
    await page().getByLabel('Sector').selectOption({ label: 'Other' });
    await page().getByLabel('Statutory partner', { exact: true }).check();
    await page().getByLabel('Email domains (optional)').fill(domains);
    await page().getByRole('button', { name: 'Add agency' }).click();
    await page().waitForURL(/\/manage\/agencies\/[0-9a-f-]{36}\?done=added$/);
  }

  it('adds, renames, exempts from approval, merges a duplicate into and retires an agency', async () => {
    const name = `Northshire Fire and Rescue ${stamp}`;
    const renamed = `Northshire Fire and Rescue Service ${stamp}`;
    const duplicate = `Northshire Fire Brigade ${stamp}`;

    await page().getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Manage' }).click();
    await page().getByRole('link', { name: 'Agencies', exact: true }).click();
    await page().waitForURL(`${webUrl()}/manage/agencies`);
    expect(await main()).toMatch(
      /Northshire Constabulary\s+Police\s+Yes\s+\d+\s+@northshire\.police\.uk\s+Needed for courses that ask for it/,
    );
    expect(await main()).toMatch(/Retired agencies[\s\S]*Northshire Clinical Commissioning Group/);
    await expectAccessible('agencies');
    await screenshot(page(), 'agencies-desktop');

    // every problem of the form at once, in the words on the screen, and nothing added
    await page().getByRole('button', { name: 'Add an agency' }).click();
    await page().waitForURL(`${webUrl()}/manage/agencies/new`);
    await expectAccessible('add an agency');
    await page().getByLabel('Name', { exact: true }).fill('northshire constabulary');
    await page().getByLabel('Email domains (optional)').fill('northshirefire.gov.uk\nnot a domain');
    await page().getByRole('button', { name: 'Add agency' }).click();
    await page().waitForSelector('.govuk-error-summary');
    const problems = await errorSummary();
    expect(problems).toContain('An agency called "Northshire Constabulary" already exists');
    expect(problems).toContain("Choose the agency's sector");
    expect(problems).toContain('Choose whether the agency is a statutory partner');
    expect(problems).toContain('Enter each email domain like northshire.gov.uk, one a line: "not a domain" is not a domain');
    expect(await page().getByLabel('Email domains (optional)').inputValue()).toBe('northshirefire.gov.uk\nnot a domain');
    await expectAccessible('add an agency with errors');
    await screenshot(page(), 'add-an-agency-errors');

    await page().getByLabel('Name', { exact: true }).fill(name);
    await page().getByLabel('Sector').selectOption({ label: 'Other' });
    await page().getByLabel('Not a statutory partner').check();
    await page().getByLabel('Email domains (optional)').fill('@NorthshireFire.gov.uk');
    await page().getByRole('button', { name: 'Add agency' }).click();
    await page().waitForURL(/\/manage\/agencies\/[0-9a-f-]{36}\?done=added$/);
    const agencyUrl = page().url().replace(/\?.*$/, '');
    expect(await banner()).toContain('Agency added');
    expect(await main()).toMatch(/Statutory partner\s+Not a statutory partner/);
    expect(await main()).toContain('@northshirefire.gov.uk');
    await expectAccessible('an agency');

    // rename it and make it a statutory partner
    await page().getByRole('link', { name: 'Change name' }).click();
    await page().waitForURL(`${agencyUrl}/edit`);
    await expectAccessible('change an agency');
    await page().getByLabel('Name', { exact: true }).fill(renamed);
    await page().getByLabel('Statutory partner', { exact: true }).check();
    await page().getByRole('button', { name: 'Save agency' }).click();
    await page().waitForURL(`${agencyUrl}?done=saved`);
    expect(await page().locator('h1').innerText()).toBe(renamed);
    expect(await main()).toMatch(/Statutory partner\s+Statutory partner/);

    // the approval rule is a sentence, and changing it says what will change first
    expect(await main()).toContain(`Staff of ${renamed} need their line manager's approval for courses that ask for it`);
    await page().getByRole('link', { name: 'Change manager approval rule' }).click();
    await page().waitForURL(`${agencyUrl}/approval`);
    expect(await main()).toContain(`Staff of ${renamed} will book without manager approval.`);
    await expectAccessible('change the approval rule');
    await screenshot(page(), 'agency-approval-confirm');
    await page().getByRole('button', { name: 'Yes, let them book without approval' }).click();
    await page().waitForURL(`${agencyUrl}?done=approval`);
    expect(await main()).toContain(`Staff of ${renamed} book without manager approval`);

    // single sign-on: a tenant id that is not a GUID is refused in the words of the form
    await page().getByRole('link', { name: 'Change single sign-on tenants' }).click();
    await page().waitForURL(`${agencyUrl}/sign-in`);
    await expectAccessible('sign-in settings');
    await screenshot(page(), 'agency-sign-in');
    await page().getByLabel('Microsoft Entra tenant ids (optional)').fill('northshirefire.onmicrosoft.com');
    await page().getByLabel('No, with single sign-on only').check();
    await page().getByRole('button', { name: 'Save sign-in settings' }).click();
    await page().waitForSelector('.govuk-error-summary');
    expect(await errorSummary()).toContain('"northshirefire.onmicrosoft.com" is not one');
    const tenant = '0b6f2d8e-3c1a-4e5b-9f7d-2a4c6e8b0d1f';
    await page().getByLabel('Microsoft Entra tenant ids (optional)').fill(tenant);
    await page().getByRole('button', { name: 'Save sign-in settings' }).click();
    await page().waitForURL(`${agencyUrl}?done=signIn`);
    expect(await main()).toContain(tenant);
    expect(await main()).toContain('Its people sign in with single sign-on only');

    // a duplicate typed in by someone else, merged into it after the preview
    await addAgency(duplicate, 'northshirefirebrigade.org.uk');
    await page().getByRole('button', { name: 'Merge with another agency' }).click();
    await page().waitForURL(/\/manage\/agencies\/merge\?from=/);
    await page().getByLabel('Agency to keep').selectOption({ label: duplicate });
    await page().getByRole('button', { name: 'Preview the merge' }).click();
    await page().waitForSelector('.govuk-error-summary');
    expect(await errorSummary()).toContain('Choose two different agencies: an agency cannot be merged into itself');
    await page().getByLabel('Agency to keep').selectOption({ label: renamed });
    await page().getByRole('button', { name: 'Preview the merge' }).click();
    await page().waitForSelector('text=Merge agencies');
    expect(await main()).toContain(`If you merge ${duplicate} into ${renamed}`);
    expect(await main()).toContain(`${renamed} also gets the email domain @northshirefirebrigade.org.uk`);
    expect(await main()).toContain(`${duplicate} is removed from the list`);
    expect(await main()).toContain(
      `Staff of ${duplicate} need their line manager's approval for courses that ask for it today. After the merge they follow the rule of ${renamed}.`,
    );
    await expectAccessible('merge preview');
    await screenshot(page(), 'agency-merge-preview');
    await page().getByRole('button', { name: 'Merge agencies' }).click();
    await page().waitForURL(`${agencyUrl}?done=merged`);
    expect(await banner()).toContain('Agencies merged');
    expect(await main()).toContain('@northshirefirebrigade.org.uk');
    await page().goto(`${webUrl()}/manage/agencies`);
    expect(await main()).not.toContain(duplicate);

    // retire it: listed as retired, no longer offered for a course's audience; then bring it back
    await page().goto(`${agencyUrl}/retire`);
    await expectAccessible('retire an agency');
    await page().getByRole('button', { name: 'Retire agency' }).click();
    await page().waitForURL(`${agencyUrl}?done=retired`);
    expect(await main()).toContain('Retired on');
    await page().goto(`${webUrl()}/manage/agencies`);
    expect(await main()).toMatch(new RegExp(`Retired agencies[\\s\\S]*${renamed}`));
    await page().goto(`${webUrl()}/manage/courses/new`);
    expect(await page().locator('main').innerHTML()).not.toContain(renamed);
    await page().goto(`${webUrl()}/manage/agencies`);
    await page()
      .getByRole('button', { name: `Bring back ${renamed}` })
      .click();
    await page().waitForURL(`${agencyUrl}?done=back`);
    expect(await banner()).toContain('Agency brought back');
  });

  it('the agencies pages work at 320 px', async () => {
    await page().setViewportSize(PHONE);
    for (const path of ['/manage/agencies', '/manage/agencies/new', '/manage/agencies/merge']) {
      await page().goto(`${webUrl()}${path}`);
      expect({ path, width: await page().evaluate(() => document.documentElement.scrollWidth) }).toEqual({ path, width: PHONE.width });
      await expectAccessible(`${path} at 320 px`);
    }
    await page().goto(`${webUrl()}/manage/agencies`);
    await screenshot(page(), 'agencies-320');
    await page().getByRole('link', { name: 'Northshire Constabulary' }).click();
    expect({ width: await page().evaluate(() => document.documentElement.scrollWidth) }).toEqual({ width: PHONE.width });
    await expectAccessible('an agency at 320 px');
    await screenshot(page(), 'agency-320');
  });
});
