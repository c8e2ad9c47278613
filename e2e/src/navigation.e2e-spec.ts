// The menu on every page (issue: on a phone it never folded, and a coordinator saw nine links before any content),
// the coordinators' "Manage" landing page, and the partnership's name and contact details in the header and footer.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PartnershipDocument, type PartnershipQuery } from '@lh/graphql-client';
import { api, ARTIFACTS, axe, DESKTOP, PHONE, webUrl } from './support';
import { signInAs, useBrowser } from './browser';

jest.setTimeout(60_000);

/** What the screen shows (not the whole page): the header and the menu are what matter here. */
async function screenshotOfScreen(page: Page, name: string): Promise<void> {
  const dir = path.join(ARTIFACTS, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** The menu as a person sees it: the button's state and which links show. */
async function menuState(page: Page) {
  return page.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>('nav[aria-label="Menu"] button');
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Menu"] a'));
    return {
      button: button && shown(button) ? { text: button.textContent?.trim(), expanded: button.getAttribute('aria-expanded') } : null,
      controls: button?.getAttribute('aria-controls') ?? null,
      links: links.filter(shown).map((a) => a.textContent?.trim()),
      current: links.filter((a) => a.hasAttribute('aria-current')).map((a) => [a.textContent?.trim(), a.getAttribute('aria-current')]),
      rows: new Set(links.filter(shown).map((a) => Math.round(a.getBoundingClientRect().top))).size,
    };
  });
}

/** Waits for the menu's script to start: it marks the button expanded or not (narrow) or hides it (wide). */
async function menuStarted(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const button = document.querySelector('nav[aria-label="Menu"] button');
    return button?.hasAttribute('aria-expanded') || button?.hasAttribute('aria-hidden');
  });
}

const MENU = {
  Coordinator: ['Find a course', 'Your bookings', 'Manage', 'Your account', 'Help'],
  Practitioner: ['Find a course', 'Your bookings', 'Mandatory training', 'Your account', 'Help'],
} as const;

