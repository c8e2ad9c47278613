// "Tell me when new dates are added" in the real web app: a practitioner asks on a course with no dates (without
// JavaScript), the coordinator sees one person waiting and adds a session, and the practitioner gets exactly one
// "New dates" mail whose link opens the booking page.
import { readdirSync, readFileSync } from 'node:fs';
import { expectAccessibleAtBothWidths } from './accessibility-support';
import { apiCookie, DESKTOP, demo, demoEmail, publishedCourse, signIn, waitForMail, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(240_000);

/** How many caught mails to this address have this subject (the mail catcher's folder, read whole). */
async function countMail(address: string, subject: string): Promise<number> {
  const { simpleParser } = await import('mailparser');
  const dir = process.env.E2E_MAIL_DIR!;
  let count = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
    const raw = readFileSync(`${dir}/${file}`);
    if (!raw.toString('latin1').toLowerCase().includes(address.toLowerCase())) {
      continue;
    }
    const mail = await simpleParser(raw);
    if (mail.subject === subject) {
      count++;
    }
  }
  return count;
}

describe('tell me when new dates are added', () => {
  const web = useBrowser();
  const stamp = Date.now().toString(36);
  const title = `New dates journey ${stamp}`;
  let courseId = '';

  beforeAll(async () => {
    const cookie = await apiCookie('Coordinator');
    courseId = await publishedCourse(cookie, {
      title,
      summary: 'A course with no dates yet.',
      learningOutcomes: ['Hear about new dates'],
    });
  });

  it('a practitioner asks without JavaScript, the coordinator sees them waiting and adds a session, and one mail leads to booking', async () => {
    const practitioner = demoEmail('Practitioner');
    const coursePage = `${webUrl()}/courses/${courseId}`;

    // signed out: the page invites them to sign in, and sign-in comes back to the course
    const page = web.page;
    await page.goto(coursePage);
    await expectAccessibleAtBothWidths(page, 'course with no dates, signed out', 'new-dates-signed-out');
    await page.locator('#new-dates').locator('..').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email address').fill(practitioner);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(coursePage);

    // the form button works without JavaScript
    const noJs = await web.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    try {
      const plain = await noJs.newPage();
      await signIn(plain, practitioner);
      await plain.waitForURL(`${webUrl()}/courses`);
      await plain.goto(coursePage);
      await plain.getByRole('button', { name: 'Tell me when new dates are added' }).click();
      await plain.getByText('We will email you when new dates are added').waitFor();
      expect(await plain.locator('#new-dates').locator('..').innerText()).toContain('We will email you once, when they are.');
    } finally {
      await noJs.close();
    }

    // the request shows on the course page and on their account, each with a way to stop
    await page.reload();
    expect(await page.getByRole('button', { name: 'Tell me when new dates are added' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Stop telling me about new dates of this course' }).count()).toBe(1);
    await expectAccessibleAtBothWidths(page, 'course with no dates, asked', 'new-dates-asked');
    await page.goto(`${webUrl()}/account`);
    const section = page.locator('section[aria-labelledby="new-dates"]');
    expect(await section.innerText()).toContain(title);
    expect(await section.getByRole('button', { name: `Stop telling me about new dates of ${title}` }).count()).toBe(1);
    await expectAccessibleAtBothWidths(page, 'your account with a course asked about', 'new-dates-account');

    // the coordinator sees one person waiting, in the list and on the course's page, and adds a session
    const team = await web.browser.newContext({ viewport: DESKTOP });
    const manage = await team.newPage();
    await signInAs(manage, 'Coordinator');
    await manage.goto(`${webUrl()}/manage/courses`);
    const row = manage.getByRole('row').filter({ hasText: title });
    // columns: course, status, priority area, level, coming sessions, waiting for dates, add a session
    expect(await row.getByRole('cell').nth(5).innerText()).toBe('1');
    await expectAccessibleAtBothWidths(manage, 'manage courses with people waiting', 'new-dates-manage-courses');
    await manage.goto(`${webUrl()}/manage/courses/${courseId}/edit`);
    expect(await manage.locator('#waiting-for-dates').innerText()).toContain('1 waiting');
    await expectAccessibleAtBothWidths(manage, 'manage a course with people waiting', 'new-dates-manage-course');

    await manage.getByRole('link', { name: 'Add a session of this course' }).click();
    await manage.waitForURL(/\/manage\/sessions\/new\?courseId=/);
    const date = new Date(Date.now() + 30 * 86_400_000);
    await manage.locator('[id="parts.0.date-day"]').fill(String(date.getUTCDate()));
    await manage.locator('[id="parts.0.date-month"]').fill(String(date.getUTCMonth() + 1));
    await manage.locator('[id="parts.0.date-year"]').fill(String(date.getUTCFullYear()));
    await manage.getByLabel('Part 1: start time').fill('10:00');
    await manage.getByLabel('Part 1: end time').fill('12:00');
    await manage.getByLabel('Online joining link').fill('https://meet.example.org/new-dates-journey');
    await manage.getByLabel('Number of places').fill('12');
    await manage.getByRole('button', { name: 'Add session' }).click();
    await manage.waitForURL(/\/manage\/sessions\/[0-9a-f-]{36}/);
    await manage.goto(`${webUrl()}/manage/courses/${courseId}/edit`);
    expect(await manage.locator('#waiting-for-dates').innerText()).toContain('0 waiting');

    await team.close();

    // exactly one mail, naming the date, whose link opens the booking page
    const subject = `New dates: ${title}`;
    const mail = await waitForMail(practitioner, new RegExp(`^New dates: ${title}$`));
    const link = /https?:\/\/\S+\/sessions\/[0-9a-f-]{36}\/book/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    expect(await countMail(practitioner, subject)).toBe(1);
    await page.goto(link!.replace(/^https?:\/\/[^/]+/, webUrl()));
    expect(page.url()).toMatch(/\/sessions\/[0-9a-f-]{36}\/book$/);
    expect(await page.title()).toContain(title);
    expect(await page.getByRole('button', { name: /Book a place|Join the waiting list/ }).count()).toBe(1);
  });
});
