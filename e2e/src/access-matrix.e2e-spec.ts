// Every page of the web app, opened as each of the nine personas of the access table (signed out, A the owner of
// the target data, another practitioner, the session's trainer, another trainer, A's agency lead, another agency's
// lead, a reviewer, a coordinator) with A's ids in the address: the answer must match PAGE_ACCESS. Plain HTTP
// with each persona's session cookie, no browser: what matters is who is let in, not how the page looks.
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  AddPersonToSessionDocument,
  AgencyListDocument,
  AssignTrainerDocument,
  CancelSessionDocument,
  CoursesDocument,
  CreateSessionDocument,
  CreateVenueDocument,
  SessionAdminDocument,
  SignInDocument,
} from '@lh/graphql-client';
import { londonParts } from '@lh/domain';
import { PERSONAS, type Persona } from '../../api/src/common/access-matrix';
import { PAGE_ACCESS, pageCellsOf, type PageOutcome } from '../../api/src/common/access-pages';
import { api, apiCookie, apiUrl, webUrl } from './support';

jest.setTimeout(240_000);

const ROUTES = path.resolve(__dirname, '../../web/src/routes');
const NOWHERE = '3f2a9c1e-0b7d-4c1a-9e2f-6a5b4c3d2e1f';

/** Every page route of the web app: the folders under web/src/routes with a +page.svelte. */
function pageRoutes(dir = ROUTES, route = ''): string[] {
  const here = existsSync(path.join(dir, '+page.svelte')) ? [route || '/'] : [];
  const below = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => pageRoutes(path.join(dir, d.name), /^\(.*\)$/.test(d.name) ? route : `${route}/${d.name}`));
  return [...here, ...below].sort();
}

/** A person of our own with a password, straight into the e2e database (as the sign-in journeys make theirs). */
async function aPersonWith(
  name: string,
  roles: string[],
  agencyId: string | null,
): Promise<{ id: string; email: string; password: string }> {
  const id = randomUUID();
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@access.example.org`;
  const password = `pw ${randomBytes(6).toString('hex')}`;
  const db = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `insert into person (id, name, email, status, email_verified_at, roles, password_hash, agency_id)
       values ($1, $2, $3, 'ACTIVE', now(), $4::person_role[], $5, $6)`,
      [id, name, email, `{${roles.join(',')}}`, await argon2.hash(password, { type: argon2.argon2id }), agencyId],
    );
  } finally {
    await db.end();
  }
  return { id, email, password };
}

/** Waits (up to 30 s) until the API answers its health check; says what the last failure was if it never does. */
async function apiAnswers(): Promise<void> {
  let last: unknown;
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`${apiUrl()}/health`)).ok) {
        return;
      }
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The API at ${apiUrl()} did not answer its health check: ${String((last as Error | undefined)?.cause ?? last)}`);
}

