import { PHONE, screenshot, webUrl } from './support';
import { expectNoAxeViolations } from './accessibility-support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(60_000);

/** WCAG 2.2 AA details the automated crawl does not prove: tables read with headers, errors reach the summary, reflow at 320 px. */
describe('roster tables, the mail log filter and narrow screens', () => {
  const web = useBrowser();

  it('a session roster names each table and gives every row a header', async () => {
    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage/sessions`);
    const rosters = await web.page.locator('tbody tr a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    let checked = 0;
    for (const href of rosters) {
      await web.page.goto(`${webUrl()}${href}`);
      const tables = web.page.locator('main table');
      const count = await tables.count();
      for (let i = 0; i < count; i++) {
        const table = tables.nth(i);
        expect((await table.locator('caption').innerText()).length).toBeGreaterThan(0);
        const rows = await table.locator('tbody tr').count();
        expect(await table.locator('tbody th[scope="row"]').count()).toBe(rows);
        checked++;
      }
      if (checked >= 2) {
        break;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the mail log filter reports a bad address in the error summary, not with the browser’s own bubble', async () => {
    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage/mail`);
    await web.page.getByLabel('Recipient’s email address').fill('not an address');
    await web.page.getByRole('button', { name: 'Apply filters' }).click();
    await web.page.waitForSelector('.govuk-error-summary');
    expect(await web.page.title()).toMatch(/^Error:/);
  });

  it('pages do not scroll sideways at 320 px, even with long unbroken text', async () => {
    await web.page.setViewportSize(PHONE);
    await signInAs(web.page, 'Coordinator');
    for (const path of ['/manage/sessions', '/manage/agencies', '/account', '/courses']) {
      await web.page.goto(`${webUrl()}${path}`);
      // a long unbroken string, like an email address in a sentence
      await web.page.evaluate(() => {
        const p = document.createElement('p');
        p.className = 'govuk-body';
        p.textContent = `Approved by ${'averyveryverylongname'.repeat(4)}@northshire-safeguarding-partnership.example.org`;
        document.querySelector('main')!.prepend(p);
      });
      expect({ path, width: await web.page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ path, width: PHONE.width });
    }
    await screenshot(web.page, 'courses-320-long-text');
    await expectNoAxeViolations(web.page, 'courses at 320 px');
  });
});
