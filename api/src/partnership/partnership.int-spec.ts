import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { aPerson } from '../../test/builders';

const QUERY = `{ partnership { name contactEmail contactPhone } }`;

describe('partnership', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      partnershipName: 'Northshire Safeguarding Children Partnership',
      partnershipContactEmail: 'learning@northshire.example.gov.uk',
      partnershipContactPhone: '01632 960 123',
    });
  });
  afterAll(() => api.close());

  const expected = {
    partnership: {
      name: 'Northshire Safeguarding Children Partnership',
      contactEmail: 'learning@northshire.example.gov.uk',
      contactPhone: '01632 960 123',
    },
  };

  it('tells anyone, signed in or not, who runs the service and how to reach the training team', async () => {
    const signedOut = await gql(api.url, QUERY);
    expect(signedOut.errors).toBeUndefined();
    expect(signedOut.data).toEqual(expected);
  });

  it('gives a signed-in person the same details', async () => {
    const person = await aPerson(api.orm.em.fork());
    const cookie = await signInAs(api.url, person);
    expect((await gql(api.url, QUERY, {}, cookie)).data).toEqual(expected);
  });
});
