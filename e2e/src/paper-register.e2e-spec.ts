import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  AddPersonToSessionDocument,
  AssignTrainerDocument,
  CourseDocument,
  CoursesDocument,
  CreateSessionDocument,
  ProgrammeDocument,
  SessionFormOptionsDocument,
  SessionRosterDocument,
} from '@lh/graphql-client';
import { londonParts } from '@lh/domain';
import { parse } from 'csv-parse/sync';
import { readPdf } from '../../api/test/pdf-text';
import { api, apiCookie, ARTIFACTS, axe, demoEmail, DESKTOP, PHONE, releaseDemoTrainer, screenshot, webUrl } from './support';
import { signInAs, useBrowser } from './browser';
import { moveSessionToHaveStarted } from './e2e-database';

// Real browser journeys with downloads and uploads: more than Jest's default 5 seconds on a busy machine.
jest.setTimeout(120_000);

const MINUTE = 60_000;

/**
 * A session whose first part starts in 5 minutes (so its register is open now) and whose second is
 * in two weeks, trained by the demo trainer, with four people from the demo data added by the coordinator.
 */
async function aSessionStartingNow(): Promise<{ id: string; people: { name: string; email: string }[] }> {
  const cookie = await apiCookie('Coordinator');
  const { data: options } = await api()(SessionFormOptionsDocument, {}, { cookie });
  const course = options.courses.find((c) => c.format === 'FACE_TO_FACE')!;
  // made for 06:00 to 07:00 tomorrow, then moved to start in 5 minutes (below): an hour-long part even near midnight
  const from = { date: londonParts(new Date(Date.now() + 24 * 60 * MINUTE)).date, time: '06:00' };
  const start = new Date(Date.now() + 24 * 60 * MINUTE);
  const later = londonParts(new Date(start.getTime() + 14 * 24 * 60 * MINUTE));
  const { data } = await api()(
    CreateSessionDocument,
    {
      input: {
        courseId: course.id,
        venueId: options.venues[0]!.id,
        capacity: 30,
        confirmLongerThanCourse: true,
        parts: [
          { date: from.date, startTime: from.time, endTime: '07:00' },
          { date: later.date, startTime: '09:30', endTime: '12:30' },
        ],
      },
    },
    { cookie },
  );
  const id = data.createSession.id;
  await moveSessionToHaveStarted(id, -5);
  await api()(AssignTrainerDocument, { input: { sessionId: id, personEmail: demoEmail('Trainer') } }, { cookie });

  // four people who booked something else in the demo data, and the demo practitioner
  const { data: courses } = await api()(CoursesDocument, {});
  const people: { name: string; email: string }[] = [];
  for (const c of courses.courses.filter((x) => x.upcomingSessionCount > 0)) {
    const { data: one } = await api()(CourseDocument, { id: c.id });
    const { data: roster } = await api()(SessionRosterDocument, { sessionId: one.course.upcomingSessions[0]!.id }, { cookie });
    for (const { person } of roster.sessionRoster.confirmed) {
      if (people.length < 3 && person.email !== demoEmail('Practitioner') && !people.some((p) => p.email === person.email)) {
        people.push({ name: person.name, email: person.email });
      }
    }
    if (people.length === 3) {
      break;
    }
  }
  for (const p of [...people, { email: demoEmail('Practitioner') }]) {
    await api()(
      AddPersonToSessionDocument,
      { input: { sessionId: id, personEmail: p.email, reason: 'Paper register journey' } },
      { cookie },
    );
  }
  return { id, people: [...people, { name: 'Priya Shah', email: demoEmail('Practitioner') }] };
}

