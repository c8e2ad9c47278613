import { randomUUID } from 'node:crypto';
import { MarkAllPresentDocument, SignOffRegisterDocument } from '@lh/graphql-client';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './accessibility-support';
import { signInAs, useBrowser } from './browser';
import { peopleNamed, trainingTeam, type RegisterSession } from './register-support';
import { api, apiCookie, DESKTOP, PHONE, screenshot, waitForMail } from './support';

jest.setTimeout(300_000);

/**
 * The evaluation on the day and by mail, in the real web app: the register screen offers its link and QR code; at
 * sign-off each attendee is mailed their personal link, which opens the form on a phone without signing in; the
 * mail's "stop impact surveys" link asks before it changes anything.
 */
describe('survey delivery in the browser', () => {
  const web = useBrowser();
  let team: Awaited<ReturnType<typeof trainingTeam>>;
  let session: RegisterSession;
  const people = peopleNamed(2, `sd${Date.now().toString(36)}`, 300);

  beforeAll(async () => {
    team = await trainingTeam();
    await team.importPeople(people);
    session = await team.session(0, 2, people, { started: true });
  }, 120_000);
  afterAll(() => team?.cleanUp());

  async function accessibleAtBothWidths(page: Page, name: string): Promise<void> {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectNoAxeViolations(page, `${name} (${width})`);
      await screenshot(page, `survey-delivery-${name.replace(/\W+/g, '-')}-${width}`);
    }
  }

  it('offers the evaluation on the register screen, mails it at sign-off, and it opens from the mail on a phone', async () => {
    const page = web.page;
    await signInAs(page, 'Trainer');
    await page.goto(`${process.env.E2E_WEB_URL}${session.url}`);
    await page.getByText('Evaluation: a link and QR code for attendees').click();
    const link = page.locator('a.lh-evaluation-link');
    expect(await link.innerText()).toMatch(new RegExp(`/surveys/for/${session.sessionId}$`));
    await expect(page.getByRole('img', { name: 'QR code for the evaluation' }).isVisible()).resolves.toBe(true);
    await accessibleAtBothWidths(page, 'register with evaluation');

    // the trainer marks everyone present and signs off (through the API): each attendee is mailed their evaluation
    const cookie = await apiCookie('Trainer');
    await api()(MarkAllPresentDocument, { input: { clientId: randomUUID(), partId: session.partId } }, { cookie });
    await api()(SignOffRegisterDocument, { partId: session.partId }, { cookie });
    const mail = await waitForMail(people[0]!.email, /Your evaluation$/);
    const personal = /(https?:\/\/\S+\/surveys\/(?!opt-out)[\w.-]+)/.exec(mail.text)![1]!;
    const optOut = /(https?:\/\/\S+\/surveys\/opt-out\/[\w.-]+)/.exec(mail.text)![1]!;

    const phone = await web.browser.newContext({ viewport: PHONE });
    try {
      const p = await phone.newPage();
      await p.goto(personal);
      await expect(p.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/./);
      await expect(p.getByRole('button', { name: 'Submit' }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(p, 'evaluation from the mail (phone)');

      // the stop link changes nothing until its button is pressed
      await p.goto(optOut);
      await expect(p.getByRole('heading', { name: 'Stop impact surveys', level: 1 }).isVisible()).resolves.toBe(true);
      await accessibleAtBothWidths(p, 'stop impact surveys');
      await p.getByRole('button', { name: 'Stop impact surveys' }).click();
      await expect(p.getByText('Impact surveys stopped').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(p, 'impact surveys stopped');
    } finally {
      await phone.close();
    }
  });
});
