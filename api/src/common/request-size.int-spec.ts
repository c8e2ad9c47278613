import { ErrorCode, TOO_LARGE_MESSAGE } from '@lh/domain';
import { MAX_REQUEST_BYTES } from '../bootstrap';
import { gql, startTestApi, type TestApi } from '../../test/test-db';

/** A request body the API will not read gets a GraphQL-shaped answer with a sentence, never an HTML error page. */
describe('request bodies over the limit or not JSON', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const post = (body: string) => fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers a body over the limit with 413 JSON: code TOO_LARGE and a sentence about its size', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }', variables: { text: 'x'.repeat(MAX_REQUEST_BYTES) } }));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ errors: [{ message: TOO_LARGE_MESSAGE, extensions: { code: ErrorCode.TooLarge, status: 413 } }] });
    expect(TOO_LARGE_MESSAGE).toMatch(/^What you entered is too long\./);
  });

  it('answers a body that is not JSON with 400 JSON', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('still reads a large ordinary request (a form at the web app’s 100 KB limit)', async () => {
    const res = await gql(api.url, 'query($q: String) { courses(filter: { search: $q }) { id } }', { q: 'x'.repeat(100_000) });
    expect(res.status).toBeLessThan(500);
    expect(res.status).not.toBe(413);
  });
});
