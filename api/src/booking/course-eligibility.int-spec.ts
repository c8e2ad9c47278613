import { AgencySector, BookingStatus, Role, formatLondonDate } from '@lh/domain';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { correct, takeRegisters } from '../../test/registers';
import { Agency } from '../people/agency.entity';
import { Booking } from './booking.entity';
import { Course } from '../catalogue/course.entity';
import { BookingQueries } from './booking-queries.service';

const ELIGIBILITY = `query($id: ID!) { course(id: $id) {
  id requiresApproval prerequisite { title }
  audience { open agencyNames sectors roles }
  eligibilityForYou { canBook reason code approvalNeeded attendedOn }
} }`;
const LIST = `{ courses { id eligibilityForYou { canBook code } } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;

interface Eligibility {
  canBook: boolean;
  reason: string | null;
  code: string | null;
  approvalNeeded: boolean;
  attendedOn: string | null;
}
interface CourseView {
  id: string;
  requiresApproval: boolean;
  audience: { open: boolean; agencyNames: string[]; sectors: string[]; roles: string[] };
  eligibilityForYou: Eligibility | null;
}

describe('course eligibility for the viewer (real API, real PostgreSQL)', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  let completedL2Start: Date;
  let bookedL2Start: Date;

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.orm.em.fork();
    const health = await anAgency(em, { name: 'Northshire NHS Trust', sector: AgencySector.HEALTH });
    const police = await anAgency(em, { name: 'Northshire Police', sector: AgencySector.POLICE });
    const volunteers = em.create(Agency, { name: 'Young Carers Volunteers', sector: AgencySector.HEALTH, approvalExempt: true });
    await em.flush();

    const l2 = await aCourse(em, { title: 'Domestic abuse level 2' });
    const l3 = await aCourse(em, { title: 'Domestic abuse level 3' });
    l3.prerequisite = l2;
    l3.audienceSectors = [AgencySector.HEALTH];
    l3.requiresApproval = true;
    const policeOnly = await aCourse(em, { title: 'Police referrals' });
    policeOnly.audienceAgencyIds = [police.id];
    await em.flush();
    Object.assign(ids, { l2: l2.id, l3: l3.id, policeOnly: policeOnly.id });

    const pastL2 = await aSession(em, l2, { inDays: -30 });
    const comingL2 = await aSession(em, l2, { inDays: 7 });
    const l3Session = await aSession(em, l3, { inDays: 40 });
    ids.l3Session = l3Session.id;
    completedL2Start = pastL2.startsAt;
    bookedL2Start = comingL2.startsAt;

    const nurse = await aPerson(em, { agency: health });
    const newNurse = await aPerson(em, { agency: health });
    const officer = await aPerson(em, { agency: police });
    const volunteer = await aPerson(em, { agency: volunteers });
    const nursePlace = em.create(Booking, { session: pastL2, person: nurse, status: BookingStatus.CONFIRMED });
    em.create(Booking, { session: comingL2, person: newNurse, status: BookingStatus.CONFIRMED });
    const volunteerPlace = em.create(Booking, { session: pastL2, person: volunteer, status: BookingStatus.CONFIRMED });
    await em.flush();
    for (const [name, p] of Object.entries({ nurse, newNurse, officer, volunteer })) {
      cookies[name] = await signInAs(api.url, p);
    }
    cookies.coordinator = await signInAs(api.url, await aPerson(em, { roles: [Role.COORDINATOR] }));
    // the prerequisite counts once the signed-off register says they attended
    await takeRegisters(api, cookies.coordinator, pastL2.id, {
      [nursePlace.id]: 'PRESENT',
      [volunteerPlace.id]: { mark: 'LATE', minutes: 10 },
    });
  });
  afterAll(() => api.close());

  const course = async (id: string, cookie?: string) => {
    const res = await gql<{ course: CourseView }>(api.url, ELIGIBILITY, { id }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.course;
  };

  it('shows everyone who a course is for, and nothing about them when signed out', async () => {
    const l3 = await course(ids.l3!);
    expect(l3.audience).toEqual({ open: false, agencyNames: [], sectors: ['HEALTH'], roles: [] });
    expect(l3.eligibilityForYou).toBeNull();
    expect((await course(ids.policeOnly!)).audience).toEqual({ open: false, agencyNames: ['Northshire Police'], sectors: [], roles: [] });
    expect((await course(ids.l2!)).audience.open).toBe(true);
  });

  it('lets someone in the audience who attended the prerequisite book, and says when they attended it', async () => {
    expect((await course(ids.l3!, cookies.nurse)).eligibilityForYou).toEqual({
      canBook: true,
      reason: null,
      code: null,
      approvalNeeded: true,
      attendedOn: null,
    });
    expect((await course(ids.l2!, cookies.nurse)).eligibilityForYou).toEqual({
      canBook: true,
      reason: null,
      code: null,
      approvalNeeded: false,
      attendedOn: completedL2Start.toISOString(),
    });
  });

  it('refuses someone outside the audience with the sentence booking would give', async () => {
    const e = (await course(ids.l3!, cookies.officer)).eligibilityForYou!;
    expect(e).toMatchObject({ canBook: false, code: 'NOT_ELIGIBLE' });
    expect(e.reason).toContain('particular audience that does not include you');
    expect((await course(ids.policeOnly!, cookies.officer)).eligibilityForYou!.canBook).toBe(true);
    expect((await course(ids.policeOnly!, cookies.nurse)).eligibilityForYou!.code).toBe('NOT_ELIGIBLE');
  });

  it('refuses someone booked on a prerequisite that has not ended yet, naming their session, as booking does', async () => {
    const e = (await course(ids.l3!, cookies.newNurse)).eligibilityForYou!;
    expect(e).toEqual({
      canBook: false,
      code: 'PREREQUISITE_NOT_MET',
      reason: `You can book this course once you have attended "Domestic abuse level 2": your session on ${formatLondonDate(bookedL2Start)} counts once its register is signed off.`,
      approvalNeeded: true,
      attendedOn: null,
    });
    // The rule itself is unchanged: booking is refused the same way.
    const res = await gql(api.url, BOOK, { input: { sessionId: ids.l3Session, managerEmail: 'manager@example.org' } }, cookies.newNurse);
    expect(res.errors?.[0]?.extensions?.code).toBe('PREREQUISITE_NOT_MET');
  });

  it('counts attending, not booking: an ended session marked "did not attend" does not meet it; present does; a correction flips it', async () => {
    const em = api.orm.em.fork();
    const health = await anAgency(em, { sector: AgencySector.HEALTH });
    const [absent, present] = [await aPerson(em, { agency: health }), await aPerson(em, { agency: health })];
    const session = await aSession(em, await em.findOneOrFail(Course, ids.l2!), { inDays: -3 });
    const absentPlace = em.create(Booking, { session, person: absent, status: BookingStatus.CONFIRMED });
    const presentPlace = em.create(Booking, { session, person: present, status: BookingStatus.CONFIRMED });
    await em.flush();
    const [absentCookie, presentCookie] = [await signInAs(api.url, absent), await signInAs(api.url, present)];

    // ended, registers not signed off yet: not met, and the sentence says the session counts once they are
    const waiting = (await course(ids.l3!, absentCookie)).eligibilityForYou!;
    expect(waiting).toMatchObject({ canBook: false, code: 'PREREQUISITE_NOT_MET' });
    expect(waiting.reason).toContain(`your session on ${formatLondonDate(session.startsAt)} counts once its register is signed off`);

    await takeRegisters(api, cookies.coordinator!, session.id, { [presentPlace.id]: 'PRESENT' }); // the other left unmarked
    const dna = (await course(ids.l3!, absentCookie)).eligibilityForYou!;
    expect(dna).toMatchObject({ canBook: false, code: 'PREREQUISITE_NOT_MET', attendedOn: null });
    expect(dna.reason).toBe('You need to attend "Domestic abuse level 2" before you can book this course.');
    expect((await course(ids.l3!, presentCookie)).eligibilityForYou).toMatchObject({ canBook: true });
    expect((await course(ids.l2!, presentCookie)).eligibilityForYou!.attendedOn).toBe(session.startsAt.toISOString());

    // a coordinator corrects both marks, with a reason: the rule follows the outcomes
    await correct(api, cookies.coordinator!, session.id, absentPlace.id, 'PRESENT', 'Signed the paper sheet; missed on the tablet');
    await correct(api, cookies.coordinator!, session.id, presentPlace.id, 'DID_NOT_ATTEND', 'Marked on the wrong line');
    expect((await course(ids.l3!, absentCookie)).eligibilityForYou).toMatchObject({ canBook: true, code: null });
    expect((await course(ids.l3!, presentCookie)).eligibilityForYou).toMatchObject({ canBook: false, code: 'PREREQUISITE_NOT_MET' });
    const res = await gql(api.url, BOOK, { input: { sessionId: ids.l3Session, managerEmail: 'manager@example.org' } }, presentCookie);
    expect(res.errors?.[0]?.extensions?.code).toBe('PREREQUISITE_NOT_MET');
  });

  it('says no approval is needed for someone whose agency is exempt', async () => {
    expect((await course(ids.l3!, cookies.volunteer)).eligibilityForYou).toMatchObject({ canBook: true, approvalNeeded: false });
  });

  it('works out the whole catalogue in one batch', async () => {
    const queries = api.app.get(BookingQueries);
    const spy = jest.spyOn(queries, 'eligibilityOnCourses');
    try {
      const res = await gql<{ courses: { id: string; eligibilityForYou: { canBook: boolean; code: string | null } }[] }>(
        api.url,
        LIST,
        {},
        cookies.officer,
      );
      expect(res.errors).toBeUndefined();
      const byId = new Map(res.data!.courses.map((c) => [c.id, c.eligibilityForYou]));
      expect(byId.get(ids.l3!)).toEqual({ canBook: false, code: 'NOT_ELIGIBLE' });
      expect(byId.get(ids.policeOnly!)).toEqual({ canBook: true, code: null });
      expect(spy).toHaveBeenCalledTimes(1);
      expect([...spy.mock.calls[0]![1]].sort()).toEqual([ids.l2, ids.l3, ids.policeOnly].sort());
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps roles in the audience: a trainer-only course lets trainers book', async () => {
    const em = api.orm.em.fork();
    const c = await aCourse(em, { title: 'Training the trainers' });
    c.audienceRoles = [Role.TRAINER];
    await em.flush();
    const trainer = await aPerson(em, { roles: [Role.PRACTITIONER, Role.TRAINER] });
    expect((await course(c.id, await signInAs(api.url, trainer))).eligibilityForYou!.canBook).toBe(true);
    expect((await course(c.id, cookies.nurse)).eligibilityForYou!.canBook).toBe(false);
  });
});