describe('navigation', () => {
  const web = useBrowser();
  let partnership: PartnershipQuery['partnership'];

  beforeAll(async () => {
    partnership = (await api()(PartnershipDocument, {})).data.partnership;
  });

  async function expectAccessible(name: string): Promise<void> {
    expect({ page: name, violations: await axe(web.page) }).toEqual({ page: name, violations: [] });
  }

  describe.each(['Coordinator', 'Practitioner'] as const)('as a %s', (role) => {
    it('on a phone: the menu is folded behind a "Menu" button that opens and closes it', async () => {
      await web.page.setViewportSize(PHONE);
      await signInAs(web.page, role);
      await menuStarted(web.page);
      const folded = await menuState(web.page);
      expect(folded).toEqual({
        button: { text: 'Menu', expanded: 'false' },
        controls: 'navigation',
        links: [],
        current: [['Find a course', 'page']],
        rows: 0,
      });
      await expectAccessible(`menu folded (${role}, phone)`);
      await screenshotOfScreen(web.page, `menu-${role.toLowerCase()}-phone-folded`);

      await web.page.getByRole('button', { name: 'Menu' }).click();
      const open = await menuState(web.page);
      expect(open.button).toEqual({ text: 'Menu', expanded: 'true' });
      expect(open.links).toEqual(MENU[role]);
      await expectAccessible(`menu open (${role}, phone)`);
      await screenshotOfScreen(web.page, `menu-${role.toLowerCase()}-phone-open`);

      // Following a link in the open menu folds it again on the new page.
      await web.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Help' }).click();
      await web.page.waitForURL(`${webUrl()}/help`);
      await web.page.waitForFunction(
        () => document.querySelector('nav[aria-label="Menu"] button')?.getAttribute('aria-expanded') === 'false',
      );
      expect((await menuState(web.page)).links).toEqual([]);

      await web.page.getByRole('button', { name: 'Menu' }).click();
      await web.page.getByRole('button', { name: 'Menu' }).click();
      expect((await menuState(web.page)).button).toEqual({ text: 'Menu', expanded: 'false' });
    });

    it('on a desktop: every entry in one row, and no "Menu" button', async () => {
      await signInAs(web.page, role);
      await menuStarted(web.page);
      const state = await menuState(web.page);
      expect(state).toEqual({
        button: null,
        controls: 'navigation',
        links: [...MENU[role]],
        current: [['Find a course', 'page']],
        rows: 1,
      });
      await screenshotOfScreen(web.page, `menu-${role.toLowerCase()}-desktop`);
    });
  });

  it('on a phone with only the keyboard: Tab to "Menu", Enter opens it, Tab reaches its first link', async () => {
    await web.page.setViewportSize(PHONE);
    await signInAs(web.page, 'Coordinator');
    await menuStarted(web.page);
    await web.page.locator('nav[aria-label="Menu"] button').focus();
    await web.page.keyboard.press('Enter');
    expect((await menuState(web.page)).button?.expanded).toBe('true');
    await web.page.keyboard.press('Tab');
    expect(await web.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Find a course');
    await web.page.keyboard.press('Shift+Tab');
    await web.page.keyboard.press('Space');
    expect((await menuState(web.page)).button?.expanded).toBe('false');
  });

  it('without JavaScript: no button, and the few links show in full', async () => {
    const noJs = await web.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const p = await noJs.newPage();
    try {
      await signInAs(p, 'Coordinator');
      expect(await menuState(p)).toMatchObject({ button: null, links: [...MENU.Coordinator] });
      await screenshotOfScreen(p, 'menu-coordinator-phone-no-javascript');
      await p.getByRole('link', { name: 'Manage' }).click();
      await p.waitForURL(`${webUrl()}/manage`);
    } finally {
      await noJs.close();
    }
  });

  it('Manage lists what a coordinator manages, and marks where they are', async () => {
    await signInAs(web.page, 'Coordinator');
    await web.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Manage' }).click();
    await web.page.waitForURL(`${webUrl()}/manage`);
    expect(await web.page.locator('h1').innerText()).toBe('Manage');
    expect(await web.page.title()).toBe('Manage – Learning Hub');
    expect((await menuState(web.page)).current).toEqual([['Manage', 'page']]);
    const sections = await web.page
      .locator('main h2 a')
      .evaluateAll((as) => as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
    expect(sections).toEqual([
      ['Sessions', '/manage/sessions'],
      ['Waiting for the training team', '/manage/queue'],
      ['Courses', '/manage/courses'],
      ['Venues', '/manage/venues'],
      ['People', '/manage/people'],
      ['Requests', '/manage/requests'],
      ['Agencies', '/manage/agencies'],
      ['Non-attendance', '/manage/non-attendance'],
      ['Surveys', '/manage/surveys'],
      ['Survey results', '/manage/surveys/results'],
      ['Learning done elsewhere', '/manage/external-learning'],
      ['E-learning completions', '/manage/e-learning'],
      ['Mail log', '/manage/mail'],
      ['Mandatory training', '/manage/mandatory-training'],
      ['Compliance', '/manage/compliance'],
      ['Reports', '/manage/reports/dashboard'],
      ['Audit log', '/manage/audit'],
      ['Data retention', '/manage/retention'],
    ]);
    expect(await web.page.locator('main li p').count()).toBe(sections.length);
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await web.page.setViewportSize(viewport);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectAccessible(`manage (${width})`);
      await screenshotOfScreen(web.page, `manage-${width}`);
    }

    await web.page.getByRole('link', { name: 'Venues', exact: true }).click();
    await web.page.waitForURL(`${webUrl()}/manage/venues`);
    expect((await menuState(web.page)).current).toEqual([['Manage', 'true']]);
  });

  it('Manage is for coordinators only', async () => {
    const res = await web.page.goto(`${webUrl()}/manage`);
    expect(web.page.url()).toBe(`${webUrl()}/sign-in?next=%2Fmanage`);
    expect(res?.ok()).toBe(true);
    await signInAs(web.page, 'Practitioner');
    expect(await web.page.getByRole('link', { name: 'Manage' }).count()).toBe(0);
    expect((await web.page.goto(`${webUrl()}/manage`))?.status()).toBe(403);
  });

  it("shows the partnership's name in the header and the training team's contact details in the footer, help and accessibility statement", async () => {
    expect(partnership.contactEmail).toMatch(/@/);
    for (const pagePath of ['/', '/courses', '/help', '/accessibility']) {
      await web.page.goto(`${webUrl()}${pagePath}`);
      expect(await web.page.locator('header').innerText()).toContain(partnership.name);
      const footer = web.page.locator('footer');
      expect(await footer.getByRole('link', { name: partnership.contactEmail }).getAttribute('href')).toBe(
        `mailto:${partnership.contactEmail}`,
      );
      expect(await footer.getByRole('link', { name: partnership.contactPhone }).getAttribute('href')).toBe(
        `tel:${partnership.contactPhone.replace(/\D/g, '')}`,
      );
    }
    for (const pagePath of ['/help', '/help/practitioner', '/accessibility']) {
      await web.page.goto(`${webUrl()}${pagePath}`);
      const main = web.page.locator('main');
      expect({ pagePath, email: await main.getByRole('link', { name: partnership.contactEmail }).count() }).not.toEqual({
        pagePath,
        email: 0,
      });
      expect(await main.innerText()).toContain(partnership.contactPhone);
    }
    expect(await web.page.locator('main').innerText()).toContain(`Learning Hub is run by the ${partnership.name}.`);
  });
});
