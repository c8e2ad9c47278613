// Compliance figures against a hand-counted fixture; reviewers see figures and never a name; coordinators open
// the people behind a figure; an agency lead sees their agency beside the partnership and nothing of another.
import { MandatoryStatus, Role } from '@lh/domain';
import { aCourse, aPerson, anAgency } from '../../test/builders';
import { aCompletion, aRequirement, addMonths, joinedOn, plusDays, todayInLondon } from '../../test/mandatory-training';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';

const FIGURE = `id label applies statuses { status count percent }`;
const COMPLIANCE = `query { mandatoryCompliance { today total { ${FIGURE} } byRequirement { ${FIGURE} } byAgency { ${FIGURE} } } }`;
const PEOPLE = `query($filter: CompliancePeopleFilterInput!) { compliancePeople(filter: $filter) { personId name agencyName requirementId status lastCompletedOn } }`;
const AGENCY = `query { yourAgencyCompliance { agencyName people { personId name status } agency { ${FIGURE} } partnership { ${FIGURE} } } }`;

type Figure = {
  id: string | null;
  label: string;
  applies: number;
  statuses: { status: MandatoryStatus; count: number; percent: number }[];
};
const counts = (f: Figure) => Object.fromEntries(f.statuses.filter((s) => s.count).map((s) => [s.status, [s.count, s.percent]]));

