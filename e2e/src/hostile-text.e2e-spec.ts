// What people type is shown as text, never run as HTML: a course whose title, summary and outcomes hold
// script and markup, and a booking whose access needs do, are shown literally on every page that shows them,
// to the public, the practitioner and the training team, and no script of theirs runs.
import { BookSessionDocument, CancelSessionDocument, CreateSessionDocument } from '@lh/graphql-client';
import { londonParts } from '@lh/domain';
import type { Page } from 'playwright-core';
import { api, apiCookie, publishedCourse, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(180_000);

const MARKUP = `<img src=x onerror="window.__typed=1"><script>window.__typed=2</script>`;

describe('text people typed, with script and markup in it', () => {
  const web = useBrowser();
  const stamp = Date.now().toString(36);
  const title = `Hostile ${stamp} ${MARKUP}`;
  let courseId = '';
  let sessionId = '';
  let cookie = '';

  beforeAll(async () => {
    cookie = await apiCookie('Coordinator');
    courseId = await publishedCourse(cookie, {
      title,
      summary: `A summary with <b onmouseover="window.__typed=3">markup</b> ${MARKUP}`,
      learningOutcomes: [`An outcome ${MARKUP}`],
    });
    const inAMonth = londonParts(new Date(Date.now() + 30 * 86_400_000)).date;
    sessionId = (
      await api()(
        CreateSessionDocument,
        {
          input: {
            courseId,
            capacity: 5,
            onlineUrl: 'https://meet.example.org/hostile',
            parts: [{ date: inAMonth, startTime: '10:00', endTime: '12:00' }],
          },
        },
        { cookie },
      )
    ).data.createSession.id;
    const practitioner = await apiCookie('Practitioner');
    await api()(BookSessionDocument, { input: { sessionId, accessNeeds: `Needs ${MARKUP}` } }, { cookie: practitioner });
  });
  afterAll(() => api()(CancelSessionDocument, { input: { sessionId, reason: 'A hostile-text test session' } }, { cookie }));

  /** The page shows `text` as it was typed, no element came from it, and none of its script ran. */
  async function expectLiteral(page: Page, path: string, text: string) {
    await page.goto(`${webUrl()}${path}`);
    await expect(page.getByText(text, { exact: false }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('img[src="x"], b[onmouseover]').count()).resolves.toBe(0);
    await page.locator('main').hover(); // an onmouseover would run now
    await expect(page.evaluate(() => (window as unknown as { __typed?: number }).__typed)).resolves.toBeUndefined();
  }

  it('shows it literally in the catalogue, on the course page and to the training team', async () => {
    const page = web.page;
    await expectLiteral(page, `/courses?q=${encodeURIComponent(`Hostile ${stamp}`)}`, `Hostile ${stamp} ${MARKUP}`);
    await expectLiteral(page, `/courses/${courseId}`, MARKUP);
    await expectLiteral(page, `/courses/${courseId}`, '<b onmouseover="window.__typed=3">markup</b>');

    await signInAs(page, 'Coordinator');
    await expectLiteral(page, `/courses/${courseId}`, `An outcome ${MARKUP}`); // with the coordinator's panel
    await expectLiteral(page, `/manage/sessions/${sessionId}`, `Needs ${MARKUP}`);
  });
});
