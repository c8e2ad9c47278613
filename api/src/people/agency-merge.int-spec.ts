import { BookingStatus, CourseOutcome, Role } from '@lh/domain';
import { aCourse, anAgency, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Course } from '../catalogue/course.entity';
import { Agency } from './agency.entity';
import { Person } from './person.entity';
import { AttendanceOutcome } from '../registers/attendance-outcome.entity';

const MERGE_FIELDS =
  'from { id name peopleCount } into { id name peopleCount emailDomains ssoTenantIds } people bookings courses emailDomains ssoTenantIds';
const PREVIEW = `query($from: ID!, $into: ID!) { agencyMergePreview(fromAgencyId: $from, intoAgencyId: $into) { ${MERGE_FIELDS} } }`;
const MERGE = `mutation($from: ID!, $into: ID!) { mergeAgencies(fromAgencyId: $from, intoAgencyId: $into) { ${MERGE_FIELDS} } }`;

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const fields = (res: GqlResult) => res.errors?.[0]?.extensions?.fields ?? [];
const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;

describe('merging agencies (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());
  const em = () => api.orm.em.fork();

  /** Two agencies that are one: people, bookings under each, courses naming them, domains and tenants. */
  async function twoAgencies() {
    const e = em();
    const from = await anAgency(e, { name: `Northshire CVS ${Math.random()}` });
    const into = await anAgency(e, { name: `Northshire Council for Voluntary Service ${Math.random()}` });
    from.emailDomains = ['northshirecvs.org.uk', 'shared.org.uk'];
    from.ssoTenantIds = [T1];
    into.emailDomains = ['shared.org.uk'];
    into.ssoTenantIds = [T2];
    await e.flush();
    const fromPeople = [await aPerson(e, { agency: from }), await aPerson(e, { agency: from })];
    const intoPerson = await aPerson(e, { agency: into });
    const session = await aSession(e, await aCourse(e));
    for (const person of fromPeople) {
      const booking = e.create(Booking, {
        session,
        person: e.getReference(Person, person.id),
        agency: from,
        status: BookingStatus.CONFIRMED,
      });
      // what the place came to, recorded under the agency it was booked under
      e.create(AttendanceOutcome, {
        booking,
        session,
        person: booking.person,
        agency: from,
        outcome: CourseOutcome.DID_NOT_ATTEND,
        minutesAttended: 0,
        minutesScheduled: 180,
        decidedAt: new Date(),
      });
    }
    // a booking made under the merged agency by someone who has since moved to the kept one
    e.create(Booking, { session, person: e.getReference(Person, intoPerson.id), agency: from, status: BookingStatus.CANCELLED });
    const both = await aCourse(e);
    both.audienceAgencyIds = [from.id, into.id];
    const onlyFrom = await aCourse(e);
    onlyFrom.audienceAgencyIds = [from.id];
    await e.flush();
    return { from, into, both, onlyFrom };
  }

  const totals = async () => {
    const e = em();
    const [people, bookingsTotal, agencies] = await Promise.all([e.count(Person), e.count(Booking), e.count(Agency)]);
    return { people, bookings: bookingsTotal, agencies };
  };

  it('previews what would move, changing nothing', async () => {
    const { from, into } = await twoAgencies();
    const before = await totals();
    const res = await gql<{ agencyMergePreview: Record<string, unknown> }>(api.url, PREVIEW, { from: from.id, into: into.id }, coordinator);
    expect(res.data!.agencyMergePreview).toMatchObject({
      from: { id: from.id, peopleCount: 2 },
      into: { id: into.id, peopleCount: 1 },
      people: 2,
      bookings: 3,
      courses: 2,
      emailDomains: ['northshirecvs.org.uk'],
      ssoTenantIds: [T1],
    });
    expect(await totals()).toEqual(before);
    expect(await em().count(Person, { agency: from.id })).toBe(2);
  });

  it('moves people, bookings, course audiences, domains and tenants to the kept agency, losing nothing', async () => {
    const { from, into, both, onlyFrom } = await twoAgencies();
    const before = await totals();
    const intoPeopleBefore = await em().count(Person, { agency: into.id });
    const fromBookings = await em().count(Booking, { agency: from.id });
    const intoBookingsBefore = await em().count(Booking, { agency: into.id });

    const res = await gql<{ mergeAgencies: Record<string, unknown> }>(api.url, MERGE, { from: from.id, into: into.id }, coordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data!.mergeAgencies).toMatchObject({
      people: 2,
      bookings: 3,
      courses: 2,
      into: { peopleCount: 3, emailDomains: ['shared.org.uk', 'northshirecvs.org.uk'], ssoTenantIds: [T2, T1] },
    });

    expect(await totals()).toEqual({ ...before, agencies: before.agencies - 1 });
    expect(await em().findOne(Agency, from.id)).toBeNull();
    expect(await em().count(Person, { agency: into.id })).toBe(intoPeopleBefore + 2);
    expect(await em().count(Booking, { agency: into.id })).toBe(intoBookingsBefore + fromBookings);
    expect(await em().count(Booking, { agency: null })).toBe(0);
    expect(await em().count(AttendanceOutcome, { agency: null })).toBe(0);
    expect((await em().findOneOrFail(Course, both.id)).audienceAgencyIds).toEqual([into.id]);
    expect((await em().findOneOrFail(Course, onlyFrom.id)).audienceAgencyIds).toEqual([into.id]);
  });

  it('refuses to merge an agency into itself, or into a retired one, and changes nothing', async () => {
    const { from, into } = await twoAgencies();
    const before = await totals();
    const self = await gql(api.url, MERGE, { from: from.id, into: from.id }, coordinator);
    expect(code(self)).toBe('BAD_USER_INPUT');
    expect(fields(self)).toEqual([
      { field: 'intoAgencyId', message: 'Choose two different agencies: an agency cannot be merged into itself' },
    ]);
    expect(fields(await gql(api.url, PREVIEW, { from: from.id, into: from.id }, coordinator))).toEqual(fields(self));

    await em().nativeUpdate(Agency, { id: into.id }, { retiredAt: new Date() });
    const retired = await gql(api.url, MERGE, { from: from.id, into: into.id }, coordinator);
    expect(fields(retired)).toEqual([
      { field: 'intoAgencyId', message: `${into.name} is retired: bring it back first, or keep the other agency` },
    ]);
    const gone = await gql(api.url, MERGE, { from: '00000000-0000-4000-8000-000000000000', into: from.id }, coordinator);
    expect(fields(gone)).toEqual([
      { field: 'fromAgencyId', message: 'Choose the agency to merge from the list: that one no longer exists' },
    ]);

    expect(await totals()).toEqual(before);
    expect(await em().count(Person, { agency: from.id })).toBe(2);
  });

  it('only coordinators preview or merge', async () => {
    const { from, into } = await twoAgencies();
    const practitioner = await signInAs(api.url, await aPerson(em()));
    expect(code(await gql(api.url, PREVIEW, { from: from.id, into: into.id }, practitioner))).toBe('NOT_ALLOWED');
    expect(code(await gql(api.url, MERGE, { from: from.id, into: into.id }, practitioner))).toBe('NOT_ALLOWED');
    expect(await em().findOne(Agency, from.id)).not.toBeNull();
  });
});
