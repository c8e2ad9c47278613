import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DESKTOP, demoEmail, signIn, webUrl } from './support';

/** The Chromium a spec file drives, with this test's context and page. */
export interface BrowserSession {
  /** One browser for the whole file: open further contexts on it for a second person or no JavaScript. */
  readonly browser: Browser;
  /** A fresh context at desktop width for each test, closed after it. */
  readonly context: BrowserContext;
  /** The page of `context`. */
  readonly page: Page;
}

/** Launches Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium), never a downloaded build. */
function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Call once at the top of a `describe`: launches Chromium before its tests and closes it after them,
 * and gives each test a new desktop-width context and page (read them from the session inside tests).
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const current = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) {
      throw new Error(`The browser ${name} exists only inside a test (useBrowser)`);
    }
    return value;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    context = await current(browser, 'browser').newContext({ viewport: DESKTOP });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  return {
    get browser() {
      return current(browser, 'browser');
    },
    get context() {
      return current(context, 'context');
    },
    get page() {
      return current(page, 'page');
    },
  };
}

/** Signs in as the demo account with this role through the real form and waits for the course list. */
export async function signInAs(page: Page, role: string): Promise<void> {
  await signIn(page, demoEmail(role));
  await page.waitForURL(`${webUrl()}/courses`);
}