/** The CSV's rows as cells, read as a spreadsheet reads them. */
const rowsOf = (csv: string) => parse(csv, { bom: true }) as string[][];
/** Cells back to CSV text, quoted where needed, as a spreadsheet saves them. */
const toCsv = (rows: (string | undefined)[][]) =>
  rows.map((r) => r.map((c = '') => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

describe('paper registers in the web app', () => {
  const web = useBrowser();
  let session: { id: string; people: { name: string; email: string }[] };

  beforeAll(async () => {
    session = await aSessionStartingNow();
  });
  afterAll(async () => releaseDemoTrainer(await apiCookie('Coordinator'), [session.id]));

  async function expectAccessible(name: string): Promise<void> {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await web.page.setViewportSize(viewport);
      expect({ page: `${name} (${width})`, violations: await axe(web.page) }).toEqual({ page: `${name} (${width})`, violations: [] });
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(web.page, `paper-register-${name.replace(/\W+/g, '-')}-${width}`);
    }
    await web.page.setViewportSize(DESKTOP);
  }

  it('the trainer downloads the sign-in sheet: an A4 PDF with everyone booked and the check-in QR code', async () => {
    await signInAs(web.page, 'Trainer');
    const res = await web.page.request.get(`${webUrl()}/your-sessions/${session.id}/sign-in-sheet.pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toMatch(
      /^attachment; filename="Sign-in sheet .+ \d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''/,
    );
    const body = await res.body();
    const pdf = readPdf(body);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(1);
    const lines = pdf.pages.join('\n').split('\n');
    for (const p of session.people) {
      expect(lines).toContain(p.name);
    }
    expect(lines).toContain('Trainer: Tom Walsh');
    expect(pdf.alts).toEqual([expect.stringMatching(new RegExp(`^QR code that opens http.+/check-in\\?session=${session.id}$`))]);

    // for people to look at: Chromium's own viewer shows the first page
    const dir = path.join(ARTIFACTS, 'screenshots');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'sign-in-sheet.pdf');
    writeFileSync(file, body);
    const viewer = await web.context.newPage();
    await viewer.setViewportSize({ width: 900, height: 1250 });
    await viewer.goto(`file://${file}`);
    await viewer.waitForTimeout(2000);
    await viewer.screenshot({ path: path.join(dir, 'sign-in-sheet-page-1.png') });
    await viewer.close();

    // someone who does not train it gets no sheet
    const stranger = await web.browser.newContext();
    const page = await stranger.newPage();
    await signInAs(page, 'Practitioner');
    expect((await page.request.get(`${webUrl()}/your-sessions/${session.id}/sign-in-sheet.pdf`)).status()).toBe(403);
    await stranger.close();
  });

  it('the trainer downloads the register file, fills it in, sees every row checked, fixes a bad row, and applies it', async () => {
    await signInAs(web.page, 'Trainer');
    const download = await web.page.request.get(`${webUrl()}/your-sessions/${session.id}/register.csv`);
    expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="Register .+\.csv"/);
    const [header, ...rows] = rowsOf(await download.text());
    expect(header!.slice(0, 4)).toEqual(['Email', 'Name', 'Agency', expect.stringMatching(/^Part 1 \(/)]);
    expect(rows.map((r) => r[0]).sort()).toEqual(session.people.map((p) => p.email).sort());

    await web.page.goto(`${webUrl()}/your-sessions/${session.id}/register/upload`);
    expect(await web.page.locator('h1').innerText()).toBe('Upload a filled-in register');
    expect(await web.page.locator('main').innerText()).toContain('Open for marking');
    await expectAccessible('upload');

    // the trainer marks three people on part 1 and adds someone who never booked
    const marks = ['present', 'L10', 'apology'];
    const filled = [header, ...rows.map((r, i) => [r[0], r[1], r[2], marks[i] ?? '', '']), ['nobody@example.org', 'Walk In', '', 'P', '']];
    const upload = async (cells: (string | undefined)[][]) => {
      await web.page.goto(`${webUrl()}/your-sessions/${session.id}/register/upload`);
      await web.page.getByLabel('Register file (CSV)').setInputFiles({
        name: 'register.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(toCsv(cells)),
      });
      await web.page.getByRole('button', { name: 'Check the file' }).click();
      await web.page.waitForSelector('h1:text("Check the changes")');
    };
    await upload(filled);
    const summary = web.page.locator('.govuk-error-summary');
    expect(await summary.innerText()).toContain(
      'Line 6: No one with a confirmed place on this session has the email address nobody@example.org',
    );
    expect(await web.page.getByRole('button', { name: /^Apply/ }).count()).toBe(0);
    await expectAccessible('preview with a problem');

    await upload(filled.slice(0, -1));
    const main = await web.page.locator('main').innerText();
    expect(main).toContain('3 marks will change for 3 people, 1 row changes nothing.');
    expect(main).toContain('Not marked to Late (10 minutes)');
    await expectAccessible('preview');
    await web.page.getByRole('button', { name: 'Apply these 3 changes' }).click();
    await web.page.waitForURL(/done=applied/);
    expect(await web.page.locator('.govuk-notification-banner').innerText()).toContain('3 marks changed for 3 people');
    await expectAccessible('applied');

    // the register file now has the marks
    const after = rowsOf(await (await web.page.request.get(`${webUrl()}/your-sessions/${session.id}/register.csv`)).text());
    expect(after.slice(1).map((r) => [r[0], r[3]])).toEqual(rows.map((r, i) => [r[0], ['present', 'late 10', 'apology'][i] ?? '']));
  });

  it('works without JavaScript: the same file again changes nothing', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await signInAs(page, 'Trainer');
    const csv = await (await page.request.get(`${webUrl()}/your-sessions/${session.id}/register.csv`)).text();
    await page.goto(`${webUrl()}/your-sessions/${session.id}/register/upload`);
    await page.getByLabel('Register file (CSV)').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForSelector('h1:text("Check the changes")');
    expect(await page.locator('main').innerText()).toContain(
      'There is nothing to change: the register already has every mark in this file.',
    );
    await context.close();
  });

  it('a coordinator corrects a closed register from a file, giving the reason the form asks for', async () => {
    const cookie = await apiCookie('Coordinator');
    const { data } = await api()(ProgrammeDocument, { from: new Date(Date.now() - 60 * 24 * 60 * MINUTE).toISOString() }, { cookie });
    const past = data.programme.find(
      (p) => !p.session.cancelled && p.confirmed > 0 && new Date(p.session.endsAt).getTime() < Date.now() - 3 * 24 * 60 * MINUTE,
    )!;
    await signInAs(web.page, 'Coordinator');
    const [header, first, ...rest] = rowsOf(
      await (await web.page.request.get(`${webUrl()}/your-sessions/${past.session.id}/register.csv`)).text(),
    );
    const file = toCsv([header!, [first![0], first![1], first![2], 'apology', ...first!.slice(4).map(() => '')], ...rest]);

    await web.page.goto(`${webUrl()}/your-sessions/${past.session.id}/register/upload`);
    // the demo data signed this register off; one left open would say "Closed" instead
    expect(await web.page.locator('main').innerText()).toMatch(/(Signed off|Closed): changes are corrections and need a reason/);
    await web.page
      .getByLabel('Register file (CSV)')
      .setInputFiles({ name: 'corrected.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await web.page.getByRole('button', { name: 'Check the file' }).click();
    await web.page.waitForSelector('h1:text("Check the changes")');
    expect(await web.page.locator('main').innerText()).toMatch(/ to Absent with apology \(correction\)/);
    await web.page.getByRole('button', { name: 'Apply this change' }).click();
    await web.page.waitForSelector('.govuk-error-summary');
    expect(await web.page.locator('.govuk-error-summary a[href="#reason"]').innerText()).toBe('Enter the reason for the corrections');
    await expectAccessible('preview, reason missing');
    await web.page.getByLabel('Reason for the corrections').fill('Apologies sent to the trainer by email');
    await web.page.getByRole('button', { name: 'Apply this change' }).click();
    await web.page.waitForURL(/done=applied/);
    const banner = await web.page.locator('.govuk-notification-banner').innerText();
    expect(banner).toContain('1 mark changed for 1 person');
    expect(banner).toContain('One of them was a correction');
  });

  it('the coordinator finds the sign-in sheet and the upload on the session page', async () => {
    await signInAs(web.page, 'Coordinator');
    await web.page.goto(`${webUrl()}/manage/sessions/${session.id}`);
    const sheet = web.page.getByRole('link', { name: 'Download the printable sign-in sheet (PDF)' });
    const [download] = await Promise.all([web.page.waitForEvent('download'), sheet.click()]);
    expect(download.suggestedFilename()).toMatch(/^Sign-in sheet .+\.pdf$/);
    await web.page.getByRole('link', { name: 'Upload a filled-in register (CSV)' }).click();
    await web.page.waitForURL(`${webUrl()}/your-sessions/${session.id}/register/upload`);
    expect(await web.page.getByRole('link', { name: 'Back to the session' }).getAttribute('href')).toBe(`/manage/sessions/${session.id}`);
  });
});
