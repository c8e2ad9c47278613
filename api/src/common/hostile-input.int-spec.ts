import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLInputObjectType,
  GraphQLScalarType,
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { Role } from '@lh/domain';
import { aCourse, aPerson, aPriorityArea, aSession, aVenue, anAgency } from '../../test/builders';
import { harmless as harmlessValue, operationDocument, rootOperations, type Operation } from '../../test/operations';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';

/**
 * Every query and mutation in the schema, with one hostile value at a time in one of its inputs (the
 * other required inputs harmless), as a coordinator and signed out: the answer is always a 4xx-class
 * refusal or an ordinary result, never INTERNAL_SERVER_ERROR or an HTTP 5xx.
 */

const LONG = 'x'.repeat(100_000);
const NUL = 'a\u0000b';
const LONE_SURROGATE = '\uD800';
/** Addresses that would run script when followed: every URL field refuses them, naming the field. */
const SCRIPT_URLS = ['javascript:alert(1)', ' JaVaScRiPt:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>'];
const isUrlLeaf = (leaf: string) => /url$/i.test(leaf);

/** Hostile values for a leaf of each GraphQL type (strings include "wrong types" a String allows). */
function hostileValues(type: string, leaf: string): unknown[] {
  switch (type) {
    case 'String':
      return [
        NUL,
        LONG,
        '9999-12-31',
        '2026-02-30',
        "'; drop table person; --",
        LONE_SURROGATE,
        123,
        { a: 1 },
        '<script>alert(1)</script><img src=x onerror=alert(1)>',
        ...(leaf.toLowerCase().endsWith('email') ? [`${'x'.repeat(70)}@example.org`, 'x@'.repeat(200)] : []),
        ...(isUrlLeaf(leaf) ? SCRIPT_URLS : []),
      ];
    case 'ID':
      return ['abc', NUL, LONG, 123];
    case 'DateTime':
      return ['not a date', '9999-12-31T00:00:00Z', '+275760-09-13T00:00:00Z', '0000-01-01T00:00:00Z', 12];
    case 'Int':
      return [-1, 2_147_483_647, 2 ** 40, 'one'];
    case 'Float':
      return [-1, 1e308, 'one'];
    case 'Boolean':
      return ['yes'];
    default:
      return ['NOT_A_VALUE', NUL, LONG];
  }
}

type Path = (string | number)[];
interface Leaf {
  path: Path;
  type: string;
}

