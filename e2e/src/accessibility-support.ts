// Shared by the accessibility specs (accessibility-crawl and accessibility-journeys): the roles and help pages,
// what every page's structure must be, and someone using only the keyboard, whose focus is checked at every Tab stop.
import type { Page } from 'playwright-core';
import { axe, demo, demoEmail, DESKTOP, PHONE, screenshot, webUrl } from './support';

export const ROLES = ['Practitioner', 'Trainer', 'Coordinator', 'Reviewer'] as const;
export const HELP_PAGES = [
  ['help', '/help'],
  ['help-practitioner', '/help/practitioner'],
  ['help-trainer', '/help/trainer'],
  ['help-coordinator', '/help/coordinator'],
  ['help-reviewer', '/help/reviewer'],
] as const;

/** What every page must have: one h1, a main landmark, a working skip link first, the language, a title. */
export async function structureProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.lang !== 'en-GB') {
      problems.push(`lang is "${document.documentElement.lang}"`);
    }
    const h1 = document.querySelectorAll('h1').length;
    if (h1 !== 1) {
      problems.push(`${h1} h1 elements`);
    }
    const mains = document.querySelectorAll('main, [role="main"]');
    if (mains.length !== 1) {
      problems.push(`${mains.length} main landmarks`);
    }
    if (mains[0]?.id !== 'main-content') {
      problems.push('main is not #main-content');
    }
    const focusable = document.querySelector<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
    if (!focusable?.matches('a.govuk-skip-link[href="#main-content"]')) {
      problems.push('the first focusable element is not the skip link');
    }
    if (!/ – Learning Hub$/.test(document.title)) {
      problems.push(`title "${document.title}"`);
    }
    return problems;
  });
}