describe('compliance (real API, real PostgreSQL)', () => {
  let api: TestApi;
  const em = () => api.orm.em.fork();
  let fixture: Awaited<ReturnType<typeof arrange>>;

  /**
   * Two agencies, two requirements (Level 1 for both agencies, Level 3 for North only), six people:
   *   North: Ann (L1 current), Ben (L1 expired, L3 current), Cas (L1 due soon), Dee (a new starter: not yet due),
   *   Lou the agency lead (nothing: overdue); South: Eve (nothing: overdue). Everyone else in North is overdue on L3.
   */
  async function arrange() {
    const today = todayInLondon();
    const [north, south] = [
      await anAgency(em(), { name: `North ${Math.random()}` }),
      await anAgency(em(), { name: `South ${Math.random()}` }),
    ];
    const [l1, l3] = [await aCourse(em(), { level: 1 }), await aCourse(em(), { level: 3 })];
    const level1 = await aRequirement(em(), {
      name: 'Level 1 awareness',
      agencyIds: [north.id, south.id],
      courseIds: [l1.id],
      validityMonths: 36,
      refresherMonths: 3,
      newStarterMonths: 3,
    });
    const level3 = await aRequirement(em(), {
      name: 'Level 3 multi-agency',
      agencyIds: [north.id],
      courseIds: [l3.id],
      validityMonths: 36,
      refresherMonths: 3,
      newStarterMonths: 3,
    });
    const person = async (name: string, agency: typeof north, joined: string) => {
      const p = await aPerson(em(), { name, agency });
      await joinedOn(em(), p, joined);
      return p;
    };
    const longAgo = addMonths(today, -60);
    const ann = await person('Ann North', north, longAgo);
    const ben = await person('Ben North', north, longAgo);
    const cas = await person('Cas North', north, longAgo);
    const dee = await person('Dee North', north, plusDays(today, -10));
    const eve = await person('Eve South', south, longAgo);
    await aCompletion(em(), ann, plusDays(today, -30), { course: l1 });
    await aCompletion(em(), ben, plusDays(addMonths(today, -36), -1), { course: l1 });
    await aCompletion(em(), cas, plusDays(addMonths(today, -36), 10), { course: l1 });
    await aCompletion(em(), ben, plusDays(today, -5), { course: l3 });
    const lead = await aPerson(em(), { name: 'Lou Lead', agency: north, roles: [Role.PRACTITIONER, Role.AGENCY_LEAD] });
    await joinedOn(em(), lead, longAgo);
    return { north, south, level1, level3, ann, ben, cas, dee, eve, lead };
  }

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await arrange();
  });
  afterAll(() => api.close());

  it('counts and shares by requirement and agency, as counted by hand', async () => {
    const coordinator = await signInAs(api.url, await aPerson(em(), { roles: [Role.COORDINATOR] }));
    const res = await gql<{ mandatoryCompliance: { total: Figure; byRequirement: Figure[]; byAgency: Figure[] } }>(
      api.url,
      COMPLIANCE,
      {},
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    const c = res.data!.mandatoryCompliance;
    const req = (id: string) => c.byRequirement.find((f) => f.id === id)!;
    const agency = (id: string) => c.byAgency.find((f) => f.id === id)!;
    // Level 1 applies to Ann, Ben, Cas, Dee, Eve and the lead (who has none: overdue)
    expect(req(fixture.level1.id).applies).toBe(6);
    expect(counts(req(fixture.level1.id))).toEqual({
      CURRENT: [1, 16.7],
      DUE_SOON: [1, 16.7],
      NOT_YET_DUE: [1, 16.7],
      OVERDUE: [2, 33.3],
      EXPIRED: [1, 16.7],
    });
    // Level 3: Ann overdue, Ben current, Cas overdue, Dee not yet due, lead overdue
    expect(counts(req(fixture.level3.id))).toEqual({ CURRENT: [1, 20], NOT_YET_DUE: [1, 20], OVERDUE: [3, 60] });
    expect(agency(fixture.north.id)).toMatchObject({ applies: 10 });
    expect(counts(agency(fixture.north.id))).toEqual({
      CURRENT: [2, 20],
      DUE_SOON: [1, 10],
      NOT_YET_DUE: [2, 20],
      OVERDUE: [4, 40],
      EXPIRED: [1, 10],
    });
    expect(counts(agency(fixture.south.id))).toEqual({ OVERDUE: [1, 100] });
  });

  it('reviewers see figures only: the people behind them are refused', async () => {
    const reviewer = await signInAs(api.url, await aPerson(em(), { roles: [Role.REVIEWER] }));
    const figures = await gql(api.url, COMPLIANCE, {}, reviewer);
    expect(figures.errors).toBeUndefined();
    expect(JSON.stringify(figures.data)).not.toMatch(/Ann North|Ben North|Eve South/);
    const people = await gql(api.url, PEOPLE, { filter: { requirementId: fixture.level1.id } }, reviewer);
    expect(people.errors![0]!.extensions!.code).toBe('NOT_ALLOWED');
    expect(people.data).toBeNull();
    const agency = await gql(api.url, AGENCY, {}, reviewer);
    expect(agency.errors![0]!.extensions!.code).toBe('NOT_ALLOWED');
  });

  it('coordinators open the people behind a figure', async () => {
    const coordinator = await signInAs(api.url, await aPerson(em(), { roles: [Role.COORDINATOR] }));
    const res = await gql<{ compliancePeople: { personId: string; name: string; status: MandatoryStatus }[] }>(
      api.url,
      PEOPLE,
      { filter: { requirementId: fixture.level1.id, agencyId: fixture.north.id, status: MandatoryStatus.OVERDUE } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.compliancePeople.map((p) => p.name)).toEqual(['Lou Lead']);
    const expired = await gql<{ compliancePeople: { name: string }[] }>(
      api.url,
      PEOPLE,
      { filter: { status: MandatoryStatus.EXPIRED } },
      coordinator,
    );
    expect(expired.data!.compliancePeople.map((p) => p.name)).toEqual(['Ben North']);
  });

  it('an agency lead sees their own agency and the partnership totals, nothing of another agency', async () => {
    const lead = await signInAs(api.url, fixture.lead);
    const res = await gql<{ yourAgencyCompliance: { people: { personId: string; name: string }[]; agency: Figure; partnership: Figure } }>(
      api.url,
      AGENCY,
      {},
      lead,
    );
    expect(res.errors).toBeUndefined();
    const mine = res.data!.yourAgencyCompliance;
    expect([...new Set(mine.people.map((p) => p.name))].sort()).toEqual(['Ann North', 'Ben North', 'Cas North', 'Dee North', 'Lou Lead']);
    expect(mine.people.some((p) => p.personId === fixture.eve.id)).toBe(false);
    expect(mine.agency.applies).toBe(10);
    expect(mine.partnership.applies).toBe(11);
    // the figures and people of the partnership are not theirs to see
    expect((await gql(api.url, COMPLIANCE, {}, lead)).errors![0]!.extensions!.code).toBe('NOT_ALLOWED');
    expect((await gql(api.url, PEOPLE, { filter: { agencyId: fixture.south.id } }, lead)).errors![0]!.extensions!.code).toBe('NOT_ALLOWED');
    // an agency lead without the role in their own agency (a plain practitioner) is refused
    const colleague = await signInAs(api.url, fixture.ann);
    expect((await gql(api.url, AGENCY, {}, colleague)).errors![0]!.extensions!.code).toBe('NOT_ALLOWED');
  });
});