describe('hostile input never causes an internal error', () => {
  let api: TestApi;
  let cookie: string;
  const ids: Record<string, string> = {};
  let email = '';

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.orm.em.fork();
    const agency = await anAgency(em);
    const coordinator = await aPerson(em, { roles: [Role.COORDINATOR, Role.PRACTITIONER, Role.TRAINER], agency });
    const area = await aPriorityArea(em);
    const course = await aCourse(em, { priorityArea: area });
    const venue = await aVenue(em, { rooms: ['Room 1'] });
    const session = await aSession(em, course, { inDays: 40 });
    const other = await aSession(em, course, { inDays: 50 });
    const booking = em.create(Booking, { session, person: coordinator, status: 'CONFIRMED' as never });
    await em.flush();
    cookie = await signInAs(api.url, coordinator);
    email = coordinator.email;
    Object.assign(ids, {
      agencyId: agency.id,
      personId: coordinator.id,
      priorityAreaId: area.id,
      courseId: course.id,
      venueId: venue.id,
      sessionId: session.id,
      toSessionId: other.id,
      bookingId: booking.id,
    });
  });
  afterAll(() => api.close());

  const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  /** A harmless value for a required input, by its GraphQL type and name. */
  const harmless = (type: GraphQLInputType, name: string, parent: string): unknown =>
    harmlessValue(
      {
        ids,
        email,
        idFor: (p) => (p === 'UpdateVenueInput' ? ids.venueId : p === 'UpdateCourseInput' ? ids.courseId : undefined),
      },
      type,
      name,
      parent,
    );

  /** Every scalar or enum leaf reachable from an input type, with its path. */
  function leaves(type: GraphQLInputType, path: Path, depth = 0): Leaf[] {
    const inner = getNullableType(type);
    if (isListType(inner)) {
      return leaves(inner.ofType as GraphQLInputType, [...path, 0], depth);
    }
    const named = getNamedType(type);
    if (named instanceof GraphQLInputObjectType) {
      return depth > 3 ? [] : Object.values(named.getFields()).flatMap((f) => leaves(f.type, [...path, f.name], depth + 1));
    }
    return [{ path, type: named instanceof GraphQLScalarType ? named.name : 'Enum' }];
  }

  /** The variables for one field with one hostile value at `path` (other required inputs harmless). */
  function variablesWith(field: GraphQLField<unknown, unknown>, path: Path, hostile: unknown): Record<string, unknown> {
    const vars: Record<string, unknown> = {};
    for (const arg of field.args) {
      if (isNonNullType(arg.type) || arg.name === path[0]) {
        vars[arg.name] = harmless(arg.type, arg.name, field.name);
      }
    }
    // walk down the path, making harmless containers where they are optional
    let container: Record<string | number, unknown> = vars;
    let type: GraphQLInputType = field.args.find((a) => a.name === path[0])!.type;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i]!;
      const inner = getNullableType(type);
      const nextType: GraphQLInputType = isListType(inner)
        ? (inner.ofType as GraphQLInputType)
        : (getNamedType(type) as GraphQLInputObjectType).getFields()[String(path[i + 1])]!.type;
      if (container[key] === undefined || container[key] === null) {
        container[key] = harmless(type, String(key), '');
      }
      container = container[key] as Record<string | number, unknown>;
      type = nextType;
    }
    container[path[path.length - 1]!] = hostile;
    return vars;
  }

  function operations(): Operation[] {
    const ops = rootOperations(api.app.get(GraphQLSchemaHost).schema);
    // changes that end the fixtures' life go last, so the others meet live records
    const last = new Set(['cancelSession', 'cancelBooking', 'declineBooking', 'moveBooking', 'signOut']);
    return ops.filter((o) => o.field.args.length > 0).sort((a, b) => Number(last.has(a.field.name)) - Number(last.has(b.field.name)));
  }

  async function post(query: string, variables: Record<string, unknown>, withCookie: boolean) {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(withCookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let codes: string[] = [];
    let fields: string[] = [];
    try {
      const body = JSON.parse(text) as { errors?: { extensions?: { code?: string; fields?: { field: string }[] } }[] };
      codes = (body.errors ?? []).map((e) => e.extensions?.code ?? '?');
      fields = (body.errors ?? []).flatMap((e) => (e.extensions?.fields ?? []).map((f) => f.field));
    } catch {
      codes = ['(not JSON)'];
    }
    return { status: res.status, codes, fields, text };
  }

  it('finds every operation with inputs, including the signed-out search', () => {
    const names = operations().map((o) => o.field.name);
    expect(names).toEqual(expect.arrayContaining(['courses', 'programme', 'createSession', 'cancelBooking', 'decideApproval', 'signIn']));
    expect(operations().flatMap((o) => o.field.args.flatMap((a) => leaves(a.type, [a.name]))).length).toBeGreaterThan(50);
  });

  it.each([
    ['as a coordinator', true],
    ['signed out', false],
  ])(
    'answers every hostile value with a refusal, never a 5xx (%s)',
    async (_who, withCookie) => {
      const wrong: string[] = [];
      let calls = 0;
      for (const op of operations()) {
        const { field } = op;
        const query = operationDocument(
          op,
          field.args.map((a) => a.name),
        );
        const cases = field.args.flatMap((arg) =>
          leaves(arg.type, [arg.name]).flatMap((leaf) =>
            hostileValues(leaf.type, String(leaf.path.filter((p) => typeof p === 'string').pop())).map((hostile) => ({ leaf, hostile })),
          ),
        );
        // a few at a time: the machine is shared
        for (let i = 0; i < cases.length; i += 6) {
          await Promise.all(
            cases.slice(i, i + 6).map(async ({ leaf, hostile }) => {
              calls++;
              const res = await post(query, variablesWith(field, leaf.path, hostile), withCookie);
              if (res.status >= 500 || res.codes.includes('INTERNAL_SERVER_ERROR') || res.codes.includes('(not JSON)')) {
                const shown = typeof hostile === 'string' && hostile.length > 40 ? `${hostile.slice(0, 20)}…(${hostile.length})` : hostile;
                wrong.push(`${field.name} ${leaf.path.join('.')}=${JSON.stringify(shown)} -> ${res.status} ${res.text.slice(0, 300)}`);
              }
              // text that cannot be stored as it is (a NUL byte, half of a UTF-16 pair) is refused at the edge, and
              // an address that would run script is refused in every URL field: naming the field, never changed silently
              const named = leaf.path.filter((p, i) => typeof p === 'string' || i < leaf.path.length - 1).join('.');
              const refusable =
                leaf.type === 'String' &&
                (hostile === NUL ||
                  hostile === LONE_SURROGATE ||
                  (isUrlLeaf(String(leaf.path.filter((p) => typeof p === 'string').pop())) && SCRIPT_URLS.includes(hostile as string)));
              // (an operation coordinators may not call at all, such as an agency lead's own report, refuses before reading anything)
              const notTheirs = res.codes[0] === 'NOT_ALLOWED' && !res.fields.length;
              if (withCookie && refusable && !notTheirs && !(res.codes[0] === 'BAD_USER_INPUT' && res.fields.includes(named))) {
                wrong.push(`${field.name} ${named}=${JSON.stringify(hostile)} -> not refused naming ${named}: ${res.text.slice(0, 300)}`);
              }
            }),
          );
        }
      }
      expect(calls).toBeGreaterThan(300);
      expect(wrong).toEqual([]);
    },
    600_000,
  );

  it('stored nothing hostile', async () => {
    const rows = await api.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string }[]>(
        `select (select count(*) from booking_event where length(reason) > 500)
              + (select count(*) from session where booking_closes_at > now() + interval '11 years' or booking_opens_at > now() + interval '11 years')
              + (select count(*) from session_part where starts_at > now() + interval '11 years') as n`,
      );
    expect(Number(rows[0]!.n)).toBe(0);
  });
  it('refuses a NUL byte in the signed-out search, naming the field in words', async () => {
    const res = await gql(api.url, `query($f: CourseFilterInput) { courses(filter: $f) { id } }`, { f: { search: 'safe\u0000guarding' } });
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'filter.search', message: 'Search contains a character that cannot be used: remove it and try again' }],
    });
  });

  it.each([
    ['cancelBooking', `mutation($r: String) { cancelBooking(bookingId: "${'$'}{id}", reason: $r) { id } }`],
    ['declineBooking', `mutation($r: String) { declineBooking(bookingId: "${'$'}{id}", reason: $r) { id } }`],
    ['decideApproval', `mutation($r: String) { decideApproval(token: "not-a-token", approve: false, reason: $r) { bookingId } }`],
  ])('limits the reason on %s to 500 characters, storing nothing', async (_op, template) => {
    const em = api.orm.em.fork();
    const person = await aPerson(em);
    const session = await aSession(em, await aCourse(em), { inDays: 30 });
    const fresh = em.create(Booking, { session, person, status: 'PENDING_APPROVAL' as never });
    await em.flush();
    const query = template.replace('${id}', fresh.id);
    const res = await gql(api.url, query, { r: 'x'.repeat(501) }, cookie);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'reason', message: 'The reason must be 500 characters or fewer' }],
    });
    const booking = await api.orm.em.fork().findOneOrFail(Booking, fresh.id);
    expect(booking.status).toBe('PENDING_APPROVAL');
  });

  it.each([['not a date'], ['0000-01-01T00:00:00Z'], ['2100-01-01T00:00:00Z']])(
    'refuses programme(from: %j) naming the argument',
    async (from) => {
      const res = await gql(api.url, `query($from: DateTime) { programme(from: $from) { capacity } }`, { from }, cookie);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('from');
    },
  );

  it.each([
    ['bookingClosesOn', '9999-12-31', 'The date booking closes must be within 10 years of today'],
    ['bookingOpensOn', '1900-01-01', 'The date booking opens must be within 10 years of today'],
  ])('refuses an absurd %s (%s) on a session with a sentence', async (field, date, message) => {
    const input = {
      courseId: ids.courseId,
      capacity: 10,
      venueId: ids.venueId,
      parts: [{ date: future(60), startTime: '09:30', endTime: '12:30' }],
      [field]: date,
    };
    const res = await gql(api.url, `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`, { input }, cookie);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.fields).toContainEqual({ field: `input.${field}`, message });
  });

  it('refuses a session part more than 10 years away', async () => {
    const input = {
      courseId: ids.courseId,
      capacity: 10,
      venueId: ids.venueId,
      parts: [{ date: '9999-12-31', startTime: '09:30', endTime: '12:30' }],
    };
    const res = await gql(api.url, `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`, { input }, cookie);
    expect(res.errors?.[0]?.extensions?.fields).toContainEqual({
      field: 'input.parts.0.date',
      message: 'Part 1: enter a date within 10 years of today',
    });
  });
});