/** Path with ids replaced, so the crawler visits one page of each kind. */
export const shapeOf = (path: string): string =>
  path
    .split(/[?#]/)[0]
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/\/\d+(?=\/|$)/g, '/:n');

interface FocusReport {
  tag: string;
  name: string;
  visible: boolean;
  indicator: string[];
}

/** The focused element: is it on screen, and what changes visibly when it has focus (outline, shadow, background)? */
async function focused(page: Page): Promise<FocusReport | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) {
      return null;
    }
    // GOV.UK radios and checkboxes hide the real input and draw it (and its focus ring) with the label's ::before.
    const drawn = el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type) && el.labels?.[0];
    const target: Element = drawn || el;
    const pseudo = drawn ? '::before' : null;
    const look = () => {
      const cs = getComputedStyle(target, pseudo);
      return {
        outline:
          cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) === 0
            ? 'none'
            : `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
        boxShadow: cs.boxShadow,
        background: cs.backgroundColor,
        border: cs.borderColor,
      };
    };
    const transparent = (v: string) => /rgba\(\d+, \d+, \d+, 0\)|transparent|#0000/.test(v);
    const on = look();
    const r = target.getBoundingClientRect();
    const cs = getComputedStyle(target);
    // A focused textarea is scrolled only as far as its caret: its top (with the focus ring and the first line) must be on screen,
    // not all of it.
    const bottom = el instanceof HTMLTextAreaElement ? r.top + Math.min(r.height, 20) : r.bottom;
    const visible =
      r.width > 1 &&
      r.height > 1 &&
      r.top >= 0 &&
      r.left >= 0 &&
      bottom <= window.innerHeight &&
      r.right <= window.innerWidth &&
      cs.visibility !== 'hidden' &&
      Number(cs.opacity) > 0;
    el.blur();
    const off = look();
    el.focus();
    const indicator: string[] = [];
    if (on.outline !== off.outline && on.outline !== 'none' && !transparent(on.outline)) {
      indicator.push(`outline ${on.outline}`);
    }
    if (on.boxShadow !== off.boxShadow && on.boxShadow !== 'none') {
      indicator.push(`box-shadow ${on.boxShadow}`);
    }
    if (on.background !== off.background && !transparent(on.background)) {
      indicator.push(`background ${on.background}`);
    }
    if (on.border !== off.border) {
      indicator.push(`border ${on.border}`);
    }
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) || el.id;
    return { tag: el.tagName.toLowerCase(), name, visible, indicator };
  });
}

/** What the focused element must match: a selector, optionally its text, and hrefs to pass over. */
interface Wanted {
  selector: string;
  text?: RegExp;
  notHref?: string[];
}

/**
 * Someone using only the keyboard. Every Tab stop is checked: the focused element must be on screen and
 * look different from when it is not focused; problems are collected in `problems`.
 */
export function keyboardUser(page: Page) {
  const problems: string[] = [];
  async function check(): Promise<FocusReport> {
    const f = await focused(page);
    if (!f) {
      throw new Error('nothing has focus');
    }
    if (!f.visible) {
      problems.push(`${f.tag} "${f.name}" is off screen or hidden while focused`);
    }
    if (!f.indicator.length) {
      problems.push(`${f.tag} "${f.name}" shows no focus indicator`);
    }
    return f;
  }
  const matches = (w: Wanted) =>
    page.evaluate(
      ({ selector, text, notHref }) => {
        const el = document.activeElement;
        if (!el?.matches(selector)) {
          return false;
        }
        if (text && !new RegExp(text).test(el.textContent ?? '')) {
          return false;
        }
        return !notHref?.includes(el.getAttribute('href') ?? '');
      },
      { selector: w.selector, text: w.text?.source, notHref: w.notHref },
    );
  const active = (selector: string) => matches({ selector });
  /**
   * Presses Tab (or Shift+Tab), checking each stop, until the focused element is the one wanted: true; or
   * until it reaches `stop` (or `max` presses) without finding it: false.
   */
  async function find(
    wanted: Wanted | string,
    { stop, backwards = false, max = 120 }: { stop?: string; backwards?: boolean; max?: number } = {},
  ) {
    const w = typeof wanted === 'string' ? { selector: wanted } : wanted;
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      await check();
      if (await matches(w)) {
        return true;
      }
      if (stop && (await active(stop))) {
        return false;
      }
    }
    return false;
  }
  /** Presses Tab (checking each stop) until the focused element is the one wanted. */
  async function tabTo(wanted: Wanted | string, max = 40): Promise<void> {
    if (!(await find(wanted, { max }))) {
      throw new Error(`${JSON.stringify(wanted)} not reached with ${max} presses of Tab`);
    }
  }
  /**
   * Tabs to the element wanted, forwards or (with Shift+Tab) backwards, whichever way it lies from the focus:
   * for example to a back link from the bottom of a page.
   */
  async function reach(wanted: Wanted | string, max = 200): Promise<void> {
    const w = typeof wanted === 'string' ? { selector: wanted } : wanted;
    const backwards = await page.evaluate((selector) => {
      const target = document.querySelector(selector);
      const el = document.activeElement;
      if (!target || !el || el === document.body) {
        return false;
      }
      return !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, w.selector);
    if (!(await find(w, { backwards, max }))) {
      throw new Error(`${JSON.stringify(wanted)} not reached with ${max} presses`);
    }
  }
  return { problems, check, active, find, tabTo, reach };
}

/** From any page: the header's "Sign in" link, then the form, as the demo practitioner; ends on the catalogue. */
export async function signInByKeyboard(page: Page, { tabTo, active, check }: ReturnType<typeof keyboardUser>): Promise<void> {
  await tabTo('a[href="/sign-in"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${webUrl()}/sign-in`);
  await tabTo('#email');
  await page.keyboard.type(demoEmail('Practitioner'));
  await page.keyboard.press('Tab');
  expect(await active('#password')).toBe(true);
  await check();
  await page.keyboard.type(demo.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${webUrl()}/courses`);
  expect(await page.locator('header').innerText()).toMatch(/Signed in as\s+Priya Shah/);
}

/** axe finds nothing wrong with the page; `name` says which page it was when it does. */
export async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  const violations = await axe(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

/**
 * The page at phone and then desktop width: nothing wider than the screen, no axe violations, and a screenshot
 * of each (`${shot}-phone`, `${shot}-desktop`) to look at. Leaves the page at desktop width.
 */
export async function expectAccessibleAtBothWidths(page: Page, name: string, shot = name.replace(/\W+/g, '-')): Promise<void> {
  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    expect({
      page: `${name} (${width})`,
      scrollWidth: (await page.evaluate(() => document.documentElement.scrollWidth)) <= viewport.width,
    }).toEqual({
      page: `${name} (${width})`,
      scrollWidth: true,
    });
    await expectNoAxeViolations(page, `${name} (${width})`);
    await screenshot(page, `${shot}-${width}`);
  }
}

/** Every link of the error summary goes to an element on the page. */
export async function expectErrorLinksOnPage(page: Page): Promise<void> {
  const targets = await page.locator('.govuk-error-summary a').evaluateAll((links) =>
    links.map((a) => {
      const id = (a.getAttribute('href') ?? '').replace(/^#/, '');
      return { id, exists: !!id && !!document.getElementById(id) };
    }),
  );
  expect(targets.length).toBeGreaterThan(0);
  expect(targets.filter((t) => !t.exists)).toEqual([]);
}
