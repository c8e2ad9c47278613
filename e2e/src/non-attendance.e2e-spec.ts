import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { londonParts } from '@lh/domain';
import { apiCookie, apiUrl, axe, demo, demoEmail, DESKTOP, PHONE, releaseDemoTrainer, screenshot, waitForMail, webUrl } from './support';
import { signInAs, useBrowser } from './browser';
import { moveSessionToHaveStarted } from './e2e-database';

jest.setTimeout(300_000);

/** Raw GraphQL over HTTP as someone (the API the web app calls), for setting a session up as it would really happen. */
async function signInApi(email: string): Promise<(query: string, variables?: object) => Promise<Record<string, unknown>>> {
  const post = (body: object, cookie?: string) =>
    fetch(`${apiUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const res = await post({
    query: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }',
    variables: { input: { email, password: demo.password } },
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('lh_session='));
  if (!cookie) {
    throw new Error(`${email} could not sign in`);
  }
  return async (query, variables = {}) => {
    const body = (await (await post({ query, variables }, cookie)).json()) as { data: Record<string, unknown>; errors?: unknown };
    if (body.errors) {
      throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    }
    return body.data;
  };
}

const MINUTE = 60_000;

/**
 * A coordinator follows up a session that has just happened: sets the policy, sees who did not attend
 * and what their agency is charged, waives one charge with a reason, downloads the CSV for invoicing,
 * and sets which agencies copy line managers in. The session is set up through the API as it really
 * happens: a coordinator schedules it (a part starting a few minutes from now) and adds people, and the
 * trainer marks the register and signs it off once the part has started (moved back in the e2e database
 * to have started a minute ago, rather than waited for).
 */
describe('non-attendance and charges in the web app', () => {
  const web = useBrowser();
  const page = () => web.page;
  const stamp = Date.now().toString(36);
  const people = {
    charged: { name: `Dana Missed ${stamp}`, email: `dana.missed.${stamp}@example.org` },
    statutory: { name: `Sam Statutory ${stamp}`, email: `sam.statutory.${stamp}@example.org` },
    present: { name: `Pat Present ${stamp}`, email: `pat.present.${stamp}@example.org` },
  };
  let partId = '';
  let courseTitle = '';
  let courseId = '';
  const bookingIds: Record<string, string> = {};
  const today = londonParts(new Date()).date;

  async function expectAccessible(name: string): Promise<void> {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page().setViewportSize(viewport);
      expect({ page: `${name} (${width})`, violations: await axe(page()) }).toEqual({ page: `${name} (${width})`, violations: [] });
      expect(await page().evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page(), `${name}-${width}`);
    }
    await page().setViewportSize(DESKTOP);
  }

  let sessionId: string;
  afterAll(async () => releaseDemoTrainer(await apiCookie('Coordinator'), [sessionId]));

  beforeAll(async () => {
    const coordinator = await signInApi(demoEmail('Coordinator'));
    const { courses } = (await coordinator('{ courses { id title format } }')) as {
      courses: { id: string; title: string; format: string }[];
    };
    const course = courses.find((c) => c.format === 'VIRTUAL') ?? courses.find((c) => c.format !== 'E_LEARNING')!;
    courseTitle = course.title;
    courseId = course.id;
    const { agencies } = (await coordinator('{ agencies { id name } }')) as { agencies: { id: string; name: string }[] };
    const agencyId = (name: string) => agencies.find((a) => a.name === name)!.id;
    const academy = agencyId('Northshire Academy Trust'); // not a statutory partner: Education
    const police = agencyId('Northshire Constabulary'); // a statutory partner
    for (const [key, agency] of [
      ['charged', academy],
      ['statutory', police],
      ['present', academy],
    ] as const) {
      await coordinator(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, {
        input: { ...people[key], agencyId: agency, roles: ['PRACTITIONER'], sendInvitation: false },
      });
    }

    // a part starting in a few minutes: its register is open now (15 minutes before), and can be signed off once it starts
    const partStartsAt = new Date(Math.ceil((Date.now() + MINUTE) / MINUTE) * MINUTE);
    const start = londonParts(partStartsAt);
    const end = londonParts(new Date(partStartsAt.getTime() + 60 * MINUTE));
    const created = (await coordinator(`mutation($input: CreateSessionInput!) { createSession(input: $input) { id parts { id } } }`, {
      input: {
        courseId: course.id,
        capacity: 10,
        onlineUrl: 'https://meet.example.org/lh/non-attendance',
        parts: [{ date: start.date, startTime: start.time, endTime: end.date === start.date ? end.time : '23:59' }],
        confirmLongerThanCourse: true,
      },
    })) as { createSession: { id: string; parts: { id: string }[] } };
    sessionId = created.createSession.id;
    partId = created.createSession.parts[0]!.id;
    await coordinator(`mutation($input: AssignTrainerInput!) { assignTrainer(input: $input) { id } }`, {
      input: { sessionId, personEmail: demoEmail('Trainer') },
    });
    for (const [key, p] of Object.entries(people)) {
      const added = (await coordinator(`mutation($input: AddPersonToSessionInput!) { addPersonToSession(input: $input) { id } }`, {
        input: { sessionId, personEmail: p.email, reason: 'Booked by phone' },
      })) as { addPersonToSession: { id: string } };
      bookingIds[key] = added.addPersonToSession.id;
    }
    await moveSessionToHaveStarted(sessionId);
  });

  it('sets the policy, sees the non-attendance it charges, waives it with a reason and downloads the CSV', async () => {
    await signInAs(page(), 'Coordinator');
    await page().getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Manage' }).click();
    await page().getByRole('link', { name: 'Non-attendance', exact: true }).click();
    await page().waitForURL(`${webUrl()}/manage/non-attendance`);
    await expectAccessible('non-attendance');

    // the policy: a bad amount is named at its box and nothing changes; then schools pay £55 a day
    await page().getByRole('link', { name: 'non-attendance policy' }).click();
    await page().waitForURL(`${webUrl()}/manage/non-attendance/policy`);
    const education = page().getByRole('group', { name: 'Education', exact: true });
    expect(await education.getByLabel('Non-attendance, in pounds a day').inputValue()).toBe('50');
    await education.getByLabel('Non-attendance, in pounds a day').fill('fifty-five');
    await page().getByRole('button', { name: 'Save the policy' }).click();
    await page().waitForSelector('.govuk-error-summary');
    expect(await page().locator('.govuk-error-summary').innerText()).toContain(
      'Enter the charge for a non-attendance (Education) in pounds and pence, like 40 or 12.50',
    );
    await expectAccessible('non-attendance-policy-errors');
    await education.getByLabel('Non-attendance, in pounds a day').fill('55');
    await page().getByRole('button', { name: 'Save the policy' }).click();
    await page().waitForURL(`${webUrl()}/manage/non-attendance/policy?done=saved`);
    expect(await page().locator('.govuk-notification-banner').innerText()).toContain('Policy saved');
    expect(await education.getByLabel('Non-attendance, in pounds a day').inputValue()).toBe('55');
    expect(await page().getByRole('group', { name: 'Statutory partners' }).getByLabel('Non-attendance, in pounds a day').inputValue()).toBe(
      '0',
    );
    await expectAccessible('non-attendance-policy');

    // the trainer takes the register once the part has started: one present, the others not marked, and signs it off
    const trainer = await signInApi(demoEmail('Trainer'));
    await trainer(`mutation($input: MarkAttendanceInput!) { markAttendance(input: $input) { applied } }`, {
      input: { clientId: randomUUID(), partId, bookingId: bookingIds.present, mark: 'PRESENT', basedOnEventId: null },
    });
    await trainer(`mutation($partId: ID!) { signOffRegister(partId: $partId) { signOff { signedByName } } }`, { partId });

    // the list for this financial year (the default) shows both who missed it; only the school is charged
    await page().goto(`${webUrl()}/manage/non-attendance`);
    const card = (name: string) => page().locator('.govuk-summary-card', { hasText: name });
    expect(await card(people.charged.name).innerText()).toMatch(/Northshire Academy Trust[\s\S]*Did not attend[\s\S]*Charged\s+£55\.00/);
    expect(await card(people.charged.name).innerText()).toContain('Education: £55.00 a day for a non-attendance, for 1 day.');
    expect(await card(people.statutory.name).innerText()).toMatch(/Northshire Constabulary[\s\S]*Did not attend[\s\S]*Not charged/);
    expect(await card(people.present.name).count()).toBe(0);
    expect(await page().locator('main table').innerText()).toMatch(/Northshire Academy Trust\s+\d+\s+\d+\s+£[\d,]+\.\d\d/);
    await expectAccessible('non-attendance-list');

    // and the person was told, with what their agency may be charged
    const mail = await waitForMail(people.charged.email, /You did not attend/);
    expect(mail.text).toContain('Northshire Academy Trust, may be charged £55.00 for the place.');
    expect(mail.text).toContain(`Book another date of ${courseTitle}`);

    // waive: a reason is needed, then the charge is waived with it
    const charged = card(people.charged.name);
    await charged.getByText('Waive this charge').click();
    await charged.getByRole('button', { name: /Waive the charge/ }).click();
    await page().waitForSelector('.govuk-error-summary');
    expect(await page().locator('.govuk-error-summary').innerText()).toContain('Enter why the charge is waived');
    await expectAccessible('non-attendance-waive-error');
    await card(people.charged.name).getByLabel('Why is the charge waived?').fill('Her child was taken ill that morning');
    await card(people.charged.name)
      .getByRole('button', { name: /Waive the charge/ })
      .click();
    await page().waitForSelector('.govuk-notification-banner--success');
    expect(await page().locator('.govuk-notification-banner').innerText()).toContain('Charge waived');
    expect(await card(people.charged.name).innerText()).toMatch(
      /Waived\s+£55\.00[\s\S]*Waived by Claire Morgan on .+: Her child was taken ill that morning/,
    );

    // only today's session, filtered to the school: the CSV has its row
    await page().goto(`${webUrl()}/manage/non-attendance?from=${today}&to=${today}`);
    expect(await page().locator('.govuk-summary-card').count()).toBeGreaterThanOrEqual(2);
    const download = page().waitForEvent('download');
    await page()
      .getByRole('link', { name: /Download as CSV/ })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`non-attendance-${today}-to-${today}.csv`);
    const rows = parse(readFileSync((await file.path())!, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'Agency',
      'Person',
      'Email',
      'Course',
      'Session date',
      'Outcome',
      'Days',
      'Amount (£)',
      'Status',
      'Waived or void reason',
    ]);
    expect(rows).toContainEqual([
      'Northshire Academy Trust',
      people.charged.name,
      people.charged.email,
      courseTitle,
      today,
      'Did not attend',
      '1',
      '55.00',
      'Waived',
      'Her child was taken ill that morning',
    ]);
    expect(rows).toContainEqual([
      'Northshire Constabulary',
      people.statutory.name,
      people.statutory.email,
      courseTitle,
      today,
      'Did not attend',
      '',
      '0.00',
      'Not charged',
      '',
    ]);
    expect(rows.some((r) => r[1] === people.present.name)).toBe(false);

    // a date that is not real is named, at its box
    await page().goto(`${webUrl()}/manage/non-attendance?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=3&to-year=2026`);
    expect(await page().locator('.govuk-error-summary').innerText()).toContain('The start of the period must be a real date');
    await expectAccessible('non-attendance-bad-period');
  });

  it('lets an agency ask for line managers to get a copy, and shows the course’s attendance rule', async () => {
    await signInAs(page(), 'Coordinator');
    await page().goto(`${webUrl()}/manage/agencies`);
    await page().getByRole('link', { name: 'Northshire Homes (housing)' }).click();
    await page().waitForURL(/\/manage\/agencies\/[0-9a-f-]{36}$/);
    const agencyUrl = page().url();
    expect(await page().locator('main').innerText()).toMatch(/Non-attendance mail\s+The person only/);
    await page().getByRole('link', { name: 'Change who gets non-attendance mail' }).click();
    await expectAccessible('agency-non-attendance-mail');
    await page().getByLabel('Yes, send the line manager a copy').check();
    await page().getByRole('button', { name: 'Save' }).click();
    await page().waitForURL(`${agencyUrl}?done=managerCopy`);
    expect(await page().locator('main').innerText()).toMatch(/Non-attendance mail\s+The person and a copy to their line manager/);
    // and back, leaving the demo as it was
    await page().getByRole('link', { name: 'Change who gets non-attendance mail' }).click();
    await page().getByLabel('No, mail only the person').check();
    await page().getByRole('button', { name: 'Save' }).click();
    await page().waitForURL(`${agencyUrl}?done=managerCopy`);

    // the course form: a share of the time needs the share, in the same round as the rest
    await page().goto(`${webUrl()}/manage/courses/${courseId}/edit`);
    expect(await page().locator('#attendance-rule').innerText()).toBe('Attendance: people attend when they are present at every part.');
    await page().getByLabel('Attend at least a share of the time').check();
    await page().getByLabel('Share of the time, in per cent').fill('');
    await page().getByRole('button', { name: 'Save changes' }).click();
    await page().waitForSelector('.govuk-error-summary');
    expect(await page().locator('.govuk-error-summary').innerText()).toContain(
      'Enter the share of the time to attend as a whole number from 1 to 100',
    );
    await expectAccessible('course-attendance-rule-error');
    await page().getByLabel('Share of the time, in per cent').fill('80');
    await page().getByRole('button', { name: 'Save changes' }).click();
    await page().waitForURL(/\/manage\/courses\?done=saved/);
    await page().goto(`${webUrl()}/manage/courses/${courseId}/edit`);
    expect(await page().locator('#attendance-rule').innerText()).toBe(
      'Attendance: people attend when they are present for at least 80% of the time.',
    );
    await page().getByLabel('Attend every part').check();
    await page().getByRole('button', { name: 'Save changes' }).click();
    await page().waitForURL(/\/manage\/courses\?done=saved/);
  });
});
