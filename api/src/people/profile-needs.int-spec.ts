import { Role } from '@lh/domain';
import { aCourse, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { accessNeeds dietaryNeeds } }`;
const PROFILE = `{ myProfile { accessNeeds dietaryNeeds } }`;
const UPDATE = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { accessNeeds dietaryNeeds } }`;
type Needs = { accessNeeds: string | null; dietaryNeeds: string | null };

/** Access and dietary needs are kept on the person's profile, so the next booking is prefilled with them. */
describe("a person's access and dietary needs (real API, real PostgreSQL)", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const profile = async (cookie: string) => (await gql<{ myProfile: Needs }>(api.url, PROFILE, {}, cookie)).data!.myProfile;
  const book = async (cookie: string, input: Partial<Needs>) => {
    const session = await aSession(api.orm.em.fork(), await aCourse(api.orm.em.fork()));
    const res = await gql<{ bookSession: Needs }>(api.url, BOOK, { input: { sessionId: session.id, ...input } }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.bookSession;
  };

  it('keeps what a booking says on the profile, and each booking keeps its own copy', async () => {
    const cookie = await signInAs(api.url, await aPerson(api.orm.em.fork()));
    expect(await profile(cookie)).toEqual({ accessNeeds: null, dietaryNeeds: null });

    const first = await book(cookie, { accessNeeds: ' Step-free access, a hearing loop ', dietaryNeeds: 'Vegetarian' });
    expect(first).toEqual({ accessNeeds: 'Step-free access, a hearing loop', dietaryNeeds: 'Vegetarian' });
    expect(await profile(cookie)).toEqual({ accessNeeds: 'Step-free access, a hearing loop', dietaryNeeds: 'Vegetarian' });

    // changed on the next booking's form: the profile follows; sent empty: cleared
    const second = await book(cookie, { accessNeeds: 'Large print', dietaryNeeds: null });
    expect(second).toEqual({ accessNeeds: 'Large print', dietaryNeeds: null });
    expect(await profile(cookie)).toEqual({ accessNeeds: 'Large print', dietaryNeeds: null });
    // a client that does not ask leaves them alone
    await book(cookie, {});
    expect(await profile(cookie)).toEqual({ accessNeeds: 'Large print', dietaryNeeds: null });
  });

  it('changes and clears them on the profile, with the limits in the words of the form', async () => {
    const cookie = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.PRACTITIONER] }));
    const set = await gql(api.url, UPDATE, { input: { accessNeeds: 'Breaks every hour', dietaryNeeds: 'No nuts' } }, cookie);
    expect(set.data).toEqual({ updateMyProfile: { accessNeeds: 'Breaks every hour', dietaryNeeds: 'No nuts' } });
    const cleared = await gql(api.url, UPDATE, { input: { dietaryNeeds: '' } }, cookie);
    expect(cleared.data).toEqual({ updateMyProfile: { accessNeeds: 'Breaks every hour', dietaryNeeds: null } });
    const long = await gql(api.url, UPDATE, { input: { accessNeeds: 'x'.repeat(2001) } }, cookie);
    expect(long.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.accessNeeds', message: 'Access needs must be 2000 characters or fewer' },
    ]);
    expect(await profile(cookie)).toEqual({ accessNeeds: 'Breaks every hour', dietaryNeeds: null });
  });
});
