import { randomUUID } from 'node:crypto';
import {
  AddPersonToSessionDocument,
  CheckInDocument,
  AssignTrainerDocument,
  CoursesDocument,
  CreateSessionDocument,
  SessionAdminDocument,
  VenuesDocument,
} from '@lh/graphql-client';
import { londonParts } from '@lh/domain';
import type { Page } from 'playwright-core';
import {
  api,
  apiCookie,
  apiUrl,
  axe,
  demo,
  demoEmail,
  DESKTOP,
  PHONE,
  releaseDemoTrainer,
  screenshot,
  waitForMail,
  webUrl,
} from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(120_000);

const MINUTE = 60_000;

/** The API's register of a part, as the coordinator sees it. */
async function registerOf(
  cookie: string,
  partId: string,
): Promise<{ name: string; mark: string | null; source: string | null; walkIn: boolean }[]> {
  const res = await fetch(`${apiUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      query: 'query($p: ID!) { register(partId: $p) { entries { name mark source walkIn } } }',
      variables: { p: partId },
    }),
  });
  return ((await res.json()) as { data: { register: { entries: [] } } }).data.register.entries;
}

/**
 * Walk-ins and self check-in in the real web app: the demo trainer adds someone new at the door on a phone,
 * shows the check-in screen, and the demo practitioner (booked on the session) types its code, signs in on
 * the way and is checked in; the register says so.
 */
describe('walk-ins and self check-in', () => {
  const web = useBrowser();
  const stamp = Date.now().toString(36);
  let coordinator: string;
  let sessionId: string;
  let partId: string;
  let courseTitle: string;

  afterAll(() => releaseDemoTrainer(coordinator, [sessionId]));

  beforeAll(async () => {
    coordinator = await apiCookie('Coordinator');
    const client = api();
    const { data: catalogue } = await client(CoursesDocument, {});
    // a course no demo requirement counts, so the demo practitioner's mandatory training stays as the demo has it
    const course = catalogue.courses.find((c) => c.title === 'Practitioner Resilience')!;
    courseTitle = course.title;
    const { data: places } = await client(VenuesDocument, {}, { cookie: coordinator });
    // a session starting in a few minutes, so its register (and check-in) is open; a later start if the trainer is busy then
    for (let attempt = 0; ; attempt++) {
      const start = new Date(Date.now() + (5 + attempt * 7) * MINUTE);
      const end = new Date(start.getTime() + 90 * MINUTE);
      const from = londonParts(start);
      const to = londonParts(end);
      const { data: created } = await client(
        CreateSessionDocument,
        {
          input: {
            courseId: course.id,
            venueId: places.venues[0]!.id,
            capacity: 12,
            parts: [{ date: from.date, startTime: from.time, endTime: to.date === from.date ? to.time : '23:59' }],
          },
        },
        { cookie: coordinator },
      );
      const assigned = await client(
        AssignTrainerDocument,
        { input: { sessionId: created.createSession.id, personEmail: demoEmail('Trainer') } },
        { cookie: coordinator },
      ).then(
        () => true,
        (e: { code?: string }) => {
          if (e.code !== 'TRAINER_UNAVAILABLE' || attempt > 5) {
            throw e;
          }
          return false;
        },
      );
      if (assigned) {
        sessionId = created.createSession.id;
        break;
      }
    }
    await client(
      AddPersonToSessionDocument,
      { input: { sessionId, personEmail: demoEmail('Practitioner'), reason: 'Booked for the check-in journey' } },
      { cookie: coordinator },
    );
    const { data: admin } = await client(SessionAdminDocument, { id: sessionId }, { cookie: coordinator });
    partId = admin.sessionAdmin.parts[0]!.id;
  });

  const base = () => `${webUrl()}/your-sessions/${sessionId}/register/${partId}`;
  async function expectAccessible(page: Page, name: string): Promise<void> {
    for (const size of [PHONE, DESKTOP]) {
      await page.setViewportSize(size);
      expect({ page: name, width: size.width, violations: await axe(page) }).toEqual({ page: name, width: size.width, violations: [] });
    }
  }

  it('the trainer adds someone new at the door on a phone: they are on the register, present, and mailed a link to claim their account', async () => {
    const page = web.page;
    await page.setViewportSize(PHONE);
    await signInAs(page, 'Trainer');
    await page.goto(`${base()}/walk-in`);
    expect(await page.locator('h1').innerText()).toBe('Add a walk-in');
    await expectAccessible(page, 'add a walk-in');
    await page.setViewportSize(PHONE);

    // nobody by that name yet
    await page.getByLabel('Name or email address').fill(`Ama Mensah ${stamp}`);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\?q=/);
    expect(await page.locator('main').innerText()).toContain('Nobody with an account matches');

    const email = `ama.mensah.${stamp}@northshire-council.example`;
    await page.getByLabel('Full name').fill(`Ama Mensah ${stamp}`);
    await page.getByLabel('Work email address').fill(email);
    await page.getByLabel('Agency').selectOption({ label: "Northshire Council Children's Social Care" });
    await page.getByRole('button', { name: 'Add as a walk-in' }).click();
    await page.waitForURL(/\?added=/);
    const banner = await page.locator('.govuk-notification-banner').innerText();
    expect(banner).toContain(`Ama Mensah ${stamp} added as a walk-in and marked present`);
    expect(banner).toContain('We have emailed them a link to claim their new account.');
    await screenshot(page, 'walk-in-added-phone');
    await expectAccessible(page, 'walk-in added');

    // found now, and already on the register
    await page.setViewportSize(PHONE);
    await page.getByLabel('Name or email address').fill(email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\?q=/);
    expect(await page.locator('main').innerText()).toContain('Already on the register');
    expect(await page.locator('main').innerText()).toContain(`am…${stamp.slice(-2)}@northshire-council.example`);
    await screenshot(page, 'walk-in-search-phone');

    const mail = await waitForMail(email, /^You were added to Practitioner Resilience/);
    expect(mail.text).toMatch(/\/account\/set-password\/[A-Za-z0-9_-]+/);
    expect(await registerOf(coordinator, partId)).toEqual(
      expect.arrayContaining([{ name: `Ama Mensah ${stamp}`, mark: 'PRESENT', source: 'TRAINER', walkIn: true }]),
    );
  });

  it('the practitioner types the code from the check-in screen, signs in on the way, and is checked in', async () => {
    // the trainer's screen, on a projector
    await signInAs(web.page, 'Trainer');
    await web.page.goto(`${base()}/check-in`);
    expect(await web.page.locator('h1').innerText()).toBe('Check in');
    expect(await web.page.locator('.lh-qr svg').count()).toBe(1);
    await expectAccessible(web.page, 'check-in screen');
    await web.page.setViewportSize(DESKTOP);
    await screenshot(web.page, 'check-in-screen-desktop');

    // the practitioner, on a phone, not signed in yet
    const phone = await web.browser.newContext({ viewport: PHONE });
    const page = await phone.newPage();
    try {
      await page.goto(`${webUrl()}/check-in`);
      await expectAccessible(page, 'check in: type the code');
      await page.setViewportSize(PHONE);
      await page.getByLabel('Code on the screen').fill('K7M 4Q');
      await page.getByRole('button', { name: 'Check in' }).click();
      await page.waitForSelector('.govuk-error-summary');
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the 6 letters and numbers of the code on the screen');

      await web.page.reload();
      const shown = (await web.page.locator('.lh-code [aria-hidden="true"]').innerText()).trim();
      expect(shown).toMatch(/^[2-9A-HJ-NP-Z]{3} [2-9A-HJ-NP-Z]{3}$/);
      expect(await web.page.locator('.lh-code .govuk-visually-hidden').innerText()).toBe([...shown.replace(' ', '')].join(', '));
      await page.getByLabel('Code on the screen').fill(shown.toLowerCase());
      await page.getByRole('button', { name: 'Check in' }).click();
      // signing in brings them straight back to the code
      await page.waitForURL(/\/sign-in\?next=%2Fcheck-in%2F/);
      await page.getByLabel('Email address').fill(demoEmail('Practitioner'));
      await page.getByLabel('Password').fill(demo.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(`${webUrl()}/check-in/${shown.replace(' ', '')}`);
      expect(await page.locator('h1').innerText()).toBe("You're checked in");
      expect(await page.locator('main').innerText()).toContain(`You're checked in to ${courseTitle}`);
      await screenshot(page, 'checked-in-phone');
      await expectAccessible(page, 'checked in');
      await page.setViewportSize(PHONE);

      expect(await registerOf(coordinator, partId)).toEqual(
        expect.arrayContaining([expect.objectContaining({ mark: 'PRESENT', source: 'SELF_CHECK_IN', walkIn: false })]),
      );
      // the screen counts them
      await web.page.reload();
      expect(await web.page.locator('main').innerText()).toMatch(
        /2 of 2 people booked are marked here, 1 of them checked in with the code/,
      );

      // someone with no place who checks in is listed for the trainer, who adds them
      const code = (await web.page.locator('.lh-code [aria-hidden="true"]').innerText()).replace(' ', '');
      const { data: asked } = await api()(
        CheckInDocument,
        { input: { code, clientId: randomUUID() } },
        { cookie: await apiCookie('Reviewer') },
      );
      expect(asked.checkIn.outcome).toBe('REQUESTED');
      await web.page.reload();
      expect(await web.page.locator('main').innerText()).toContain('1 person has no place and asked to be added');
      await web.page.getByRole('link', { name: /asked to be added/ }).click();
      await web.page.waitForURL(`${base()}/walk-in`);
      await web.page.setViewportSize(PHONE);
      await screenshot(web.page, 'walk-in-requests-phone');
      await expectAccessible(web.page, 'walk-ins asked to be added');
      await web.page.getByRole('button', { name: /^Add .+ as a walk-in$/ }).click();
      await web.page.waitForURL(/\?added=/);
      expect(await web.page.locator('main').innerText()).not.toContain('Asked to be added');
      await web.page.goto(`${base()}/check-in`);
      expect(await web.page.locator('main').innerText()).toMatch(
        /3 of 3 people booked are marked here, 1 of them checked in with the code/,
      );

      // a made-up code says what to do
      await page.goto(`${webUrl()}/check-in/ZZZZZZ`);
      expect(await page.locator('h1').innerText()).toBe('Scan the code again');
      expect(await page.locator('main').innerText()).toContain('That code is not right or has expired');
      await screenshot(page, 'check-in-refused-phone');
      await expectAccessible(page, 'check-in refused');
    } finally {
      await phone.close();
    }
  });

  it('without JavaScript the check-in screen refreshes itself when the code changes, and the walk-in search works', async () => {
    const context = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await signInAs(page, 'Trainer');
      await page.goto(`${base()}/check-in`);
      const refresh = await page.locator('noscript').first().innerHTML();
      expect(refresh).toMatch(/<meta http-equiv="refresh" content="([1-9]|1\d|20)">/);
      await page.goto(`${base()}/walk-in`);
      await page.getByLabel('Name or email address').fill('Priya Sha');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\?q=Priya\+Sha$/);
      expect(await page.locator('main').innerText()).toMatch(/Priya Shah[\s\S]*Already on the register/);
    } finally {
      await context.close();
    }
  });
});
