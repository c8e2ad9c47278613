import { webUrl } from './support';
import { expectAccessibleAtBothWidths as expectAccessibleAt } from './accessibility-support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(90_000);

/** A coordinator changes someone's roles, then finds that change in the audit log, in the real web app. */
describe('the audit log in the web app', () => {
  const web = useBrowser();
  const stamp = Date.now().toString(36);
  const main = () => web.page.locator('main');

  const expectAccessibleAtBothWidths = (name: string) => expectAccessibleAt(web.page, name, `audit-${name.replace(/\W+/g, '-')}`);

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
    // the browser's request id goes through the web app to the API, which records it with the change
    const requestId = `e2e-roles-${stamp}`;
    await web.page.setExtraHTTPHeaders({ 'x-request-id': requestId });
    const [answer] = await Promise.all([
      web.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/roles')),
      web.page.getByRole('button', { name: 'Save roles' }).click(),
    ]);
    expect(answer.headers()['x-request-id']).toBe(requestId);
    await web.page.waitForURL(/\?done=roles$/);
    await web.page.setExtraHTTPHeaders({});

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
    // found by the request id too
    await web.page.goto(`${webUrl()}/manage/audit?text=${requestId}`);
    expect(await web.page.locator('caption').innerText()).toBe('1 entry found');
    expect(await web.page.locator('tbody tr').innerText()).toContain(`Request ${requestId}`);

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
