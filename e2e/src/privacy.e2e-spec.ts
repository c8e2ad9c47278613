import { demoEmail, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';
import { expectAccessibleAtBothWidths } from './accessibility-support';

jest.setTimeout(90_000);

/** Subject access in the web app: a practitioner downloads their own data; a coordinator downloads someone's for a request. */
describe('your data and the privacy notice', () => {
  const web = useBrowser();
  const practitioner = { name: 'Priya Shah' };

  it('a practitioner finds their data from their account, sees what is held, and downloads it as a web page and as JSON', async () => {
    const page = web.page;
    await signInAs(page, 'Practitioner');
    await page.goto(`${webUrl()}/account`);
    await page.getByRole('link', { name: 'your data' }).click();
    await page.waitForURL(`${webUrl()}/account/your-data`);
    expect(await page.locator('h1').innerText()).toBe('Your data');
    const held = await page.locator('.govuk-summary-list').innerText();
    expect(held).toMatch(/Your account\s+1 record/);
    expect(held).toMatch(/Bookings\s+\d+ records?/);
    await expectAccessibleAtBothWidths(page, 'your data');

    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download your data (web page)' }).click(),
    ]);
    expect(html.suggestedFilename()).toMatch(/^Personal data .+\.html$/);
    const htmlText = await new Response((await html.createReadStream()) as unknown as ReadableStream).text();
    expect(htmlText).toContain(`<h1>Your data: ${practitioner.name}</h1>`);
    expect(htmlText).toContain(demoEmail('Practitioner'));

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as JSON' }).click()]);
    const data = JSON.parse(await new Response((await json.createReadStream()) as unknown as ReadableStream).text()) as {
      email: string;
      sections: Record<string, unknown[]>;
    };
    expect(data.email).toBe(demoEmail('Practitioner'));
    expect(data.sections.Bookings!.length).toBeGreaterThan(0);

    // the readable page opens in the browser too: no script, headings for each kind of data
    await page.goto('about:blank');
    await page.setContent(htmlText);
    await screenshot(page, 'personal-data-download');
    expect(await page.locator('h2').count()).toBeGreaterThan(10);
    expect(await page.locator('script').count()).toBe(0);
  });

  it('the privacy notice is linked from every page and says how to get your data', async () => {
    const page = web.page;
    await page.goto(`${webUrl()}/courses`);
    await page.locator('footer').getByRole('link', { name: 'Privacy notice' }).click();
    await page.waitForURL(`${webUrl()}/privacy`);
    expect(await page.locator('main').innerText()).toContain('You can see and download everything Learning Hub holds about you');
    await expectAccessibleAtBothWidths(page, 'privacy notice');
  });

  it('a coordinator downloads all data held about someone for their request', async () => {
    const page = web.page;
    await signInAs(page, 'Coordinator');
    await page.goto(`${webUrl()}/manage/people?text=${encodeURIComponent(demoEmail('Practitioner'))}`);
    await page.getByRole('link', { name: practitioner.name }).first().click();
    await page.waitForURL(/\/manage\/people\/[0-9a-f-]{36}$/);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `JSON (${practitioner.name})` }).click(),
    ]);
    const data = JSON.parse(await new Response((await json.createReadStream()) as unknown as ReadableStream).text()) as { name: string };
    expect(data.name).toBe(practitioner.name);
  });

  it('a coordinator erases a leaver at their request: deactivated first, a reason, then only "Erased person" remains', async () => {
    const page = web.page;
    const stamp = Date.now().toString(36);
    await signInAs(page, 'Coordinator');
    await page.goto(`${webUrl()}/manage/people/new`);
    await page.getByLabel('Full name').fill(`Lee Leaver ${stamp}`);
    await page.getByLabel('Work email address').fill(`lee.${stamp}@northshire.example.gov.uk`);
    await page.getByLabel('Agency').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.waitForURL(/\/manage\/people\/[0-9a-f-]+\?done=/);
    const personUrl = page.url().replace(/\?.*$/, '');

    // an account in use must be deactivated first
    await page.getByRole('link', { name: /Erase their personal data/ }).click();
    await page.waitForURL(/\/erase$/);
    expect(await page.locator('main').innerText()).toContain('Their account is still in use.');
    await page.getByRole('link', { name: 'Deactivate it first' }).click();
    await page.getByRole('button', { name: /Deactivate account/ }).click();
    await page.waitForURL(/\?done=deactivated$/);

    await page.getByRole('link', { name: /Erase their personal data/ }).click();
    await page.waitForURL(/\/erase$/);
    await expectAccessibleAtBothWidths(page, 'erase personal data');
    await page.getByRole('button', { name: 'Erase their personal data' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter why their data is being erased');
    await page.getByLabel('Why').fill('Their request by email of 1 December 2026');
    await page.getByRole('button', { name: 'Erase their personal data' }).click();
    await page.waitForURL(`${personUrl}?done=erased`);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Their personal data is erased');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Erased person');
    expect(main).not.toContain(`Lee Leaver ${stamp}`);
    expect(main).not.toContain(`lee.${stamp}`);
  });

  it('a coordinator sees what the nightly retention run will remove', async () => {
    const page = web.page;
    await signInAs(page, 'Coordinator');
    await page.goto(`${webUrl()}/manage`);
    await page.getByRole('link', { name: 'Data retention', exact: true }).click();
    await page.waitForURL(`${webUrl()}/manage/retention`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Kept for 24 months');
    expect(main).toMatch(/Tonight: the text of \d+ mails? written before \w+ \d{1,2} \w+ \d{4} will be removed/);
    expect(main).toContain('Never erased for being inactive');
    await expectAccessibleAtBothWidths(page, 'data retention');
  });
});
