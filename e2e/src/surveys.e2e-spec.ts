// Answering a survey by its personal link on a phone: by keyboard with JavaScript, and once with
// JavaScript off (a problem named, the draft kept, then sent); the coordinators' survey pages; axe on each.
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { SignInDocument, SurveyFormDocument, YourSurveysDocument } from '@lh/graphql-client';
import { api, axe, DESKTOP, PHONE, screenshot, signIn, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(120_000);

const db = async <T>(work: (c: Client) => Promise<T>): Promise<T> => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) {
    throw new Error('E2E_DATABASE_URL is not set: run e2e tests through jest --selectProjects e2e');
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * A practitioner of our own with an end-of-course survey waiting (the default template), as delivery
 * will make it. The place is a cancelled booking on a demo session, so no other journey loses a place.
 * Returns the person and their personal link's token (read from their own list, as the API signs it).
 */
async function aSurveyWaiting(): Promise<{ email: string; password: string; token: string; courseId: string }> {
  const email = `survey.${randomBytes(3).toString('hex')}@example.org`;
  const password = `pw ${randomBytes(6).toString('hex')}`;
  const courseId = await db(async (c) => {
    const personId = randomUUID();
    await c.query(
      `insert into person (id, name, email, status, email_verified_at, roles, password_hash) values ($1, 'Sam Survey', $2, 'ACTIVE', now(), '{PRACTITIONER}', $3)`,
      [personId, email, await argon2.hash(password, { type: argon2.argon2id })],
    );
    const session = (await c.query(`select id, course_id from session order by starts_at limit 1`)).rows[0] as {
      id: string;
      course_id: string;
    };
    const bookingId = randomUUID();
    await c.query(`insert into booking (id, session_id, person_id, status, cancelled_at) values ($1, $2, $3, 'CANCELLED', now())`, [
      bookingId,
      session.id,
      personId,
    ]);
    await c.query(
      `insert into survey_invitation (id, booking_id, session_id, stage, audience, person_id, template_version_id, status, created_at, expires_at)
       select $1, $2, $3, 'END_OF_COURSE', 'ATTENDEE', $4, v.id, 'OPEN', now(), now() + interval '21 days'
       from survey_template_version v join survey_template t on t.id = v.template_id
       where t.default_key = 'safeguarding-end-of-course' order by v.version desc limit 1`,
      [randomUUID(), bookingId, session.id, personId],
    );
    return session.course_id;
  });
  const { setCookies } = await api()(SignInDocument, { input: { email, password } });
  const cookie = setCookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('lh_session='))!;
  const { data } = await api()(YourSurveysDocument, {}, { cookie });
  return { email, password, token: data.yourSurveys[0]!.token, courseId };
}

async function questionsOf(token: string) {
  return (await api()(SurveyFormDocument, { token })).data.surveyForm.questions;
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect({ page: name, violations: await axe(page) }).toEqual({ page: name, violations: [] });
}

