import { expectNoAxeViolations } from './accessibility-support';
import { signInAs, useBrowser } from './browser';
import { answerEvaluations } from './survey-support';
import { peopleNamed, trainingTeam } from './register-support';
import { DESKTOP, PHONE, screenshot } from './support';

jest.setTimeout(300_000);

/**
 * Survey results as the workforce development group sees them: two attendees answer their evaluation from the mail;
 * a coordinator opens the results for the course, breaks them down by session, picks one person's action plan as a
 * quote for the annual report and finds it among the picked quotes; a reviewer sees the figures but cannot pick.
 */
describe('survey results in the browser', () => {
  const web = useBrowser();
  let team: Awaited<ReturnType<typeof trainingTeam>>;
  const stamp = Date.now().toString(36);
  const people = peopleNamed(2, `sr${stamp}`, 320);
  const plan = `I will ask every child what they want to happen (${stamp})`;

  beforeAll(async () => {
    team = await trainingTeam();
    await team.importPeople(people);
    await team.heldAndSignedOff(people);
    // each answers the evaluation from their mail's personal link: confidence 2 -> 4 and 3 -> 5
    await answerEvaluations(people, (i) => (i === 0 ? plan : 'More on the voice of the child'), 'The room was easy to reach by bus');
  }, 300_000);
  afterAll(() => team?.cleanUp());

  it('shows a coordinator the figures by session and keeps the quote they pick', async () => {
    const page = web.page;
    await signInAs(page, 'Coordinator');
    await page.goto(`${process.env.E2E_WEB_URL}/manage`);
    await page.getByRole('link', { name: 'Survey results' }).click();
    await page.getByLabel('Course', { exact: true }).selectOption({ label: team.course.title });
    await page.getByLabel('Break down').selectOption({ label: 'By session' });
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.waitForURL(/by=SESSION/);

    const group = page.locator('div.lh-result-group', {
      has: page.getByRole('heading', { level: 3, name: new RegExp(team.course.title) }),
    });
    await expect(group.first().isVisible()).resolves.toBe(true);
    const ours = page.locator('div.lh-result-group').filter({ hasText: 'Confidence' });
    await expect(ours.first().innerText()).resolves.toContain('Before the course');
    await expect(page.locator('blockquote', { hasText: plan }).isVisible()).resolves.toBe(true);
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectNoAxeViolations(page, `survey results (${width})`);
      await screenshot(page, `survey-results-${width}`);
    }

    // pick the action plan for the annual report (a plain form post: works without JavaScript)
    const quote = page.locator('li.lh-quote', { hasText: plan });
    await quote.getByRole('button', { name: /Pick for the annual report/ }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('The quote is picked for the annual report.');
    await page.getByRole('link', { name: 'Show only the picked quotes' }).click();
    await page.waitForURL(/picked=yes/);
    const picked = page.locator('li.lh-quote', { hasText: plan });
    await expect(picked.getByRole('button', { name: /Take out of the annual report/ }).isVisible()).resolves.toBe(true);
    expect(await page.locator('li.lh-quote', { hasText: 'More on the voice of the child' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'picked quotes');
  });

  it('shows a reviewer the figures from their menu, without picking', async () => {
    const page = web.page;
    await signInAs(page, 'Reviewer');
    await page.setViewportSize(DESKTOP);
    await page.locator('nav[aria-label="Menu"]').getByRole('link', { name: 'Survey results' }).click();
    await page.waitForURL(/\/manage\/surveys\/results$/);
    await page.setViewportSize(PHONE);
    await expect(page.getByRole('heading', { level: 1, name: 'Survey results' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('blockquote', { hasText: plan }).isVisible()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: /annual report/ }).count()).toBe(0);

    // a month that is not one is named in the words on the screen
    await page.getByLabel('Sessions from (month)').fill('2026-13');
    await page.getByRole('button', { name: 'Show results' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Enter the first month like 2026-09');
    await expectNoAxeViolations(page, 'survey results with a bad month (phone)');
  });
});
