import { parse } from 'graphql';
import { TOO_LARGE_MESSAGE } from '@lh/domain';
import { ApiRequestError, createApiClient } from './client';

const doc = parse('{ __typename }');
const answer = (status: number, body: string, type: string) => async () =>
  new Response(body, { status, headers: { 'content-type': type } });
const failure = async (fetchImpl: typeof fetch): Promise<ApiRequestError> => {
  const error = await createApiClient('http://api.invalid/graphql', fetchImpl)(doc, {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiRequestError);
  return error as ApiRequestError;
};

describe('the API client tells people what went wrong', () => {
  it('says what was sent is too long when the API answers 413 in GraphQL shape', async () => {
    const body = JSON.stringify({ errors: [{ message: TOO_LARGE_MESSAGE, extensions: { code: 'TOO_LARGE', status: 413 } }] });
    const e = await failure(answer(413, body, 'application/json'));
    expect([e.code, e.status, e.message]).toEqual(['TOO_LARGE', 413, TOO_LARGE_MESSAGE]);
  });

  it('says the same for a 413 that is not JSON (a proxy on the way), not "service not available"', async () => {
    const e = await failure(answer(413, '<html><body>PayloadTooLargeError: request entity too large</body></html>', 'text/html'));
    expect([e.code, e.status, e.message]).toEqual(['TOO_LARGE', 413, TOO_LARGE_MESSAGE]);
  });

  it('says the service is not available when it answers nothing readable', async () => {
    const e = await failure(answer(502, 'Bad gateway', 'text/html'));
    expect(e.code).toBe('UNAVAILABLE');
  });
});
