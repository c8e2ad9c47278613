import { ApiRequestError, SignInDocument } from '@lh/graphql-client';
import { api, axe, demo, DESKTOP, PHONE, screenshot, waitForMail, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(90_000);

/** A coordinator manages people in the real web app: find, add, roles, a leaver, a merge and an import. */
describe('coordinators managing people in the web app', () => {
  const web = useBrowser();
  const stamp = Date.now().toString(36);

  beforeEach(async () => {
    await signInAs(web.page, 'Coordinator');
  });

  async function expectAccessible(name: string): Promise<void> {
    expect({ page: name, violations: await axe(web.page) }).toEqual({ page: name, violations: [] });
  }
  /** axe and no sideways scrolling of the page at 320 px, then back to desktop. */
  async function expectAccessibleAtBothWidths(name: string): Promise<void> {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await web.page.setViewportSize(viewport);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectAccessible(`${name} (${width})`);
      await screenshot(web.page, `people-${name.replace(/\W+/g, '-')}-${width}`);
    }
  }
  const main = () => web.page.locator('main');

  it('finds a person, adds one with an invitation and grants them the trainer role', async () => {
    await web.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Manage' }).click();
    await web.page.getByRole('link', { name: 'People', exact: true }).click();
    await web.page.waitForURL(`${webUrl()}/manage/people`);
    await expectAccessibleAtBothWidths('people');
    // pages of everyone, with GOV.UK pagination
    await web.page.getByRole('navigation', { name: 'Pages of people' }).getByRole('link', { name: 'Page 2', exact: true }).click();
    await web.page.waitForURL(/page=2/);
    expect(await web.page.locator('caption').innerText()).toMatch(/people \(page 2 of \d+\)/);

    await web.page.getByLabel('Name or email address').fill('Jordan Ellis');
    await web.page.getByRole('button', { name: 'Search' }).click();
    await web.page.waitForURL(/text=Jordan/);
    expect(await web.page.locator('caption').innerText()).toBe('2 people found');
    await expectAccessibleAtBothWidths('people search');

    // add a person and invite them
    await web.page.goto(`${webUrl()}/manage/people`);
    await web.page.getByRole('button', { name: 'Add a person' }).click();
    await web.page.waitForURL(`${webUrl()}/manage/people/new`);
    await expectAccessibleAtBothWidths('add a person');
    // every problem in one round
    await web.page.getByRole('button', { name: 'Add person' }).click();
    const summary = web.page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Enter their name[\s\S]*Enter their work email address[\s\S]*Choose their agency/);
    await expectAccessible('add a person with errors');
    const email = `nia.${stamp}@northshire.example.gov.uk`;
    await web.page.getByLabel('Full name').fill(`Nia Newtrainer ${stamp}`);
    await web.page.getByLabel('Work email address').fill(email);
    await web.page.getByLabel('Agency').selectOption({ index: 1 });
    await web.page.getByLabel('Job title (optional)').fill('Named Nurse');
    await web.page.getByRole('button', { name: 'Add person' }).click();
    await web.page.waitForURL(/\/manage\/people\/[0-9a-f-]+\?done=invited$/);
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain(`We have emailed ${email} a link to set a password`);
    const mail = await waitForMail(email, /You have an account/);
    expect(mail.text).toMatch(/\/account\/set-password\/[A-Za-z0-9_-]{20,}/);

    // the same address again gets a clear message
    await web.page.goto(`${webUrl()}/manage/people/new`);
    await web.page.getByLabel('Full name').fill('Someone Else');
    await web.page.getByLabel('Work email address').fill(email.toUpperCase());
    await web.page.getByLabel('Agency').selectOption({ index: 1 });
    await web.page.getByRole('button', { name: 'Add person' }).click();
    await summary.waitFor();
    expect(await summary.innerText()).toContain(`${email} is already used by Nia Newtrainer ${stamp}'s account`);

    // find them and grant the trainer role
    await web.page.goto(`${webUrl()}/manage/people?text=${encodeURIComponent(stamp)}`);
    await web.page.getByRole('link', { name: `Nia Newtrainer ${stamp}` }).click();
    await web.page.waitForURL(/\/manage\/people\/[0-9a-f-]+$/);
    await expectAccessibleAtBothWidths('a person');
    await web.page.getByRole('link', { name: 'Change roles' }).click();
    await web.page.waitForURL(/\/roles$/);
    await expectAccessible('roles');
    await web.page.getByLabel('Trainer').check();
    await web.page.getByRole('button', { name: 'Save roles' }).click();
    await web.page.waitForURL(/\?done=roles$/);
    expect(await main().innerText()).toMatch(/Roles\s+Practitioner, Trainer/);
  });

  it('deactivates a leaver: their place to come is cancelled, and they cannot sign in', async () => {
    await web.page.goto(`${webUrl()}/manage/people?text=alex.turner`);
    await web.page.getByRole('link', { name: 'Alex Turner' }).click();
    await web.page.waitForURL(/\/manage\/people\/[0-9a-f-]+$/);
    expect(await main().innerText()).toMatch(/Coming up: 1 booking/);
    await web.page.getByRole('link', { name: 'Deactivate this account' }).click();
    await web.page.waitForURL(/\/deactivate$/);
    expect(await main().innerText()).toContain('1 booking will be cancelled');
    await expectAccessibleAtBothWidths('deactivate');
    await web.page.getByLabel('Reason (optional)').fill('Left Northshire Council in March');
    await web.page.getByRole('button', { name: 'Deactivate account and cancel bookings' }).click();
    await web.page.waitForURL(/\?done=deactivated$/);
    const text = await main().innerText();
    expect(text).toContain('Account deactivated');
    expect(text).toContain('This account is closed');
    expect(text).toMatch(/Cancelled[\s\S]*Reason: Left Northshire Council in March/);

    // the API refuses their right password with the reason (the sign-in page's wording is the sign-in page's own)
    const refused = await api()(SignInDocument, { input: { email: 'alex.turner@example.org', password: demo.password } }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ApiRequestError);
    expect(refused).toMatchObject({
      code: 'ACCOUNT_NOT_ACTIVE',
      message: expect.stringContaining('This account has been closed') as string,
    });
  });

  it('merges two accounts of one person after the preview, and refuses merging an account into itself', async () => {
    await web.page.goto(`${webUrl()}/manage/people?text=jordan.ellis%40example.org`);
    await web.page.getByRole('link', { name: 'Jordan Ellis' }).click();
    await web.page.waitForURL(/\/manage\/people\/[0-9a-f-]+$/);
    await web.page.getByRole('link', { name: 'Merge with another account of Jordan Ellis' }).click();
    await web.page.waitForURL(/\/merge$/);
    await expectAccessibleAtBothWidths('merge');

    await web.page.getByLabel('Email address of the other account').fill('jordan.ellis@example.org');
    await web.page.getByRole('button', { name: 'Check what will happen' }).click();
    await web.page.locator('.govuk-error-summary').waitFor();
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain('You cannot merge an account into itself');

    await web.page.getByLabel('Email address of the other account').fill('jordan.ellis.home@example.net');
    await web.page.getByLabel('This one (jordan.ellis@example.org)').check();
    await web.page.getByRole('button', { name: 'Check what will happen' }).click();
    await web.page.getByRole('heading', { name: 'Check what will happen' }).waitFor();
    const preview = await main().innerText();
    expect(preview).toMatch(/Account kept\s+Jordan Ellis, jordan.ellis@example.org/);
    expect(preview).toMatch(/Account removed\s+Jordan Ellis, jordan.ellis.home@example.net/);
    expect(preview).toMatch(/Bookings moved\s+2, with their history/);
    expect(preview).toContain('Both accounts are booked on 1 session');
    await expectAccessibleAtBothWidths('merge preview');
    await web.page.getByRole('button', { name: 'Merge the accounts' }).click();
    await web.page.waitForURL(/\?done=merged$/);
    expect(await main().innerText()).toMatch(/Coming up: 3 bookings/);
    await expectAccessibleAtBothWidths('merged person');

    await web.page.goto(`${webUrl()}/manage/people?text=Jordan+Ellis`);
    expect(await web.page.locator('caption').innerText()).toBe('1 person found');
  });

  it('imports a small CSV file after a preview that shows its bad row', async () => {
    await web.page.goto(`${webUrl()}/manage/people`);
    await web.page.getByRole('button', { name: 'Import people from a file' }).click();
    await web.page.waitForURL(`${webUrl()}/manage/people/import`);
    await expectAccessibleAtBothWidths('import');
    const agency = "Northshire Council Children's Social Care";
    const csv = [
      'name,email,agency,job title,team,roles',
      `Ivy Import ${stamp},ivy.${stamp}@example.org,${agency},Social worker,North,practitioner`,
      `Ike Import ${stamp},ike.${stamp}@example.org,${agency},,,practitioner; reviewer`,
      `Bad Row ${stamp},not-an-email,Nowhere Agency,,,`,
    ].join('\n');
    await web.page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await web.page.getByRole('button', { name: 'Check the file' }).click();
    await web.page.getByRole('heading', { name: 'Check the import' }).waitFor();
    const text = await main().innerText();
    expect(text).toMatch(/2 people will be added, and 1 row has problems/);
    expect(text).toContain('"not-an-email" is not an email address');
    expect(text).toContain('There is no agency called "Nowhere Agency"');
    await expectAccessibleAtBothWidths('import preview');

    // nothing is written from a file with problems unless the good rows are chosen
    await web.page.getByRole('button', { name: 'Import 2 people' }).click();
    await web.page.locator('.govuk-error-summary').waitFor();
    expect(await web.page.locator('.govuk-error-summary').innerText()).toContain('Nothing has been imported');
    await web.page.getByLabel(/Import only the 2 people without problems/).check();
    await web.page.getByRole('button', { name: 'Import 2 people' }).click();
    await web.page.waitForURL(/\/manage\/people\?done=imported&n=2$/);
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('2 people imported');
    await web.page.goto(`${webUrl()}/manage/people?text=${encodeURIComponent(`Import ${stamp}`)}`);
    expect(await web.page.locator('caption').innerText()).toBe('2 people found');
  });
});
