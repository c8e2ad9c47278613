import { parse } from 'csv-parse/sync';

import { readFileSync } from 'node:fs';
import { PickSurveyQuoteDocument, SurveyResultsDocument } from '@lh/graphql-client';
import { londonParts } from '@lh/domain';
import { expectAccessibleAtBothWidths } from './accessibility-support';
import { signInAs, useBrowser } from './browser';
import { answerEvaluations } from './survey-support';
import { peopleNamed, trainingTeam } from './register-support';
import { api, apiCookie, webUrl, tableRows } from './support';

jest.setTimeout(300_000);

/**
 * A reviewer reads report 4, evaluation and impact: two attendees of a session held today answer their evaluation
 * from the mail, a coordinator picks one action plan; the reviewer finds the report in
 * the reports' navigation, filters this month and the course, reads the stages, confidence and the picked quote (no
 * names), switches to by agency, and downloads the course table's and the ratings table's CSV: the same rows as the screen.
 */
describe('evaluation and impact report in the browser', () => {
  const web = useBrowser();
  let team: Awaited<ReturnType<typeof trainingTeam>>;
  const stamp = Date.now().toString(36);
  const people = peopleNamed(2, `ev${stamp}`, 360);
  const plan = `I will record the child's own words (${stamp})`;
  const today = londonParts(new Date()).date;
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];

  beforeAll(async () => {
    team = await trainingTeam();
    await team.importPeople(people);
    await team.heldAndSignedOff(people);
    await answerEvaluations(people, (i) => (i === 0 ? plan : 'Ask the family first'), 'Clear and practical');
    const coordinator = await apiCookie('Coordinator');
    const { surveyQuotes } = (await api()(SurveyResultsDocument, { filter: { courseId: team.course.id } }, { cookie: coordinator })).data;
    const quote = surveyQuotes.quotes.find((q) => q.text === plan)!;
    await api()(
      PickSurveyQuoteDocument,
      { input: { responseId: quote.responseId, questionId: quote.questionId, outcomeIndex: quote.outcomeIndex, picked: true } },
      { cookie: coordinator },
    );
  }, 300_000);
  afterAll(() => team?.cleanUp());

  it('shows a reviewer the figures at each stage, by course and agency, the picked quote, and a CSV with the same rows', async () => {
    const page = web.page;
    await signInAs(page, 'Reviewer');
    await page.goto(`${webUrl()}/manage/reports`);
    await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Evaluation and impact' }).click();
    await page.waitForURL(/\/manage\/reports\/evaluation/);
    await expect(page.getByRole('heading', { level: 1, name: 'Evaluation and impact' }).isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('Trainer').count()).toBe(0);

    await page.getByLabel('Period', { exact: true }).selectOption('MONTH');
    await page.getByLabel('Day', { exact: true }).first().fill(String(day));
    await page.getByLabel('Month', { exact: true }).first().fill(String(month));
    await page.getByLabel('Year', { exact: true }).first().fill(String(year));
    await page.getByLabel('Course', { exact: true }).selectOption({ label: team.course.title });
    await page.getByRole('button', { name: 'Show reports' }).click();
    await page.waitForURL(/period=MONTH/);

    // both answered at the end of the course (other journeys may survey the same demo course this month too)
    const stages = await tableRows(page, /^Evaluation at each stage/);
    expect(stages.map((r) => r[0])).toEqual(['End of course', '6 months after', '12 months after']);
    expect(Number(stages[0]![2])).toBeGreaterThanOrEqual(2);
    const confidence = Object.fromEntries((await tableRows(page, /^Average confidence/)).map((r) => [r[0], r.slice(1)]));
    expect(Object.keys(confidence)).toEqual(['Before the course', 'After the course', 'At 6 months', 'At 12 months']);
    expect(confidence['After the course']![0]).toBe(stages[0]![4]);
    expect(Number(confidence['After the course']![1])).toBeGreaterThanOrEqual(2);
    await expect(page.locator('blockquote', { hasText: plan }).isVisible()).resolves.toBe(true);
    expect(await page.locator('blockquote', { hasText: 'Ask the family first' }).count()).toBe(0);
    const text = await page.locator('main').innerText();
    for (const person of people) {
      expect(text).not.toContain(person.name);
    }
    expect(text).toContain('shown only when it has at least 5 answers');
    await expectAccessibleAtBothWidths(page, 'evaluation-report');

    // the course table and its CSV: the same rows (the screen writes an empty value as "–")
    const screen = await tableRows(page, /^Evaluation by course/);
    expect(screen.map((r) => r[0])).toEqual([team.course.title]);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV of evaluation by course' }).click();
    const file = await download;
    const csv = parse(readFileSync((await file.path())!, 'utf8'), { bom: true }) as string[][];
    expect(csv[0]!.slice(0, 4)).toEqual(['Course', 'Invited', 'Answered', 'Response rate']);
    expect(csv.slice(1).map((r) => r.slice(0, 9).map((v) => v || '–'))).toEqual(screen.map((r) => r.slice(0, 9)));

    // the ratings table and its CSV: the same rows
    const ratings = await tableRows(page, /^Average rating of each question/);
    expect(ratings.length).toBeGreaterThan(0);
    const ratingsDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV of ratings' }).click();
    const ratingsCsv = parse(readFileSync((await (await ratingsDownload).path())!, 'utf8'), { bom: true }) as string[][];
    expect(ratingsCsv[0]).toEqual(['Question', 'Stage', 'Answers', 'Average rating']);
    expect(ratingsCsv.slice(1)).toEqual(ratings);

    // by agency instead: the filter is kept
    await page.getByRole('link', { name: 'Show by agency instead' }).click();
    await page.waitForURL(/group=agency/);
    await expect(page.getByRole('heading', { level: 2, name: 'By agency' }).isVisible()).resolves.toBe(true);
    expect((await tableRows(page, /^Evaluation by agency/)).length).toBeGreaterThanOrEqual(1);
    await expectAccessibleAtBothWidths(page, 'evaluation-report-by-agency');
  });

  it('names a period that ends before it starts, and shows no table', async () => {
    const page = web.page;
    await signInAs(page, 'Reviewer');
    await page.goto(`${webUrl()}/manage/reports/evaluation?period=CUSTOM&from=2026-03-10&to=2026-03-01`);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'The end of the period must be the same as or after its start',
    );
    expect(await page.locator('table').count()).toBe(0);
    await expectAccessibleAtBothWidths(page, 'evaluation-report-error');
  });
});
