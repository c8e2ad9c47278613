// Accessibility of the whole service in a real browser (issue 5), page by page: axe and the page structure on every
// page of every role, at phone and desktop width, and on the help and error pages. The journeys are in accessibility-journeys.
import { axe, demo, DESKTOP, demoEmail, PHONE, screenshot, webUrl } from './support';
import { useBrowser } from './browser';
import { expectNoAxeViolations, HELP_PAGES, ROLES, shapeOf, structureProblems } from './accessibility-support';

// Pages are slow to sign in to when the machine is busy (argon2): allow for it.
jest.setTimeout(60_000);

describe('accessibility', () => {
  const web = useBrowser();

  const expectAccessible = (name: string): Promise<void> => expectNoAxeViolations(web.page, name);

  async function signInAs(role: string): Promise<void> {
    await web.page.goto(`${webUrl()}/sign-in`, { waitUntil: 'networkidle' });
    await web.page.getByLabel('Email address').fill(demoEmail(role));
    await web.page.getByLabel('Password').fill(demo.password);
    await web.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await web.page.waitForURL(`${webUrl()}/courses`, { timeout: 60_000 });
  }

  describe.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('help pages at %s width', (width, viewport) => {
    it.each(HELP_PAGES)('%s', async (name, path) => {
      await web.page.setViewportSize(viewport);
      await web.page.goto(`${webUrl()}${path}`);
      expect(await structureProblems(web.page)).toEqual([]);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectAccessible(`${name} (${width})`);
      await screenshot(web.page, `${name}-${width}`);
    });
  });

  it.each(ROLES)(
    'help points a signed-in %s to the help for their role',
    async (role) => {
      await signInAs(role);
      await web.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Help' }).click();
      await web.page.waitForURL(`${webUrl()}/help`);
      await web.page
        .locator('.govuk-inset-text')
        .getByRole('link', { name: `Help for ${role.toLowerCase()}s` })
        .click();
      await web.page.waitForURL(`${webUrl()}/help/${role.toLowerCase()}`);
      // In the Help section, not on its page: aria-current="true" (GOV.UK service navigation).
      expect(await web.page.locator('nav [aria-current="true"]').innerText()).toBe('Help');
      await expectAccessible(`help for ${role} signed in`);
    },
    90_000,
  );

  // Every page each role can reach by following links from the home page: the same structure, and no axe violations,
  // at phone and at desktop width. One crawl per role (one sign-in, one visit of each page) checks each page at both.
  const everyone: [string, string | null][] = [['signed out', null], ...ROLES.map((r): [string, string | null] => [r, r])];
  const widths = [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const;

  /** What is wrong with the page as it is now, at its current width. */
  async function pageProblems(): Promise<string[]> {
    const found = await structureProblems(web.page);
    const tooWide = await web.page.evaluate(() => {
      if (document.documentElement.scrollWidth <= window.innerWidth) {
        return null;
      }
      // Name the outermost elements that stick out, so the message says what to fix.
      const out = Array.from(document.body.querySelectorAll<HTMLElement>('*')).filter(
        (el) =>
          el.getBoundingClientRect().right > window.innerWidth + 1 &&
          el.parentElement!.getBoundingClientRect().right <= window.innerWidth + 1,
      );
      return out
        .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''}`)
        .slice(0, 3);
    });
    if (tooWide) {
      found.push(`wider than the screen: ${tooWide.join(', ')}`);
    }
    found.push(...(await axe(web.page)).map((v) => `axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`));
    return found;
  }

  it.each(everyone)(
    'every page reachable when %s, at phone and desktop width',
    async (who, role) => {
      if (role) {
        await signInAs(role);
      }
      const queue: { path: string; depth: number }[] = [{ path: '/', depth: 0 }];
      const seen = new Set<string>();
      const problems: { page: string; width: string; problems: string[] }[] = [];
      const visited: string[] = [];
      while (queue.length && visited.length < 60) {
        const { path, depth } = queue.shift()!;
        const shape = shapeOf(path);
        if (seen.has(shape)) {
          continue;
        }
        seen.add(shape);
        // each page is loaded at phone width (the narrow layout as a phone first draws it), then widened to desktop
        await web.page.setViewportSize(PHONE);
        const response = await web.page.goto(`${webUrl()}${path}`).catch((e: Error) => {
          if (/Download is starting/.test(e.message)) {
            return null;
          } // an export or a calendar file
          throw e;
        });
        if (!response?.headers()['content-type']?.includes('text/html')) {
          continue;
        }
        visited.push(path);
        for (const [width, viewport] of widths) {
          await web.page.setViewportSize(viewport);
          const found = await pageProblems();
          // the help for other roles links to their pages: the refusal page is checked like any page, and who is
          // refused where is the access table's (e2e/src/access-matrix.e2e-spec.ts)
          if (!response.ok() && response.status() !== 403) {
            found.push(`status ${response.status()}`);
          }
          if (found.length) {
            problems.push({ page: path, width, problems: found });
          }
        }
        if (depth >= 3) {
          continue;
        }
        const links = await web.page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
        for (const href of links) {
          // signing out ends the crawl's session; single sign-on leaves for the organisation's own sign-in page
          if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/sign-out') || href.startsWith('/sign-in/sso')) {
            continue;
          }
          queue.push({ path: href.split('#')[0], depth: depth + 1 });
        }
      }
      expect(visited.length).toBeGreaterThanOrEqual(6);
      expect({ who, problems }).toEqual({ who, problems: [] });
    },
    240_000,
  );

  it.each([
    ['page not found', '/no-such-page'],
    ['catalogue with an invalid filter', '/courses?level=7'],
  ])('error page: %s', async (name, path) => {
    await web.page.goto(`${webUrl()}${path}`);
    expect(await structureProblems(web.page)).toEqual([]);
    await expectAccessible(name);
  });
});
