import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { londonParts, londonToUtc } from '@lh/domain';
import { axe, DESKTOP, PHONE, screenshot, waitForMail, webUrl } from './support';
import { signInAs, useBrowser } from './browser';
import { peopleNamed, trainingTeam } from './register-support';

jest.setTimeout(300_000);

const DAY_MINUTES = 24 * 60;
/** Minutes from now to 19:00 London time, `days` days from now. */
const eveningIn = (days: number) =>
  Math.round((londonToUtc(londonParts(new Date(Date.now() + days * DAY_MINUTES * 60_000)).date, '19:00').getTime() - Date.now()) / 60_000);

/** Every caught mail to this address, by subject (the mail catcher's folder, read whole). */
async function subjectsTo(address: string): Promise<string[]> {
  const { simpleParser } = await import('mailparser');
  const dir = process.env.E2E_MAIL_DIR!;
  const subjects: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
    const raw = readFileSync(`${dir}/${file}`);
    const head = raw
      .subarray(0, Math.max(0, raw.indexOf('\r\n\r\n')))
      .toString('latin1')
      .toLowerCase();
    if (!head.includes(address.toLowerCase())) {
      continue;
    }
    const mail = await simpleParser(raw);
    const to = [mail.to]
      .flat()
      .flatMap((a) => a?.value ?? [])
      .map((v) => v.address?.toLowerCase());
    if (to.includes(address.toLowerCase())) {
      subjects.push(mail.subject ?? '');
    }
  }
  return subjects.sort();
}

/**
 * The coordinator's session roster in the real web app: three people added by pasting their emails, the roster
 * exported, the confirmed people emailed, and everyone moved from one date to another; each person gets exactly
 * one mail per change. Every new page is checked with axe at phone and desktop widths.
 */
