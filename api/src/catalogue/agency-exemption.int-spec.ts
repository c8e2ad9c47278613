import { AgencySector, Role } from '@lh/domain';
import { aCourse, anAgency, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Course } from './course.entity';

const SET = `mutation($id: ID!, $exempt: Boolean!) { setAgencyApprovalExempt(agencyId: $id, exempt: $exempt) { id approvalExempt } }`;
const SESSION = `query($id: ID!) { session(id: $id) { requiresApproval approvalNeededForYou } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { status } }`;

describe('agencies exempt from manager approval', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('a coordinator exempts an agency; its staff then book an approval course without naming a manager', async () => {
    const em = api.orm.em.fork();
    const cvs = await anAgency(em, { sector: AgencySector.VOLUNTARY_AND_COMMUNITY });
    const course = await aCourse(em);
    await em.nativeUpdate(Course, { id: course.id }, { requiresApproval: true });
    const session = await aSession(em, course);
    const volunteer = await signInAs(api.url, await aPerson(em, { agency: cvs }));
    const coordinator = await signInAs(api.url, await aPerson(em, { roles: [Role.COORDINATOR] }));

    const before = await gql<{ session: { approvalNeededForYou: boolean } }>(api.url, SESSION, { id: session.id }, volunteer);
    expect(before.data!.session).toEqual({ requiresApproval: true, approvalNeededForYou: true });

    const refused = await gql(api.url, SET, { id: cvs.id, exempt: true }, volunteer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    const set = await gql<{ setAgencyApprovalExempt: { approvalExempt: boolean } }>(
      api.url,
      SET,
      { id: cvs.id, exempt: true },
      coordinator,
    );
    expect(set.data!.setAgencyApprovalExempt.approvalExempt).toBe(true);

    const after = await gql<{ session: { approvalNeededForYou: boolean } }>(api.url, SESSION, { id: session.id }, volunteer);
    expect(after.data!.session.approvalNeededForYou).toBe(false);
    const booked = await gql<{ bookSession: { status: string } }>(api.url, BOOK, { input: { sessionId: session.id } }, volunteer);
    expect(booked.data!.bookSession.status).toBe('CONFIRMED');
  });
});
