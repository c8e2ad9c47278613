// Accessibility of the whole service in a real browser (issue 5), journey by journey: keyboard-only use with a visible
// focus indicator, dates written in full, forms that keep what was typed before the JavaScript loaded, text at 200 % and
// error summaries. Every page, page by page, is in accessibility-crawl.
import type { Page } from 'playwright-core';
import { PHONE, screenshot, webUrl } from './support';
import { useBrowser } from './browser';
import { expectNoAxeViolations, keyboardUser, signInByKeyboard } from './accessibility-support';

// Pages are slow to sign in to when the machine is busy (argon2): allow for it.
jest.setTimeout(60_000);

describe('accessibility', () => {
  const web = useBrowser();

  const expectAccessible = (name: string): Promise<void> => expectNoAxeViolations(web.page, name);

  it('works with only a keyboard: skip link, sign in, filter the catalogue, with focus always visible', async () => {
    const keyboard = keyboardUser(web.page);
    const { problems: focusProblems, check, active, tabTo } = keyboard;

    await web.page.goto(`${webUrl()}/`);
    await web.page.keyboard.press('Tab');
    expect(await active('a.govuk-skip-link')).toBe(true);
    expect((await check()).name).toBe('Skip to main content');
    await screenshot(web.page, 'keyboard-skip-link-desktop');
    await web.page.keyboard.press('Enter');
    expect(await active('main#main-content')).toBe(true);

    // Sign in as the demo practitioner, typing into the form.
    await signInByKeyboard(web.page, keyboard);
    const all = await web.page.locator('.lh-course').count();

    // Filter the catalogue to level 3.
    await tabTo('#level');
    await web.page.keyboard.press('Tab');
    expect(await active('#format')).toBe(true);
    await web.page.keyboard.press('Shift+Tab');
    expect(await active('#level')).toBe(true);
    await check();
    for (let i = 0; i < 4 && (await web.page.locator('#level').inputValue()) !== '3'; i++) {
      await web.page.keyboard.press('ArrowDown');
    }
    expect(await web.page.locator('#level').inputValue()).toBe('3');
    await tabTo('form[aria-label="Filter courses"] button');
    await screenshot(web.page, 'keyboard-apply-filters-desktop');
    await web.page.keyboard.press('Enter');
    await web.page.waitForURL(/[?&]level=3/);
    const filtered = await web.page.locator('.lh-course').count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const levels = await web.page.locator('.lh-course .govuk-tag--grey').allInnerTexts();
    expect(levels.every((t) => t.trim() === 'Level 3')).toBe(true);
    // The result count is a status message, announced when it changes.
    expect(await web.page.locator('#result-count').getAttribute('role')).toBe('status');

    expect(focusProblems).toEqual([]);
  }, 60_000);

  it('writes dates and times in full, as "Tuesday 3 March 2026, 9:30am to 12:30pm"', async () => {
    await web.page.goto(`${webUrl()}/courses?hasUpcomingPlaces=yes`);
    await web.page.locator('.lh-course h2 a').first().click();
    await web.page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    const text = await web.page.locator('main').innerText();
    const day =
      '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}';
    const time = '(\\d{1,2}(:\\d{2})?(am|pm)|midday|midnight)';
    expect(text).toMatch(new RegExp(`${day}, ${time} to (${day}, )?${time}`));
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}:\d{2}|\b(AM|PM)\b|\d{1,2}\/\d{1,2}\/\d{2,4}/);
  });

  it('works with only a keyboard: books a place with access needs, then cancels it, with focus always visible', async () => {
    const keyboard = keyboardUser(web.page);
    const { active, find, reach, tabTo } = keyboard;
    const footer = 'a.govuk-footer__link[href="/accessibility"]';
    const access = 'Wheelchair user: step-free access please';

    await web.page.goto(`${webUrl()}/`);
    await signInByKeyboard(web.page, keyboard);
    // The one step not taken by keyboard: the catalogue filtered to face-to-face courses with places.
    await web.page.goto(`${webUrl()}/courses?hasUpcomingPlaces=yes&format=FACE_TO_FACE`);

    // Other tests book with the demo practitioner too, and some courses are not for her: try courses and dates
    // until one books. A refused date is passed over; a course that refuses her (another date of it booked, not
    // for her agency, a course to do first, or her manager's approval needed) is left for the next course.
    const triedCourses: string[] = [];
    const triedDates: string[] = [];
    let booked = false;
    for (let attempt = 0; attempt < 12 && !booked; attempt++) {
      const course = await find({ selector: '.lh-course h2 a', notHref: triedCourses }, { stop: footer, max: 200 });
      if (!course) {
        throw new Error(`no course left to try after ${triedCourses.join(', ')}`);
      }
      triedCourses.push((await web.page.evaluate(() => document.activeElement!.getAttribute('href')))!);
      await web.page.keyboard.press('Enter');
      await web.page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
      await web.page.locator('a.govuk-back-link[href="/courses"]').waitFor();

      while (!booked) {
        const date = await find(
          { selector: 'a.govuk-button[href$="/book"]', text: /^\s*Book a place/, notHref: triedDates },
          { stop: footer },
        );
        if (!date) {
          break;
        }
        triedDates.push((await web.page.evaluate(() => document.activeElement!.getAttribute('href')))!);
        await screenshot(web.page, 'keyboard-book-a-place-button-desktop');
        await web.page.keyboard.press('Enter');
        await web.page.waitForURL(/\/sessions\/[0-9a-f-]{36}\/book$/);
        const heading = (await web.page.locator('h1').innerText()).trim();
        const needsManager = (await web.page.locator('#managerEmail').count()) > 0;
        let courseRefused = needsManager;
        if (heading === 'Book a place' && !needsManager) {
          await tabTo('#accessNeeds');
          await web.page.keyboard.type(access);
          await tabTo('main form button[type="submit"]');
          await web.page.keyboard.press('Enter');
          await web.page.locator('.govuk-notification-banner--success, .govuk-error-summary').first().waitFor();
          if ((await web.page.locator('.govuk-error-summary').count()) === 0) {
            booked = true;
            break;
          }
          // Refused: the error summary takes focus; the back link is just before it.
          await web.page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
          const refusal = await web.page.locator('.govuk-error-summary').innerText();
          if (/already have a booking on this course|particular audience|You need to complete/.test(refusal)) {
            courseRefused = true;
          } else if (!/already have a booking on this session|has been cancelled|already started|not opened yet|has closed/.test(refusal)) {
            throw new Error(`Booking was refused for an unexpected reason: ${refusal}`);
          }
        }
        // Back to the course (the back link is just before a refusal's error summary), to try its next date or leave it.
        await reach('a.govuk-back-link');
        await web.page.keyboard.press('Enter');
        await web.page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
        await web.page.locator('a.govuk-back-link[href="/courses"]').waitFor();
        if (courseRefused) {
          break;
        }
      }
      if (booked) {
        break;
      }
      // Back to the catalogue for the next course.
      await reach('a.govuk-back-link[href="/courses"]');
      await web.page.keyboard.press('Enter');
      await web.page.waitForURL(`${webUrl()}/courses`);
      await web.page.locator('#result-count').waitFor();
    }
    expect(booked).toBe(true);

    // The booking's page says so, and the success banner has focus, so a screen reader reads it first.
    await web.page.waitForURL(/\/bookings\/[0-9a-f-]{36}\?outcome=booked$/);
    expect(await web.page.locator('.govuk-notification-banner--success').innerText()).toContain('Your place is booked');
    await web.page.waitForFunction(() => document.activeElement?.classList.contains('govuk-notification-banner'));
    expect(await web.page.locator('main').innerText()).toContain(access);
    await screenshot(web.page, 'keyboard-booked-desktop');

    // Cancel it, still by keyboard: the reason, then the "Cancel booking" button.
    await tabTo('#reason');
    await web.page.keyboard.type('Training needs changed');
    await tabTo({ selector: 'form[action="?/cancel"] button', text: /^\s*Cancel booking\s*$/ });
    expect(await active('button.govuk-button--warning')).toBe(true);
    await screenshot(web.page, 'keyboard-cancel-booking-desktop');
    await web.page.keyboard.press('Enter');
    await web.page.waitForURL(/outcome=cancelled/);
    expect(await web.page.locator('.govuk-notification-banner--success').innerText()).toMatch(/Your booking is cancelled/);
    expect(await web.page.locator('main').innerText()).toContain('Training needs changed');

    expect(keyboard.problems).toEqual([]);
  }, 180_000);

  // Svelte writes `value=`/`checked=` when the page hydrates, which would wipe what someone typed while the JavaScript
  // was still loading (a slow phone): the form components use defaultValue/defaultChecked with the syncValue /
  // syncChecked actions from $lib/components/form-state.ts instead. This holds them to it.
  it('keeps what someone typed or chose before the JavaScript loaded', async () => {
    await web.page.route(/\/_app\/immutable\/entry\//, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await web.page.goto(`${webUrl()}/sign-in`);
    await web.page.getByLabel('Email address').fill('someone@example.org');
    await web.page.waitForLoadState('networkidle');
    expect(await web.page.getByLabel('Email address').inputValue()).toBe('someone@example.org');

    // The catalogue's filters: a text input, selects and a checkbox.
    await web.page.goto(`${webUrl()}/courses`);
    await web.page.getByLabel('Search').fill('neglect');
    await web.page.getByLabel('Level').selectOption('2');
    await web.page.getByLabel('Only courses with places on a coming date').check();
    await web.page.waitForLoadState('networkidle');
    expect({
      search: await web.page.getByLabel('Search').inputValue(),
      level: await web.page.getByLabel('Level').inputValue(),
      places: await web.page.getByLabel('Only courses with places on a coming date').isChecked(),
    }).toEqual({ search: 'neglect', level: '2', places: true });
  });

  describe('text resized to 200 % at desktop width', () => {
    it.each([
      ['catalogue', '/courses'],
      ['sign-in', '/sign-in'],
      ['help', '/help'],
      ['help-practitioner', '/help/practitioner'],
    ])('%s: nothing scrolls sideways or is cut off', async (name, path) => {
      await web.page.goto(`${webUrl()}${path}`);
      const before = await web.page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('h1')!).fontSize));
      // (through the CSSOM: the pages' Content Security Policy refuses an added <style> element)
      await web.page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
      const after = await web.page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('h1')!).fontSize));
      expect(after).toBeGreaterThanOrEqual(before * 1.9);
      const result = await web.page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const clipped: string[] = [];
        for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
          const r = el.getBoundingClientRect();
          if (r.width <= 1 || r.height <= 1 || ['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(el.tagName)) {
            continue;
          } // visually hidden, or a form control
          const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
          const cs = getComputedStyle(el);
          const hides = (v: string) => v === 'hidden' || v === 'clip';
          const cuts =
            (hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) || (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1);
          if ((cuts && el.textContent?.trim()) || (hasText && r.right > width + 1)) {
            clipped.push(`${el.tagName.toLowerCase()}.${el.className}: "${el.textContent?.trim().slice(0, 30)}"`);
          }
        }
        return { scrollWidth: document.documentElement.scrollWidth, width, clipped };
      });
      expect(result.scrollWidth).toBeLessThanOrEqual(result.width);
      expect(result.clipped).toEqual([]);
      await screenshot(web.page, `text-200-${name}-desktop`);
    });
  });

  describe('error summary after a failed sign-in', () => {
    async function submitEmpty(p: Page): Promise<void> {
      await p.goto(`${webUrl()}/sign-in`);
      await p.getByRole('button', { name: 'Sign in', exact: true }).click();
      await p.waitForSelector('.govuk-error-summary');
    }
    async function summaryShape(p: Page) {
      return p.evaluate(() => {
        const summary = document.querySelector('.govuk-error-summary')!;
        const h1 = document.querySelector('h1')!;
        const links = Array.from(summary.querySelectorAll('a')).map((a) => {
          const id = a.getAttribute('href')!.slice(1);
          const field = document.getElementById(id);
          return {
            text: a.textContent?.trim(),
            field: id,
            fieldExists: !!field,
            fieldMessage: document.getElementById(`${id}-error`)?.textContent?.replace(/\s+/g, ' ').trim(),
            describedBy: field?.getAttribute('aria-describedby')?.split(' ').includes(`${id}-error`),
            invalid: field?.getAttribute('aria-invalid'),
          };
        });
        return {
          beforeHeading: !!(summary.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING),
          alert: !!summary.querySelector('[role="alert"]'),
          links,
        };
      });
    }
    const expected = {
      beforeHeading: true,
      alert: true,
      links: [
        {
          text: 'Enter your email address',
          field: 'email',
          fieldExists: true,
          fieldMessage: 'Error: Enter your email address',
          describedBy: true,
          invalid: 'true',
        },
        {
          text: 'Enter your password',
          field: 'password',
          fieldExists: true,
          fieldMessage: 'Error: Enter your password',
          describedBy: true,
          invalid: 'true',
        },
      ],
    };

    it('with JavaScript: focus moves to the summary, whose links lead to the fields', async () => {
      await submitEmpty(web.page);
      expect(await web.page.title()).toMatch(/^Error: Sign in/);
      expect(await web.page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
      expect(await summaryShape(web.page)).toEqual(expected);
      await web.page.keyboard.press('Tab');
      expect(await web.page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#email');
      await web.page.keyboard.press('Enter');
      await web.page.waitForFunction(() => document.activeElement?.id === 'email');
      await expectAccessible('sign-in with empty fields');
      await screenshot(web.page, 'sign-in-empty-desktop');
    });

    it('without JavaScript: the summary is at the top with links to each field', async () => {
      const noJs = await web.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
      const p = await noJs.newPage();
      try {
        await submitEmpty(p);
        expect(await p.title()).toMatch(/^Error: Sign in/);
        expect(await summaryShape(p)).toEqual(expected);
        await screenshot(p, 'sign-in-empty-no-javascript-phone');
      } finally {
        await noJs.close();
      }
    });
  });
});