describe('who may open every page (the access table, PAGE_ACCESS)', () => {
  const cookies = {} as Record<Persona, string | undefined>;
  const ids: Record<string, string> = {};
  const made: string[] = [];
  let coordinator = '';

  beforeAll(async () => {
    await apiAnswers();
    coordinator = await apiCookie('Coordinator');
    const cookie = coordinator;
    const { agencies } = (await api()(AgencyListDocument, {}, { cookie })).data;
    const [x, y] = [agencies[0]!, agencies[1]!];
    const { courses } = (await api()(CoursesDocument, {}, { cookie })).data;
    const course = courses.find((c) => c.format !== 'E_LEARNING') ?? courses[0]!;
    const stamp = Date.now().toString(36);
    const venue = (
      await api()(
        CreateVenueDocument,
        { input: { name: `Access Hall ${stamp}`, address: 'Market Square, Northbridge NB1 1AA', capacity: 40, rooms: [] } },
        { cookie },
      )
    ).data.createVenue;
    const who: Record<Exclude<Persona, 'out'>, [string, string[], string | null]> = {
      A: ['Ada Target', ['PRACTITIONER'], x.id],
      B: ['Ben Other', ['PRACTITIONER'], x.id],
      T: ['Tariq Trainer', ['PRACTITIONER', 'TRAINER'], y.id],
      U: ['Una Trainer', ['PRACTITIONER', 'TRAINER'], y.id],
      L: ['Lena Lead', ['PRACTITIONER', 'AGENCY_LEAD'], x.id],
      M: ['Marek Lead', ['PRACTITIONER', 'AGENCY_LEAD'], y.id],
      R: ['Rita Reviewer', ['REVIEWER'], null],
      C: ['Cora Coordinator', ['COORDINATOR'], null],
    };
    const emails = {} as Record<Persona, string>;
    for (const p of PERSONAS) {
      if (p === 'out') {
        continue;
      }
      const [name, roles, agencyId] = who[p];
      const person = await aPersonWith(`${name} ${stamp}`, roles, agencyId);
      emails[p] = person.email;
      if (p === 'A') {
        ids.personId = person.id;
      }
      const { setCookies } = await api()(SignInDocument, { input: { email: person.email, password: person.password } });
      cookies[p] = setCookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('lh_session='));
    }
    /** A one-part session `days` ahead, trained by `trainer`. */
    const session = async (days: number, trainer: Persona) => {
      const date = londonParts(new Date(Date.now() + days * 86_400_000)).date;
      const { createSession } = (
        await api()(
          CreateSessionDocument,
          { input: { courseId: course.id, venueId: venue.id, capacity: 10, parts: [{ date, startTime: '10:00', endTime: '13:00' }] } },
          { cookie },
        )
      ).data;
      made.push(createSession.id);
      await api()(AssignTrainerDocument, { input: { sessionId: createSession.id, personEmail: emails[trainer] } }, { cookie });
      return createSession.id;
    };
    ids.sessionId = await session(40, 'T');
    await session(41, 'U');
    const booking = (
      await api()(
        AddPersonToSessionDocument,
        { input: { sessionId: ids.sessionId, personEmail: emails.A, reason: 'Booked by the training team' } },
        { cookie },
      )
    ).data.addPersonToSession;
    const { sessionAdmin } = (await api()(SessionAdminDocument, { id: ids.sessionId }, { cookie })).data;
    Object.assign(ids, {
      bookingId: booking.id,
      partId: sessionAdmin.parts[0]!.id,
      courseId: course.id,
      agencyId: x.id,
      venueId: venue.id,
    });
  });

  afterAll(async () => {
    for (const sessionId of made) {
      await api()(CancelSessionDocument, { input: { sessionId, reason: 'An access table test session' } }, { cookie: coordinator });
    }
  });

  /** The address of a route with A's ids (and tokens and codes that name nothing) filled in. */
  function addressOf(route: string): string {
    const idFor = (prefix: string) =>
      prefix.startsWith('/manage/people') || prefix.startsWith('/records')
        ? ids.personId!
        : prefix.includes('/sessions') || prefix.startsWith('/surveys/for') || prefix.startsWith('/your-sessions')
          ? ids.sessionId!
          : prefix.includes('bookings')
            ? ids.bookingId!
            : prefix.includes('courses')
              ? ids.courseId!
              : prefix.includes('agencies')
                ? ids.agencyId!
                : prefix.includes('venues')
                  ? ids.venueId!
                  : NOWHERE;
    return route.replace(/\[(\w+)\]/g, (_whole: string, name: string, at: number) => {
      switch (name) {
        case 'token':
          return 'not-a-token';
        case 'code':
          return 'NOTACODE';
        case 'partId':
          return ids.partId!;
        case 'bookingId':
          return ids.bookingId!;
        case 'personId':
          return ids.personId!;
        case 'sessionId':
          return ids.sessionId!;
        default:
          return idFor(route.slice(0, at));
      }
    });
  }

  async function open(route: string, persona: Persona): Promise<{ outcome: PageOutcome | 'error'; detail: string }> {
    const res = await fetch(`${webUrl()}${addressOf(route)}`, {
      redirect: 'manual',
      headers: cookies[persona] ? { cookie: cookies[persona] } : {},
    });
    const location = res.headers.get('location') ?? '';
    const detail = `${res.status}${location ? ` to ${location}` : ''}`;
    if (res.status === 200) {
      return { outcome: 'shown', detail };
    }
    if (res.status >= 300 && res.status < 400) {
      return { outcome: location.startsWith('/sign-in?') ? 'sign-in' : 'moved', detail };
    }
    const outcome = res.status === 403 ? 'refused' : res.status === 404 ? 'hidden' : res.status < 500 ? 'invalid' : 'error';
    return { outcome, detail };
  }

  async function observe(route: string) {
    const cells = {} as Record<Persona, { outcome: PageOutcome | 'error'; detail: string }>;
    await Promise.all(PERSONAS.map(async (p) => (cells[p] = await open(route, p))));
    return cells;
  }
  const rowOf = (cells: Record<Persona, { outcome: string }>) =>
    PERSONAS.map((p) => cells[p].outcome.padEnd(7))
      .join(' ')
      .trimEnd();

  it('has a row for every page route, and none for a page that is gone', async () => {
    const routes = pageRoutes();
    const missing = routes.filter((r) => !(r in PAGE_ACCESS));
    const gone = Object.keys(PAGE_ACCESS).filter((r) => !routes.includes(r));
    const suggestions: string[] = [];
    for (const route of missing) {
      suggestions.push(`  '${route}': '${rowOf(await observe(route))}',`);
    }
    const problems = [
      ...(missing.length ? ['No row in PAGE_ACCESS (access-pages.ts) for these; as observed now (check each cell before adding it):'] : []),
      ...suggestions,
      ...(gone.length ? [`Rows in PAGE_ACCESS for pages no longer in web/src/routes: ${gone.join(', ')}`] : []),
    ];
    expect(problems.join('\n')).toBe('');
  });

  it.each(Object.keys(PAGE_ACCESS))('%s', async (route) => {
    const expected = pageCellsOf(PAGE_ACCESS[route]!);
    const cells = await observe(route);
    const changed = PERSONAS.filter((p) => cells[p].outcome !== expected[p]).map(
      (p) => `  ${p}: expected ${expected[p]}, got ${cells[p].outcome} (${cells[p].detail})`,
    );
    expect(
      changed.length ? `${route} (${addressOf(route)}): cells changed\n${changed.join('\n')}\n  observed row: '${rowOf(cells)}'` : '',
    ).toBe('');
  });
});