describe('the session roster', () => {
  const web = useBrowser();
  const page = () => web.page;

  async function expectAccessible(name: string): Promise<void> {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page().setViewportSize(viewport);
      expect(await page().evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect({ page: `${name} (${width})`, violations: await axe(page()) }).toEqual({ page: `${name} (${width})`, violations: [] });
      await screenshot(page(), `roster-${name.replace(/\W+/g, '-')}-${width}`);
    }
  }

  it('adds three people by pasting emails, exports, messages the confirmed and moves everyone, one mail per change', async () => {
    const team = await trainingTeam();
    try {
      const people = peopleNamed(3, team.stamp, 700);
      await team.importPeople(people);
      // evenings, so the demo trainer is free whatever the time of the run (the demo's sessions end by 16:30)
      const from = await team.session(eveningIn(3), eveningIn(3) + 120, []);
      const to = await team.session(eveningIn(5), eveningIn(5) + 120, []);
      const title = team.course.title;

      await signInAs(page(), 'Coordinator');
      await page().goto(`${webUrl()}/manage/sessions/${from.sessionId}`);
      await expectAccessible('session page, empty roster');

      // add three people (and a line that cannot succeed) by pasting
      await page().getByRole('link', { name: 'Find people to add, or add several at once' }).click();
      await page().waitForURL(/\/add$/);
      await expectAccessible('add people');
      // finding someone as you type: the matches come without pressing Find, and the cursor stays in the box
      await page().getByLabel('Name or email address').pressSequentially(people[0]!.email, { delay: 10 });
      await page().getByRole('radio', { name: people[0]!.name }).waitFor();
      expect(await page().evaluate(() => document.activeElement?.id)).toBe('find');
      await page().waitForFunction(() => /^1 person matches/.test(document.querySelector('#find-count')?.textContent?.trim() ?? ''));
      expect(await page().locator('#find-count').innerText()).toBe(`1 person matches “${people[0]!.email}”`);
      await expectAccessible('add people, found as you type');
      await page().getByRole('button', { name: 'Add these people' }).click();
      await page().locator('.govuk-error-summary').waitFor();
      expect(await page().locator('.govuk-error-summary').innerText()).toContain('Enter at least one email address');
      await page()
        .getByLabel('Email addresses')
        .fill(`${people[0]!.email}, ${people[1]!.email}\nnobody.${team.stamp}@example.org; ${people[2]!.email}`);
      await page().getByLabel('Reason', { exact: true }).fill('Team training day');
      await page().getByRole('button', { name: 'Add these people' }).click();
      await page().locator('#add-results').waitFor();
      const results = await page().locator('#add-results tbody').innerText();
      expect(results.match(/Booked/g)).toHaveLength(3);
      expect(results).toContain(`Nobody with the email address nobody.${team.stamp}@example.org has an account.`);
      await expectAccessible('add people, outcomes');
      for (const p of people) {
        await waitForMail(p.email, /^Booking confirmed/);
      }

      // the roster: search, sort, a note, counts; a list of people on a phone
      await page().goto(`${webUrl()}/manage/sessions/${from.sessionId}`);
      await page().getByLabel('Search by name or email').fill(people[1]!.name);
      await page().getByRole('button', { name: 'Show' }).click();
      await page().waitForURL(/q=/);
      expect(await page().locator('#roster-count').innerText()).toContain('1 of 3 bookings match');
      await page()
        .getByRole('link', { name: `Add a note about ${people[1]!.name}` })
        .first()
        .click();
      await page().waitForURL(/\/notes\//);
      await expectAccessible('note');
      await page().getByLabel('Note').fill('Needs a seat near the door');
      await page().getByRole('button', { name: 'Save the note' }).click();
      await page().waitForURL(/done=note/);
      expect(await page().locator('.lh-roster-table tr', { hasText: people[1]!.name }).innerText()).toContain('Needs a seat near the door');
      await page().setViewportSize(PHONE);
      expect(await page().locator('.lh-roster-table').isVisible()).toBe(false);
      expect(await page().locator('.lh-roster-card').count()).toBe(3);
      await expectAccessible('session page, roster');

      // exports: the roster as CSV (read back) and as Excel; the needs summary without names
      const csv = page().waitForEvent('download');
      await page().getByRole('link', { name: 'The roster (CSV)' }).click();
      const csvFile = await csv;
      expect(csvFile.suggestedFilename()).toMatch(/^Roster .+\.csv$/);
      const rows = parse(readFileSync((await csvFile.path())!, 'utf8'), { bom: true }) as string[][];
      expect(rows[0]!.slice(0, 5)).toEqual(['Name', 'Email', 'Job title', 'Agency', 'Status']);
      expect(
        rows
          .slice(1)
          .map((r) => r[1])
          .sort(),
      ).toEqual(people.map((p) => p.email).sort());
      expect(rows.find((r) => r[1] === people[1]!.email)![9]).toBe('Needs a seat near the door');
      const xlsx = page().waitForEvent('download');
      await page().getByRole('link', { name: 'The roster (Excel)' }).click();
      expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/);
      const needs = page().waitForEvent('download');
      await page()
        .getByRole('link', { name: /Needs summary .* \(CSV\)/ })
        .click();
      const needsText = readFileSync((await (await needs).path())!, 'utf8');
      expect(needsText).toContain('Confirmed places,,3');
      for (const p of people) {
        expect(needsText).not.toContain(p.name);
      }

      // email the confirmed people; a second send of the same form sends nothing more
      await page().getByRole('link', { name: 'Email everyone in a status' }).click();
      await page().waitForURL(/\/message$/);
      await expectAccessible('email a status');
      await page().getByRole('button', { name: 'Send the email' }).click();
      await page().locator('.govuk-error-summary').waitFor();
      expect(await page().locator('.govuk-error-summary').innerText()).toMatch(
        /Choose who to email[\s\S]*Enter a subject[\s\S]*Enter a message/,
      );
      await page().getByLabel('Everyone confirmed (3 people)').check();
      await page().getByLabel('Subject').fill(`Bring your laptop ${team.stamp}`);
      await page().getByLabel('Message').fill('Please bring a charged laptop.\n\nThank you.');
      const key = await page().locator('input[name=idempotencyKey]').inputValue();
      await page().getByRole('button', { name: 'Send the email' }).click();
      await page().waitForURL(/sent=3/);
      expect(await page().locator('.govuk-notification-banner').innerText()).toContain('Message sent to 3 people');
      await expectAccessible('email a status, sent');
      // the same form again (a double click that got through): nothing more is sent
      const again = await page().request.post(`${webUrl()}/manage/sessions/${from.sessionId}/message`, {
        form: {
          audience: 'CONFIRMED',
          subject: `Bring your laptop ${team.stamp}`,
          message: 'Please bring a charged laptop.',
          idempotencyKey: key,
        },
        headers: { origin: webUrl() },
      });
      // the action answers with where it would go: the same message, already sent
      expect(await again.text()).toContain('sent=3&repeated=1');
      for (const p of people) {
        await waitForMail(p.email, new RegExp(`^Bring your laptop ${team.stamp}`));
      }

      // move everyone to the other date
      await page().goto(`${webUrl()}/manage/sessions/${from.sessionId}`);
      await page().getByRole('link', { name: 'Move people to another date' }).click();
      await page().waitForURL(/\/move-people$/);
      await expectAccessible('move people');
      for (const p of people) {
        await page().getByLabel(p.name).check();
      }
      await page().locator(`input[name=toSessionId][value="${to.sessionId}"]`).check();
      await page().getByLabel('Reason').fill('This date is cancelled');
      await page().getByRole('button', { name: 'Move the chosen people' }).click();
      await page().locator('#move-results').waitFor();
      expect(await page().locator('.govuk-notification-banner').innerText()).toContain('3 of 3 moved');
      await expectAccessible('move people, outcomes');
      for (const p of people) {
        await waitForMail(p.email, /^Your place has moved to another date/);
      }
      await page().goto(`${webUrl()}/manage/sessions/${to.sessionId}`);
      expect(await page().locator('#roster-count').innerText()).toContain('3 bookings');

      // exactly one mail per change for each person
      await new Promise((r) => setTimeout(r, 2000));
      for (const p of people) {
        expect({ to: p.email, subjects: await subjectsTo(p.email) }).toEqual({
          to: p.email,
          subjects: [
            `Booking confirmed: ${title}`,
            `Bring your laptop ${team.stamp}: ${title}`,
            `Your place has moved to another date: ${title}`,
          ].sort(),
        });
      }
    } finally {
      await team.cleanUp();
    }
  });
});