/** Presses Tab until the focused element matches `selector` (at most 80 presses). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return;
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('surveys in the browser', () => {
  const web = useBrowser();

  it('answers the end-of-course survey by its link on a phone, by keyboard, without signing in', async () => {
    const { token } = await aSurveyWaiting();
    const context = await web.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await page.goto(`${webUrl()}/surveys/${token}`);
      expect(await page.locator('#survey-mode').textContent()).toMatch(/not anonymous/);
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'survey form (phone)');
      for (const q of await questionsOf(token)) {
        if (!q.required) {
          continue;
        }
        if (q.kind === 'LONG_TEXT') {
          await tabTo(page, `#${q.fieldId}`);
          await page.keyboard.type('Check the child’s voice is recorded in every assessment.');
        } else if (q.kind === 'CONFIDENCE_PAIR') {
          await tabTo(page, `[name="${q.fieldId}-before"]`);
          await page.keyboard.press('Space');
          await tabTo(page, `[name="${q.fieldId}-now"]`);
          await page.keyboard.press('ArrowDown');
        } else {
          await tabTo(page, `[name="${q.fieldId}"]`);
          await page.keyboard.press('ArrowDown');
        }
      }
      await tabTo(page, 'button:not([formaction])');
      await page.keyboard.press('Enter');
      await page.getByText('Thank you: your answers have been sent.').waitFor();
      await screenshot(page, 'survey-sent-phone');
      await expectAccessible(page, 'survey sent (phone)');
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript: a missing answer is named, the draft is kept, then it is sent once', async () => {
    const { token, email, password } = await aSurveyWaiting();
    const context = await web.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${webUrl()}/surveys/${token}`);
      await page.locator('[name="q-relevance-x"][value="5"]').check();
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText('Your answers are saved.').waitFor();
      await page.goto(`${webUrl()}/surveys/${token}`);
      expect(await page.locator('[name="q-relevance-x"][value="5"]').isChecked()).toBe(true);

      await page.getByRole('button', { name: 'Submit' }).click();
      await page.getByText('There is a problem').waitFor();
      const summary = await page.locator('.govuk-error-summary').textContent();
      expect(summary).toContain('Choose an answer to "The trainer knew the subject and explained it well"');
      expect(await page.locator('[name="q-relevance-x"][value="5"]').isChecked()).toBe(true);

      for (const q of await questionsOf(token)) {
        if (q.kind === 'RATING') {
          await page.locator(`[name="${q.fieldId}"][value="4"]`).check();
        } else if (q.kind === 'CONFIDENCE_PAIR') {
          await page.locator(`[name="${q.fieldId}-before"][value="2"]`).check();
          await page.locator(`[name="${q.fieldId}-now"][value="4"]`).check();
        } else if (q.kind === 'LONG_TEXT' && q.required) {
          await page.locator(`#${q.fieldId}`).fill('Use the neglect toolkit with every family.');
        }
      }
      await page.getByRole('button', { name: 'Submit' }).click();
      await page.getByText('Thank you: your answers have been sent.').waitFor();
      // sending again from the old page: refused, said plainly
      await page.goBack();
      await page.getByRole('button', { name: 'Submit' }).click();
      await page.getByText('You have already sent your answers to this survey').waitFor();

      // the signed-in list shows it answered
      const signed = await web.browser.newContext({ viewport: DESKTOP });
      const own = await signed.newPage();
      await signIn(own, email, password);
      await own.waitForURL(`${webUrl()}/courses`);
      await own.goto(`${webUrl()}/surveys`);
      await own.getByRole('heading', { name: 'Answered' }).waitFor();
      await expectAccessible(own, 'your surveys');
      await signed.close();
    } finally {
      await context.close();
    }
  });

  it('tells a tampered link plainly', async () => {
    const { token } = await aSurveyWaiting();
    await web.page.goto(`${webUrl()}/surveys/${token.slice(0, -3)}xyz`);
    await web.page.getByText('This survey link is not valid').waitFor();
  });

  it('gives coordinators the survey list, a template to edit by buttons, and a course’s choice', async () => {
    const { courseId } = await aSurveyWaiting();
    const page = web.page;
    await signInAs(page, 'Coordinator');
    await page.goto(`${webUrl()}/manage/surveys`);
    await page.getByRole('link', { name: 'Safeguarding training: 6 months after', exact: true }).waitFor();
    await expectAccessible(page, 'surveys list');
    await page.getByRole('button', { name: 'Make a survey' }).click();
    await expectAccessible(page, 'make a survey');
    await page.getByLabel('Name', { exact: true }).fill(`Drop-in evaluation ${Date.now().toString(36)}`);
    await page.getByLabel('At the end of the course').check();
    await page.getByLabel('The attendee').check();
    await page.getByLabel('Anonymous', { exact: true }).check();
    await page.getByLabel('Question', { exact: true }).fill('How useful was the session?');
    await page.getByRole('button', { name: 'Make the survey' }).click();
    await page.getByText('Survey made').waitFor();
    await page.getByLabel('Question', { exact: true }).fill('Would you recommend it?');
    await page.getByLabel('Type of question').selectOption('YES_NO');
    await page.getByRole('button', { name: 'Add the question' }).click();
    await page.getByText('Question added').waitFor();
    await screenshot(page, 'survey-template-edit');
    await page.getByRole('button', { name: /Move up.*recommend/ }).click();
    await page.getByText('Question moved').waitFor();
    const order = await page.locator('ol.govuk-list--number > li > p.govuk-body').allTextContents();
    expect(order.map((t) => t.trim())).toEqual(['Would you recommend it?', 'How useful was the session?']);
    await expectAccessible(page, 'edit a survey');
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'edit a survey (phone)');
    await page.setViewportSize(DESKTOP);
    await page.goto(`${webUrl()}/manage/courses/${courseId}/surveys`);
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Save surveys' }).click();
    await page.getByText('Surveys saved').waitFor();
    await expectAccessible(page, 'course surveys');
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Save surveys' }).click();
    await page.getByText('Surveys saved').waitFor();
  });
});
