import { MarkAttendanceDocument } from '@lh/graphql-client';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, keyboardUser } from './accessibility-support';
import { signInAs, useBrowser } from './browser';
import { allSent, peopleNamed, row, trainingTeam, type Person, type RegisterSession } from './register-support';
import { api, DESKTOP, PHONE, screenshot, signIn, demoEmail, webUrl } from './support';

jest.setTimeout(600_000);

const TABLET_PHONE = { width: 390, height: 844 };

/**
 * Trainers take the register at the door in the real web app: a 250-person conference on a phone, by
 * keyboard alone, with the connection dropping, and without JavaScript. Set up through the API as the
 * demo coordinator; each journey has its own session, starting in the next few minutes so its register is open
 * (or, for those that sign off, already started).
 */
describe('taking the register at the door', () => {
  const web = useBrowser();
  let team: Awaited<ReturnType<typeof trainingTeam>>;
  let crowd: Person[];
  let keyboardPeople: Person[];
  let offlinePeople: Person[];
  let plainPeople: Person[];
  let conference: RegisterSession;
  let keyboardSession: RegisterSession;
  let offlineSession: RegisterSession;
  let plainSession: RegisterSession;

  beforeAll(async () => {
    team = await trainingTeam();
    crowd = peopleNamed(250, team.stamp);
    keyboardPeople = peopleNamed(6, team.stamp, 250);
    offlinePeople = peopleNamed(5, team.stamp, 256);
    plainPeople = peopleNamed(5, team.stamp, 261);
    await team.importPeople([...crowd, ...keyboardPeople, ...offlinePeople, ...plainPeople]);
    // the journeys that sign off get sessions that have already started (moved back in the e2e database)
    keyboardSession = await team.session(0, 2, keyboardPeople, { started: true });
    conference = await team.session(2, 10, crowd, { started: true });
    offlineSession = await team.session(10, 12, offlinePeople);
    plainSession = await team.session(12, 14, plainPeople);
  }, 300_000);
  afterAll(() => team?.cleanUp());

  const main = () => web.page.locator('main');
  const counts = () => web.page.locator('.lh-register-counts').innerText();
  async function expectAccessibleAtBothWidths(page: Page, name: string): Promise<void> {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectNoAxeViolations(page, `${name} (${width})`);
      await screenshot(page, `register-${name.replace(/\W+/g, '-')}-${width}`);
    }
  }
  /**
   * axe needs script to run, so a page as it is without JavaScript is checked as a copy: its HTML in a page
   * that may run script but whose app scripts are blocked (nothing hydrates), at the same address (same styles).
   */
  async function expectAccessibleWithoutScript(noScript: Page, name: string): Promise<void> {
    const html = await noScript.content();
    const copy = await web.browser.newContext({ viewport: TABLET_PHONE });
    try {
      const page = await copy.newPage();
      await page.route('**/_app/**/*.js', (route) => route.abort());
      await page.goto(noScript.url());
      await page.setContent(html, { waitUntil: 'load' });
      await expectAccessibleAtBothWidths(page, name);
    } finally {
      await copy.close();
    }
  }
  async function openAsTrainer(page: Page, session: RegisterSession): Promise<void> {
    await signInAs(page, 'Trainer');
    await page.goto(`${webUrl()}${session.url}`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.lh-register')?.dataset.script === 'ready');
  }

  it('a trainer signs a session off using only the keyboard', async () => {
    await web.page.setViewportSize(TABLET_PHONE);
    await openAsTrainer(web.page, keyboardSession);
    const kb = keyboardUser(web.page);
    const [ada, bilal, chloe] = keyboardPeople as [Person, Person, Person];

    await kb.tabTo({ selector: 'button', text: new RegExp(`^Present for ${ada.name}$`) }, 80);
    await web.page.keyboard.press('Enter');
    await row(web.page, ada.name).getByText('Present', { exact: true }).first().waitFor();

    // late: the button asks for the minutes, Enter saves them, focus comes back to the button
    await kb.tabTo({ selector: 'button', text: new RegExp(`^Late for ${bilal.name}$`) }, 80);
    await web.page.keyboard.press('Space');
    expect(await kb.active(`input[id^="minutes-"]`)).toBe(true);
    await web.page.keyboard.type('1');
    await web.page.keyboard.press('Enter');
    await row(web.page, bilal.name).getByText('Late: 1 minute').waitFor();
    expect(await kb.active('button[aria-expanded="false"]')).toBe(true);

    // a note, through the disclosure
    await kb.tabTo({ selector: 'summary', text: new RegExp(`Note for ${chloe.name}`) }, 80);
    await web.page.keyboard.press('Enter');
    await web.page.keyboard.press('Tab');
    expect(await kb.active('input[id^="note-"]')).toBe(true);
    await web.page.keyboard.type('Needs to leave at the break');
    await kb.tabTo({ selector: 'button', text: new RegExp(`^Save note for ${chloe.name}$`) }, 3);
    await web.page.keyboard.press('Enter');
    await row(web.page, chloe.name).getByText('Note: Needs to leave at the break').waitFor();

    // everyone else present, after the confirmation
    await kb.reach({ selector: 'a', text: /^Mark everyone not yet marked as present$/ });
    await web.page.keyboard.press('Enter');
    expect(await kb.active('.lh-register-confirm')).toBe(true);
    await kb.tabTo({ selector: 'button', text: /^Mark 4 people as present$/ }, 5);
    await web.page.keyboard.press('Enter');
    await web.page.waitForFunction(() => document.activeElement?.textContent === '4 people marked present.');
    await allSent(web.page);

    await kb.tabTo({ selector: 'a', text: /^Sign off the register$/ }, 80);
    await web.page.keyboard.press('Enter');
    expect(await kb.active('.lh-register-confirm')).toBe(true);
    expect(await web.page.locator('.lh-register-confirm').innerText()).toMatch(/5 present[\s\S]*1 late[\s\S]*0 not marked/);
    await kb.tabTo({ selector: 'button', text: /^Sign off the register$/ }, 5);
    await web.page.keyboard.press('Enter');
    await web.page.waitForURL(/done=signed-off/);
    expect(await main().innerText()).toMatch(/Signed off by Tom Walsh at/);
    expect(await web.page.getByRole('button', { name: `Present for ${ada.name}` }).count()).toBe(0);
    expect(kb.problems).toEqual([]);
    expect((await team.register(keyboardSession.partId)).signOff?.counts).toMatchObject({ present: 5, late: 1, notMarked: 0 });
  });

  it('a trainer takes a 250-person register on a phone: marks, searches, marks everyone else and signs off', async () => {
    const page = web.page;
    await page.setViewportSize(TABLET_PHONE);
    await signInAs(page, 'Trainer');
    const started = Date.now();
    const response = await page.goto(`${webUrl()}${conference.url}`);
    const html = (await response!.text()).length;
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.lh-register')?.dataset.script === 'ready');
    const ready = Date.now() - started;
    // lean with 250 people: one query, small rows (the time is printed, never asserted: speed belongs in the bench)
    expect(html).toBeLessThan(2_000_000);
    process.stdout.write(`register with 250 people: ${Math.round(html / 1024)} KB of HTML, ready in ${ready} ms\n`);

    const text = await main().innerText();
    expect(text).toContain(team.course.title);
    expect(text).toMatch(/Northshire Conference Centre/);
    expect(text).toMatch(/Open for marking until/);
    expect(await counts()).toMatch(/0\s+present[\s\S]*250\s+not marked/);
    expect(await page.locator('li.lh-register-row').count()).toBe(250);
    await expectAccessibleAtBothWidths(page, 'conference');
    await page.setViewportSize(TABLET_PHONE);

    const [first, second, third] = crowd as [Person, Person, Person];
    await page.getByRole('button', { name: `Present for ${first.name}`, exact: true }).click();
    await row(page, first.name)
      .getByText(/Marked on the register by Tom Walsh at/)
      .waitFor();
    await page.waitForFunction(
      (said) => document.querySelector('[aria-live="polite"].govuk-visually-hidden')?.textContent?.trim() === said,
      `${first.name} marked present`,
    );

    await page.getByRole('button', { name: `Late for ${second.name}`, exact: true }).click();
    await page.getByLabel(`Minutes late, ${second.name}`).fill('5');
    await page.getByRole('button', { name: `Save late for ${second.name}` }).click();
    await row(page, second.name).getByText('Late: 5 minutes').waitFor();
    // a mistake is caught on the device in the API's words
    await page.getByRole('button', { name: `Left early for ${third.name}`, exact: true }).click();
    await page.getByLabel(`Minutes left early, ${third.name}`).fill('40');
    await page.getByRole('button', { name: `Save left early for ${third.name}` }).click();
    await row(page, third.name).getByText('Enter how many minutes early they left as a whole number from 1 to 7').waitFor();
    await page.getByRole('button', { name: `Cancel left early for ${third.name}` }).click();
    await page.getByRole('button', { name: `Apology for ${third.name}`, exact: true }).click();
    await row(page, third.name).getByText('Absent with apology').waitFor();

    // search by name, as you type
    const target = crowd[200]!;
    await page.getByLabel('Search by name').fill(target.name.split(' ')[0]!.slice(0, 3) + ' ' + target.name.split(' ')[1]!.slice(0, 4));
    await page.waitForFunction(() => document.querySelectorAll('li.lh-register-row').length < 10);
    expect(await page.locator('li.lh-register-row h3').allInnerTexts()).toContain(target.name);
    await screenshot(page, 'register-conference-search-phone');
    await page.getByRole('button', { name: `Did not attend for ${target.name}`, exact: true }).click();
    await row(page, target.name).getByText('Did not attend').first().waitFor();
    await page.getByLabel('Search by name').fill('');
    await page.getByRole('link', { name: /^Not marked yet/ }).click();
    await page.waitForURL(/show=unmarked/);
    expect(await page.locator('li.lh-register-row').count()).toBe(246);
    await allSent(page);

    await page.getByRole('button', { name: 'Mark everyone not yet marked as present' }).click();
    expect(await page.locator('.lh-register-confirm').innerText()).toContain('Mark 246 people as present?');
    await page.getByRole('button', { name: 'Mark 246 people as present' }).click();
    await page.getByText('246 people marked present.').waitFor();
    expect(await counts()).toMatch(/247\s+present[\s\S]*1\s+late[\s\S]*1\s+apology[\s\S]*1\s+did not attend[\s\S]*0\s+not marked/);
    await allSent(page);
    expect((await team.register(conference.partId)).counts).toMatchObject({
      present: 247,
      late: 1,
      absentWithApology: 1,
      didNotAttend: 1,
      notMarked: 0,
    });

    await page.getByRole('link', { name: 'Everyone (250)' }).click();
    await page.getByRole('button', { name: 'Sign off the register' }).click();
    const confirm = page.locator('.lh-register-confirm');
    expect(await confirm.innerText()).toMatch(/247 present[\s\S]*Signing off locks the register/);
    await screenshot(page, 'register-conference-sign-off-phone');
    await confirm.getByRole('button', { name: 'Sign off the register' }).click();
    // signing off 250 places decides 250 outcomes, certificates and surveys in one transaction: on a busy two-core
    // machine that can take longer than a page load's usual 30 seconds
    await page.waitForURL(/done=signed-off/, { timeout: 120_000 });
    expect(await main().innerText()).toMatch(
      /Signed off by Tom Walsh at .*, with 247 present, 1 late, 0 left early, 1 apology, 1 did not attend/,
    );
    expect(await page.getByRole('button', { name: /^Present for / }).count()).toBe(0);
    await screenshot(page, 'register-conference-signed-off-phone');

    // the training team corrects it from the session page, and must give a reason
    const coordinator = await web.browser.newContext({ viewport: DESKTOP });
    const desk = await coordinator.newPage();
    await signIn(desk, demoEmail('Coordinator'));
    await desk.waitForURL(`${webUrl()}/courses`);
    await desk.goto(`${webUrl()}/manage/sessions/${conference.sessionId}`);
    await desk.getByRole('link', { name: /^Register: / }).click();
    await desk.waitForURL(new RegExp(conference.url));
    await desk.waitForFunction(() => document.querySelector<HTMLElement>('.lh-register')?.dataset.script === 'ready');
    const corrected = row(desk, second.name);
    await corrected.getByText(`Correct the mark for ${second.name}`).click();
    await corrected.getByLabel(`Mark for ${second.name}`).selectOption('PRESENT');
    await corrected.getByLabel(`Minutes late or left early (only for late or left early), ${second.name}`).fill('');
    await corrected.getByRole('button', { name: `Save correction for ${second.name}` }).click();
    await corrected.getByText('Enter the reason for the correction').waitFor();
    await corrected.getByLabel(`Reason for the correction, ${second.name}`).fill('The train was on time after all');
    await corrected.getByRole('button', { name: `Save correction for ${second.name}` }).click();
    await corrected.getByText(/Corrected by Claire Morgan at/).waitFor();
    await expectAccessibleAtBothWidths(desk, 'signed off, as a coordinator');
    await coordinator.close();
    expect((await team.register(conference.partId)).entries.find((e) => e.name === second.name)).toMatchObject({
      mark: 'PRESENT',
      source: 'CORRECTION',
    });
  });

  it('keeps marks on the device while the connection is down, sends them when it is back, and shows a conflict with another device', async () => {
    const page = web.page;
    await page.setViewportSize(TABLET_PHONE);
    await openAsTrainer(page, offlineSession);
    const [a, b, c, d] = offlinePeople as [Person, Person, Person, Person];

    await web.context.setOffline(true);
    await page.getByRole('button', { name: `Present for ${a.name}`, exact: true }).click();
    await page.getByRole('button', { name: `Apology for ${b.name}`, exact: true }).click();
    await page.getByRole('button', { name: `Late for ${c.name}`, exact: true }).click();
    await page.getByLabel(`Minutes late, ${c.name}`).fill('1');
    await page.getByRole('button', { name: `Save late for ${c.name}` }).click();
    // a second mark for the same person while the first waits: sent after it, made on what it came to
    await page.getByRole('button', { name: `Present for ${c.name}`, exact: true }).click();
    await page.getByText('4 marks waiting to be sent — they will be sent when the connection is back').waitFor();
    expect(await row(page, a.name).innerText()).toMatch(/Present\s+Waiting to be sent/);
    expect(await counts()).toMatch(/2\s+present[\s\S]*1\s+apology/);
    await screenshot(page, 'register-offline-phone');
    expect((await team.register(offlineSession.partId)).counts.notMarked).toBe(5);

    await web.context.setOffline(false);
    await allSent(page);
    const after = await team.register(offlineSession.partId);
    const byName = new Map(after.entries.map((e) => [e.name, e]));
    expect([a, b, c].map((p) => byName.get(p.name)!.mark)).toEqual(['PRESENT', 'ABSENT_WITH_APOLOGY', 'PRESENT']);

    // the queue survives a reload: marks kept while the server cannot be reached are sent after it
    await page.route('**/register/**', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.getByRole('button', { name: `Did not attend for ${d.name}`, exact: true }).click();
    await page.getByText('1 mark waiting to be sent').waitFor();
    await page.reload();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.lh-register')?.dataset.script === 'ready');
    expect(await row(page, d.name).innerText()).toMatch(/Did not attend\s+Waiting to be sent/);
    await page.unroute('**/register/**');
    await allSent(page);
    expect((await team.register(offlineSession.partId)).entries.find((e) => e.name === d.name)?.mark).toBe('DID_NOT_ATTEND');

    // another device marks Ada late first: this device is told, and chooses
    const ada = (await team.register(offlineSession.partId)).entries.find((e) => e.name === a.name)!;
    await api()(
      MarkAttendanceDocument,
      {
        input: {
          clientId: crypto.randomUUID(),
          partId: offlineSession.partId,
          bookingId: ada.bookingId,
          mark: 'ABSENT_WITH_APOLOGY',
          basedOnEventId: ada.eventId,
        },
      },
      { cookie: team.cookie },
    );
    await page.getByRole('button', { name: `Did not attend for ${a.name}`, exact: true }).click();
    const conflict = row(page, a.name).locator('.lh-register-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toMatch(
      new RegExp(`Claire Morgan marked ${a.name} absent with apology at .* on another device[\\s\\S]*Your mark: Did not attend`),
    );
    await expectAccessibleAtBothWidths(page, 'conflict');
    await conflict.getByRole('button', { name: `Use my mark for ${a.name}` }).click();
    await conflict.waitFor({ state: 'detached' });
    await allSent(page);
    expect((await team.register(offlineSession.partId)).entries.find((e) => e.name === a.name)?.mark).toBe('DID_NOT_ATTEND');
  });

  it('works without JavaScript: each mark is a form post', async () => {
    const context = await web.browser.newContext({ viewport: TABLET_PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, demoEmail('Trainer'));
    await page.waitForURL(`${webUrl()}/courses`);
    await page.goto(`${webUrl()}${plainSession.url}`);
    const [a, b, c, d] = plainPeople as [Person, Person, Person, Person];

    await page.getByRole('button', { name: `Present for ${a.name}`, exact: true }).click();
    await page.waitForURL(/marked=/);
    expect(await row(page, a.name).innerText()).toMatch(new RegExp(`Saved: ${a.name} marked present`));

    await page.getByRole('button', { name: `Late for ${b.name}`, exact: true }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter how many minutes late they arrived');
    expect(await row(page, b.name).locator('.govuk-error-message').innerText()).toContain('Enter how many minutes late they arrived');
    await expectAccessibleWithoutScript(page, 'no javascript, with a problem');
    await page.getByLabel(`Minutes late or left early (only for late or left early), ${b.name}`).fill('1');
    await page.getByRole('button', { name: `Late for ${b.name}`, exact: true }).click();
    await page.waitForURL(/marked=/);
    expect(await row(page, b.name).innerText()).toMatch(/Late: 1 minute/);

    // search is a form too
    await page.getByLabel('Search by name').fill(c.name);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=/);
    expect(await page.locator('li.lh-register-row h3').allInnerTexts()).toEqual([c.name]);
    await page.getByRole('button', { name: `Apology for ${c.name}`, exact: true }).click();
    await page.waitForURL(/q=.*marked=/);

    // another device marks Dev while this page shows him unmarked: the post comes back with both marks to choose from
    await page.goto(`${webUrl()}${plainSession.url}`);
    const dev = (await team.register(plainSession.partId)).entries.find((e) => e.name === d.name)!;
    await api()(
      MarkAttendanceDocument,
      { input: { clientId: crypto.randomUUID(), partId: plainSession.partId, bookingId: dev.bookingId, mark: 'PRESENT' } },
      { cookie: team.cookie },
    );
    await page.getByRole('button', { name: `Did not attend for ${d.name}`, exact: true }).click();
    const conflict = row(page, d.name).locator('.lh-register-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toMatch(new RegExp(`Claire Morgan marked ${d.name} present at [\\s\\S]*Your mark: Did not attend`));
    await conflict.getByRole('button', { name: `Use my mark for ${d.name}` }).click();
    await page.waitForURL(/marked=/);
    expect(await row(page, d.name).innerText()).toMatch(/Did not attend/);

    // "mark everyone" asks first, on a page of its own
    await page.goto(`${webUrl()}${plainSession.url}`);
    await page.getByRole('button', { name: 'Mark everyone not yet marked as present' }).click();
    await page.waitForURL(/confirm=all/);
    await page.getByRole('button', { name: 'Mark 1 person as present' }).click();
    await page.waitForURL(/done=all/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Everyone who was not marked is now marked present');
    expect(await page.locator('.lh-register-counts').innerText()).toMatch(
      /2\s+present[\s\S]*1\s+late[\s\S]*1\s+apology[\s\S]*1\s+did not attend/,
    );
    await expectAccessibleWithoutScript(page, 'no javascript');
    await context.close();
    expect((await team.register(plainSession.partId)).counts).toMatchObject({
      present: 2,
      late: 1,
      absentWithApology: 1,
      didNotAttend: 1,
      notMarked: 0,
    });
  });
});
