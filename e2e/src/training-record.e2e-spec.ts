// The training record in the web app: the demo practitioner's record and its PDF and CSV, adding learning done
// elsewhere with an evidence file (a wrong file named at its field; once without JavaScript), a coordinator's
// queue (evidence, verify, reject with a reason), someone's record for coordinators and 404 for anyone else,
// the e-learning course's link out and importing e-learning completions; axe on each page at 320 px and desktop.
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { CoursesDocument, SignInDocument, TrainingRecordDocument } from '@lh/graphql-client';
import { readPdf } from '../../api/test/pdf-text';
import { api, axe, DESKTOP, PHONE, screenshot, signIn, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(120_000);

/** A one-page PDF, as a certificate would be (only its first bytes matter to the checks). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const ELEARNING = 'Basic awareness e-learning: Domestic Abuse';

async function expectAccessibleAtBothWidths(page: Page, name: string): Promise<void> {
  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect({ page: `${name} (${width})`, violations: await axe(page) }).toEqual({ page: `${name} (${width})`, violations: [] });
    await screenshot(page, `record-${name.replace(/\W+/g, '-')}-${width}`);
  }
}

/** A practitioner of our own (not the demo one), who may see only their own record. */
async function anotherPractitioner(): Promise<{ email: string; password: string }> {
  const email = `other.${randomBytes(3).toString('hex')}@example.org`;
  const password = `pw ${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `insert into person (id, name, email, status, email_verified_at, roles, password_hash) values ($1, 'Olu Other', $2, 'ACTIVE', now(), '{PRACTITIONER}', $3)`,
      [randomUUID(), email, await argon2.hash(password, { type: argon2.argon2id })],
    );
  } finally {
    await client.end();
  }
  return { email, password };
}

async function practitionerRecord(email = 'practitioner@example.org', password = 'LearningHub2026!') {
  const { data, setCookies } = await api()(SignInDocument, { input: { email, password } });
  const cookie = setCookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('lh_session='))!;
  return (await api()(TrainingRecordDocument, { personId: data.signIn.id }, { cookie })).data.trainingRecord;
}

describe('training records in the web app', () => {
  const web = useBrowser();
  const stamp = Date.now().toString(36);
  const title = `Child exploitation awareness ${stamp}`;
  const main = () => web.page.locator('main');

  it('shows the practitioner their record in two tabs, and downloads it as PDF and CSV', async () => {
    await signInAs(web.page, 'Practitioner');
    await web.page.goto(`${webUrl()}/bookings`);
    await web.page.getByRole('link', { name: 'Your training record' }).click();
    await web.page.waitForURL(`${webUrl()}/your-record`);
    expect(await web.page.locator('h1').innerText()).toBe('Your training record');
    const training = main().locator('table').first();
    // the seeded learning done elsewhere a coordinator verified, and the one waiting
    expect(await training.innerText()).toMatch(/Safeguarding children level 3 \(health\)\s+External, evidence seen/);
    expect(await training.innerText()).toContain('Agency at the time:');
    expect(await main().innerText()).toMatch(/Perinatal mental health awareness\s+Waiting to be checked/);
    await expectAccessibleAtBothWidths(web.page, 'your record');

    await web.page.getByRole('navigation', { name: 'Parts of the record' }).getByRole('link', { name: 'Bookings and attendance' }).click();
    await web.page.waitForURL(`${webUrl()}/your-record?tab=places`);
    expect(await web.page.getByRole('link', { name: 'Bookings and attendance' }).getAttribute('aria-current')).toBe('page');
    expect(await main().locator('caption').innerText()).toMatch(/^Every booking: \d+ bookings?$/);
    await expectAccessibleAtBothWidths(web.page, 'your record places');

    const pdf = await web.page.request.get(`${webUrl()}/your-record/record.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="/);
    const body = await pdf.body();
    expect(body.subarray(0, 4).toString()).toBe('%PDF');
    expect(readPdf(body).pages.join(' ').replace(/\s+/g, ' ')).toContain(
      'Safeguarding children level 3 (health) (Northshire NHS Trust learning team) External, evidence seen',
    );

    const csv = await web.page.request.get(`${webUrl()}/your-record/record.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await csv.text()).split(/\r?\n/);
    expect(lines[0]!.replace(/^\uFEFF/, '')).toBe(
      'Course,Source,Provider,Started,Completed,Hours,Level,Priority area,Trainer,Agency at the time,Certificate code',
    );
    expect(lines.some((l) => l.includes('Safeguarding children level 3 (health)') && l.includes('External, evidence seen'))).toBe(true);
  });

  it('adds learning done elsewhere: a wrong file is named at its field, a PDF waits for a coordinator, who verifies it', async () => {
    await signInAs(web.page, 'Practitioner');
    await web.page.goto(`${webUrl()}/your-record`);
    await web.page.getByRole('link', { name: 'Add learning done elsewhere' }).click();
    await web.page.waitForURL(`${webUrl()}/your-record/external/new`);
    await expectAccessibleAtBothWidths(web.page, 'add learning elsewhere');

    await web.page.getByLabel('Course title').fill(title);
    await web.page.getByLabel('Who provided it').fill('Northshire Youth Justice Service');
    await web.page.getByLabel('Day').fill('14');
    await web.page.getByLabel('Month').fill('3');
    await web.page.getByLabel('Year').fill('2026');
    await web.page.getByLabel('Hours of learning').fill('2.5');
    await web.page.getByLabel('Level (optional)').selectOption('2');
    await web.page
      .getByLabel('Evidence')
      .setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some notes') });
    await web.page.getByRole('button', { name: 'Add to your record' }).click();
    const summary = web.page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['The evidence file must be a PDF, PNG or JPEG']);
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#evidence');
    expect(await web.page.locator('#evidence-error').innerText()).toContain('The evidence file must be a PDF, PNG or JPEG');
    expect(await web.page.getByLabel('Course title').inputValue()).toBe(title);
    await expectAccessibleAtBothWidths(web.page, 'add learning elsewhere with an error');

    await web.page.getByLabel('Evidence').setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: PDF });
    await web.page.getByRole('button', { name: 'Add to your record' }).click();
    await web.page.waitForURL(`${webUrl()}/your-record?added=1`);
    expect(await main().innerText()).toMatch(new RegExp(`${title}\\s+Waiting to be checked`));

    // a coordinator checks it
    const coordinator = await web.browser.newContext({ viewport: DESKTOP });
    const page = await coordinator.newPage();
    try {
      await signInAs(page, 'Coordinator');
      await page.goto(`${webUrl()}/manage`);
      await page.getByRole('link', { name: 'Learning done elsewhere' }).click();
      await page.waitForURL(`${webUrl()}/manage/external-learning`);
      const item = page.locator('li.lh-waiting', { hasText: title });
      expect(await item.innerText()).toMatch(
        /Priya Shah[\s\S]*Northshire Youth Justice Service[\s\S]*14 March 2026[\s\S]*2\.5 hours, level 2/,
      );
      await expectAccessibleAtBothWidths(page, 'coordinators queue');
      const href = (await item.getByRole('link', { name: /^Download the evidence/ }).getAttribute('href'))!;
      const file = await page.request.get(`${webUrl()}${href}`);
      expect(file.headers()['content-type']).toBe('application/pdf');
      expect(file.headers()['content-disposition']).toContain('filename="certificate.pdf"');
      expect((await file.body()).equals(PDF)).toBe(true);
      // the practitioner cannot reach it through the coordinators' address
      expect((await web.page.request.get(`${webUrl()}${href}`)).status()).toBe(403);

      await item.getByRole('button', { name: /^Verify/ }).click();
      await page.waitForURL(/done=verified/);
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`Verified: ${title} for Priya Shah`);
      expect(await page.locator('li.lh-waiting', { hasText: title }).count()).toBe(0);

      // rejecting needs a reason
      const seeded = page.locator('li.lh-waiting', { hasText: 'Perinatal mental health awareness' });
      await seeded.getByRole('link', { name: /^Reject/ }).click();
      await page.waitForURL(/\/reject$/);
      await expectAccessibleAtBothWidths(page, 'reject learning elsewhere');
      await page.getByRole('button', { name: 'Reject' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter why it is not accepted: the person is told');
      await page.getByLabel('Why it is not accepted').fill('The certificate does not show your name.');
      await page.getByRole('button', { name: 'Reject' }).click();
      await page.waitForURL(/done=rejected/);
    } finally {
      await coordinator.close();
    }

    await web.page.goto(`${webUrl()}/your-record`);
    const row = main().locator('table').first().locator('tr', { hasText: title });
    expect(await row.innerText()).toMatch(/External, evidence seen[\s\S]*14 March 2026\s+2\.5 hours/);
    expect(await main().innerText()).toMatch(
      /Perinatal mental health awareness\s+Not accepted[\s\S]*Reason: The certificate does not show your name\./,
    );
  });

  it('adds learning done elsewhere without JavaScript, every problem named in one round', async () => {
    const context = await web.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await signIn(page, 'practitioner@example.org');
      await page.waitForURL(`${webUrl()}/courses`);
      await page.goto(`${webUrl()}/your-record/external/new`);
      await page.getByLabel('Course title').fill(`No script course ${stamp}`);
      await page.getByLabel('Hours of learning').fill('two');
      await page.getByRole('button', { name: 'Add to your record' }).click();
      await page.waitForURL(`${webUrl()}/your-record/external/new`);
      const links = await page.locator('.govuk-error-summary').getByRole('link').allInnerTexts();
      expect(links).toEqual([
        'Enter who provided the course',
        'Enter the date you completed it as a real date, for example 27 3 2026',
        'Enter the hours as a number, like 1.5',
        'Choose an evidence file (a certificate or letter) to upload',
      ]);
      expect(await page.locator('.govuk-error-summary a').nth(1).getAttribute('href')).toBe('#completedOn-day');
      await page.getByLabel('Who provided it').fill('Online provider');
      await page.getByLabel('Day').fill('1');
      await page.getByLabel('Month').fill('2');
      await page.getByLabel('Year').fill('2026');
      await page.getByLabel('Hours of learning').fill('1');
      // a scanned letter of 1.5 MB: above the web form's usual limit, adapter-node's default body limit and the API's
      // usual request size, so it passes only with the evidence form's own limit, BODY_SIZE_LIMIT and x-lh-upload
      const scan = Buffer.concat([PDF, Buffer.alloc(1_500_000, 0x20)]);
      await page.getByLabel('Evidence').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: scan });
      await page.getByRole('button', { name: 'Add to your record' }).click();
      await page.waitForURL(`${webUrl()}/your-record?added=1`);
      expect(await page.locator('main').innerText()).toMatch(new RegExp(`No script course ${stamp}\\s+Waiting to be checked`));
    } finally {
      await context.close();
    }
  });

  it("shows a coordinator someone's record from their person page, and anyone else gets 404", async () => {
    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage/people?text=${encodeURIComponent('practitioner@example.org')}`);
    await web.page.getByRole('link', { name: 'Priya Shah' }).first().click();
    await web.page.getByRole('link', { name: /^View the training record/ }).click();
    await web.page.waitForURL(/\/records\/[0-9a-f-]{36}$/);
    const address = web.page.url();
    expect(await web.page.locator('h1').innerText()).toBe('Training record: Priya Shah');
    expect(await main().locator('table').first().innerText()).toContain('Safeguarding children level 3 (health)');
    await expectAccessibleAtBothWidths(web.page, 'someones record');
    const pdf = await web.page.request.get(`${address}/record.pdf`);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');

    const other = await anotherPractitioner();
    const context = await web.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    try {
      await signIn(page, other.email, other.password);
      await page.waitForURL(`${webUrl()}/courses`);
      const res = await page.goto(address);
      expect(res?.status()).toBe(404);
      expect((await page.request.get(`${address}/record.csv`)).status()).toBe(404);
      // their own record is there, empty
      await page.goto(`${webUrl()}/your-record`);
      expect(await page.locator('main').innerText()).toContain('No completed training yet.');
    } finally {
      await context.close();
    }
  });

  it('links out from the e-learning course page instead of listing sessions', async () => {
    const { data } = await api()(CoursesDocument, {});
    const course = data.courses.find((c) => c.title === ELEARNING)!;
    await signInAs(web.page, 'Practitioner');
    await web.page.goto(`${webUrl()}/courses/${course.id}`);
    const start = web.page.getByRole('link', { name: 'Start this e-learning (opens in a new tab)' });
    expect(await start.getAttribute('href')).toBe('https://elearning.example.org/courses/domestic-abuse-basics');
    expect(await start.getAttribute('target')).toBe('_blank');
    expect(await web.page.getByRole('heading', { name: 'Coming dates' }).count()).toBe(0);
    await expectAccessibleAtBothWidths(web.page, 'e-learning course');
  });

  it('imports e-learning completions: the preview names a row’s problem, and importing adds the good rows only', async () => {
    // for a practitioner of our own: the demo one's mandatory training must stay as the demo has it
    const learner = await anotherPractitioner();
    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage`);
    await web.page.getByRole('link', { name: 'E-learning completions' }).click();
    await web.page.waitForURL(`${webUrl()}/manage/e-learning`);
    await expectAccessibleAtBothWidths(web.page, 'e-learning import');
    const csv = [
      'email,course,completion date,minutes',
      `${learner.email},DA-BASIC-1,20/04/2026,60`,
      `nobody.${stamp}@example.org,DA-BASIC-1,21/04/2026,60`,
    ].join('\n');
    await web.page.getByLabel('CSV file').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await web.page.getByRole('button', { name: 'Check the file' }).click();
    await web.page.locator('h1', { hasText: 'Check the e-learning import' }).waitFor();
    const rows = web.page.locator('main table tbody tr');
    expect(await rows.nth(0).innerText()).toMatch(/Line 2[\s\S]*Olu Other[\s\S]*Will be added/);
    expect(await rows.nth(1).innerText()).toMatch(
      new RegExp(`Line 3[\\s\\S]*Problem[\\s\\S]*Nobody has the email address nobody\\.${stamp}@example\\.org`),
    );
    await expectAccessibleAtBothWidths(web.page, 'e-learning import preview');
    // nothing was written before confirming
    expect((await practitionerRecord(learner.email, learner.password)).completions).toEqual([]);
    await web.page.getByRole('button', { name: 'Import 1 completion' }).click();
    await web.page.waitForURL(/added=1/);
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('1 completion added to training records');
    const imported = (await practitionerRecord(learner.email, learner.password)).completions;
    expect(imported.map((c) => [c.title, c.completedOn, c.sourceLabel])).toEqual([[ELEARNING, '2026-04-20', 'E-learning']]);
  });
});
