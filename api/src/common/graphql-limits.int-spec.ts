import { gql, startTestApi, type TestApi } from '../../test/test-db';
import { GRAPHQL_LIMITS } from './graphql-limits';

/** Requests that ask for too much are refused before anything runs; production tells strangers nothing about the schema. */
describe('GraphQL limits over HTTP (real API)', () => {
  let api: TestApi;
  let production: TestApi;
  beforeAll(async () => {
    [api, production] = await Promise.all([startTestApi(), startTestApi({ env: 'production' })]);
  });
  afterAll(() => Promise.all([api.close(), production.close()]));

  it('refuses a signed-out request with 550 aliases of the catalogue at once, with a sentence and no data', async () => {
    const query = `{ ${Array.from({ length: 550 }, (_, i) => `c${i}: courses { id title summary upcomingSessions { id startsAt } }`).join(' ')} }`;
    expect(query.length).toBeGreaterThan(35_000);
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors.map((e) => e.message)).toEqual([
      `Syntax Error: Document contains more that ${GRAPHQL_LIMITS.tokens} tokens. Parsing aborted.`,
    ]);
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');

    // and a short one with one alias too many
    const few = await gql(
      api.url,
      `{ ${Array.from({ length: GRAPHQL_LIMITS.aliases + 1 }, (_, i) => `c${i}: courses { id }`).join(' ')} }`,
    );
    expect(few.status).toBe(400);
    expect(few.errors!.map((e) => e.message)).toEqual([
      `Syntax Error: Aliases limit of ${GRAPHQL_LIMITS.aliases} exceeded, found ${GRAPHQL_LIMITS.aliases + 1}.`,
    ]);
  });

  it('still answers an ordinary catalogue query, and sends no X-Powered-By header', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ a: courses { id } b: courses { title } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('in production: no introspection and no "Did you mean" suggestions; in development both help', async () => {
    const typo = '{ coursez { id } }';
    expect((await gql(api.url, typo)).errors![0]!.message).toContain('Did you mean');
    const refused = await gql(production.url, typo);
    expect(refused.errors![0]!.message).not.toContain('Did you mean');
    expect(refused.errors![0]!.message).toContain('coursez');

    const introspection = '{ __schema { types { name } } }';
    expect((await gql(api.url, introspection)).errors).toBeUndefined();
    const closed = await gql(production.url, introspection);
    expect(closed.data).toBeFalsy();
    expect(closed.errors![0]!.message).toMatch(/introspection/i);
  });
});
