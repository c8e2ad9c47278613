import {
  CreateCourseDocument,
  PriorityAreasDocument,
  RemoveTrainerDocument,
  SessionAdminDocument,
  SignInDocument,
  createApiClient,
  type CreateCourseInput,
} from '@lh/graphql-client';
import type { Page } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const webUrl = (): string => must('E2E_WEB_URL');
export const apiUrl = (): string => must('E2E_API_URL');

function must(name: string): string {
  const v = process.env[name];
  if (!v) {
    throw new Error(`${name} is not set: run e2e tests through jest --selectProjects e2e`);
  }
  return v;
}

export const demo = JSON.parse(readFileSync(path.resolve(__dirname, '../../api/src/seed/demo-accounts.json'), 'utf8')) as {
  password: string;
  accounts: { role: string; email: string }[];
};
export const demoEmail = (role: string): string => demo.accounts.find((a) => a.role === role)!.email;

/** The typed client generated from the committed schema, pointed at the running API. */
export const api = () => createApiClient(`${apiUrl()}/graphql`);

/** The API session cookie of a demo account (`lh_session=...`), for setting things up through GraphQL. */
export async function apiCookie(role: string): Promise<string> {
  const { setCookies } = await api()(SignInDocument, { input: { email: demoEmail(role), password: demo.password } });
  return setCookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('lh_session='))!;
}

/**
 * A published virtual course of two hours, open to everyone, made through the API as the coordinator
 * `cookie`, in the first priority area; `over` changes what a journey needs. Returns its id.
 */
export async function publishedCourse(cookie: string, over: Partial<CreateCourseInput> & { title: string }): Promise<string> {
  const { priorityAreas } = (await api()(PriorityAreasDocument, {}, { cookie })).data;
  const input: CreateCourseInput = {
    summary: 'A course made by a browser journey.',
    learningOutcomes: ['Know more'],
    priorityAreaId: priorityAreas[0]!.id,
    level: 1,
    format: 'VIRTUAL',
    durationMinutes: 120,
    requiresApproval: false,
    audienceAgencyIds: [],
    audienceSectors: [],
    audienceRoles: [],
    cancellationCutoffWorkingDays: 5,
    attendanceRule: 'ALL_PARTS',
    ...over,
  };
  return (await api()(CreateCourseDocument, { input, publishNow: true }, { cookie })).data.createCourse.id;
}

/**
 * Takes the demo trainer off these sessions again. Register journeys give the demo trainer sessions starting in
 * the next few minutes (so their registers are open); a trainer cannot train two sessions at once, so each spec
 * frees the time for the next one when it ends.
 */
export async function releaseDemoTrainer(coordinatorCookie: string, sessionIds: readonly string[]): Promise<void> {
  for (const id of sessionIds) {
    const { sessionAdmin } = (await api()(SessionAdminDocument, { id }, { cookie: coordinatorCookie })).data;
    for (const t of sessionAdmin.trainers.filter((x) => x.email === demoEmail('Trainer'))) {
      await api()(RemoveTrainerDocument, { sessionId: id, personId: t.id }, { cookie: coordinatorCookie });
    }
  }
}

/** The cells of the body rows of the table with this caption, as text. */
export const tableRows = (page: Page, caption: RegExp) =>
  page
    .locator('table', { has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())));

export const ARTIFACTS = path.resolve(__dirname, '../artifacts');

export const PHONE = { width: 320, height: 720 };
export const DESKTOP = { width: 1280, height: 900 };

/** Saves a full-page screenshot under e2e/artifacts/screenshots (not committed) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(ARTIFACTS, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.0-2.2 A and AA rules) in the page; returns the violations. It is evaluated through
 * the DevTools protocol, not added as a script tag, which the pages' Content Security Policy refuses.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // once per document: checking the same page again (at another width) reuses the axe already in it
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function'))) {
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    // let resize observers and the re-render they cause run first: straight after a resize to phone width, a table
    // becomes a focusable scroll region only once its observer has seen it overflow
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } };
    const result = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Signs in through the real form. */
export async function signIn(page: Page, email: string, password = demo.password): Promise<void> {
  await page.goto(`${webUrl()}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

type CaughtMail = { subject: string; text: string; html: string };

/** The header block of each caught file already read (lower case), and the mails already parsed: each file is read once. */
const caughtHeaders = new Map<string, string>();
const caughtMails = new Map<string, { recipients: string[]; mail: CaughtMail }>();

/**
 * Waits for a mail caught by the local SMTP catcher, to `to`, whose subject matches; returns it parsed. The
 * outbox may be delivering hundreds of mails first (a large register's sign-off), so it waits up to 3 minutes.
 * The catcher holds thousands of mails late in a run (certificates with PDFs), so only files whose headers name
 * the address are parsed, and each only once.
 */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 180_000): Promise<CaughtMail> {
  const { simpleParser } = await import('mailparser');
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) {
    throw new Error('E2E_MAIL_DIR is not set');
  }
  const address = to.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
      const path = `${dir}/${file}`;
      let headers = caughtHeaders.get(path);
      if (headers === undefined) {
        const raw = readFileSync(path, 'latin1');
        const end = raw.search(/\r?\n\r?\n/);
        headers = (end < 0 ? raw : raw.slice(0, end)).toLowerCase();
        caughtHeaders.set(path, headers);
      }
      if (!headers.includes(address)) {
        continue;
      }
      let caught = caughtMails.get(path);
      if (!caught) {
        const mail = await simpleParser(readFileSync(path));
        const recipients = [mail.to]
          .flat()
          .flatMap((a) => a?.value ?? [])
          .map((v) => v.address?.toLowerCase() ?? '');
        caught = {
          recipients,
          mail: { subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' },
        };
        caughtMails.set(path, caught);
      }
      if (caught.recipients.includes(address) && subject.test(caught.mail.subject)) {
        return caught.mail;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const { outboxFor } = await import('./e2e-database');
  const outbox = await outboxFor(to).catch((e: unknown) => `(the outbox could not be read: ${String(e)})`);
  throw new Error(`No mail to ${to} matching ${subject} arrived within ${timeoutMs / 1000}s. ${outbox}`);
}
