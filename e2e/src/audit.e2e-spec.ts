import { axe, DESKTOP, PHONE, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(90_000);

/** A coordinator changes someone's roles, then finds that change in the audit log, in the real web app. */
describe('the audit log in the web app', () => {
  const web = useBrowser();
  const stamp = Date.now().toString(36);
  const main = () => web.page.locator('main');

  async function expectAccessibleAtBothWidths(name: string): Promise<void> {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await web.page.setViewportSize(viewport);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect({ page: `${name} (${width})`, violations: await axe(web.page) }).toEqual({ page: `${name} (${width})`, violations: [] });
      await screenshot(web.page, `audit-${name.replace(/\W+/g, '-')}-${width}`);
    }
  }

  it('shows a change of roles with who, when, before and after and the reason, and filters by words and dates', async () => {
    await signInAs(web.page, 'Coordinator');
    // someone new, given the reviewer role with a reason
    await web.page.goto(`${webUrl()}/manage/people/new`);
    await web.page.getByLabel('Full name').fill(`Rowan Audited ${stamp}`);
    await web.page.getByLabel('Work email address').fill(`rowan.${stamp}@northshire.example.gov.uk`);
    await web.page.getByLabel('Agency').selectOption({ index: 1 });
    await web.page.getByRole('button', { name: 'Add person' }).click();
    await web.page.waitForURL(/\/manage\/people\/[0-9a-f-]+\?done=/);
    await web.page.getByRole('link', { name: 'Change roles' }).click();
    await web.page.waitForURL(/\/roles$/);
    await web.page.getByLabel('Reviewer').check();
    await web.page.getByLabel('Why (optional)').fill('Joins the quality panel');
    await web.page.getByRole('button', { name: 'Save roles' }).click();
    await web.page.waitForURL(/\?done=roles$/);

    // Manage links to the log
    await web.page.goto(`${webUrl()}/manage`);
    await web.page.getByRole('link', { name: 'Audit log', exact: true }).click();
    await web.page.waitForURL(`${webUrl()}/manage/audit`);
    await expectAccessibleAtBothWidths('audit log');

    await web.page.getByLabel('Words').fill(`Rowan Audited ${stamp}`);
    await web.page.getByLabel('Action').selectOption({ label: 'Roles changed' });
    await web.page.getByRole('button', { name: 'Filter' }).click();
    await web.page.waitForURL(/text=Rowan/);
    expect(await web.page.locator('caption').innerText()).toBe('1 entry found');
    const row = web.page.locator('tbody tr');
    const text = await row.innerText();
    expect(text).toContain('Roles changed');
    expect(text).toContain(`Rowan Audited ${stamp}`);
    expect(text).toMatch(/Roles:\s*Practitioner\s*(→)?\s*changed to\s*Practitioner, Reviewer/);
    expect(text).toContain('Joins the quality panel');
    expect(text).toMatch(/\d{1,2} \w+ \d{4}/);
    await expectAccessibleAtBothWidths('audit log filtered');

    // the person's name links to everything about them
    await row.getByRole('link', { name: `Rowan Audited ${stamp}` }).click();
    await web.page.waitForURL(/subjectPersonId=/);
    expect(await main().innerText()).toContain('Showing only entries about one person');
    expect(await web.page.locator('caption').innerText()).toBe('1 entry found');

    // a date that is not real is named, at its boxes
    await web.page.goto(`${webUrl()}/manage/audit?from-day=31&from-month=2&from-year=2026`);
    const summary = web.page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('The from date must be a real date');
    await expectAccessibleAtBothWidths('audit log with a wrong date');
  });

  it('is not for practitioners', async () => {
    await signInAs(web.page, 'Practitioner');
    const res = await web.page.goto(`${webUrl()}/manage/audit`);
    expect(res?.status()).toBe(403);
  });
});
