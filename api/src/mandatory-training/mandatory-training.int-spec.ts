// Mandatory training over the real API and PostgreSQL: requirements as coordinators enter them, where a
// person stands from completions of every source (revoked ones never count, a new one extends and keeps the
// old), the sessions offered to book, and who may see what.
import { CompletionSource, MandatoryStatus, Role } from '@lh/domain';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { aCompletion, aRequirement, addMonths, joinedOn, plusDays, todayInLondon } from '../../test/mandatory-training';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';
import { TrainingCompletion } from '../records/training-completion.entity';
import { MandatoryRequirement } from './mandatory-requirement.entity';

const SAVE = `mutation($input: MandatoryRequirementInput!, $id: ID) { saveMandatoryRequirement(input: $input, id: $id) { id name validityMonths courseTitles agencyNames } }`;
const MINE = `query { myMandatoryTraining { today standings { requirementId requirementName status lastCompletedOn validUntil refresherFrom dueBy sessions { id courseTitle place } yourBookings { bookingId id status } } } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id status } }`;
const OF = `query($id: ID!) { mandatoryTrainingOf(personId: $id) { name standings { requirementId status } } }`;

interface Standing {
  requirementId: string;
  status: MandatoryStatus;
  lastCompletedOn: string | null;
  validUntil: string | null;
  refresherFrom: string | null;
  dueBy: string | null;
  sessions: { id: string; courseTitle: string; place: string }[];
  yourBookings: { bookingId: string; id: string; status: string }[];
}

describe('mandatory training (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));
  const em = () => api.orm.em.fork();

  const mine = async (cookie: string, requirementId: string) => {
    const res = await gql<{ myMandatoryTraining: { standings: Standing[] } }>(api.url, MINE, {}, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.myMandatoryTraining.standings.find((s) => s.requirementId === requirementId);
  };

  describe('requirements', () => {
    const good = async () => {
      const course = await aCourse(em(), { title: 'Safeguarding children: level 1' });
      const agency = await anAgency(em(), { name: `Northshire Community Health ${Math.random()}` });
      return {
        name: 'Safeguarding children: level 1 awareness',
        roles: [],
        agencyIds: [agency.id],
        sectors: [],
        courseIds: [course.id],
        externalMinLevel: null,
        validityMonths: 36,
        newStarterMonths: 3,
        refresherMonths: 3,
      };
    };

    it('a coordinator creates one and changes it; nobody else can', async () => {
      const input = await good();
      const created = await gql<{ saveMandatoryRequirement: { id: string; courseTitles: string[]; agencyNames: string[] } }>(
        api.url,
        SAVE,
        { input },
        coordinator,
      );
      expect(created.errors).toBeUndefined();
      expect(created.data!.saveMandatoryRequirement).toMatchObject({
        courseTitles: ['Safeguarding children: level 1'],
        agencyNames: [expect.stringMatching(/^Northshire Community Health/)],
      });
      const id = created.data!.saveMandatoryRequirement.id;
      const changed = await gql(api.url, SAVE, { id, input: { ...input, validityMonths: 24 } }, coordinator);
      expect(changed.errors).toBeUndefined();
      expect((await em().findOneOrFail(MandatoryRequirement, id)).validityMonths).toBe(24);

      const practitioner = await signInAs(api.url, await aPerson(em()));
      const refused = await gql(api.url, SAVE, { input }, practitioner);
      expect(refused.errors![0]!.extensions!.code).toBe('NOT_ALLOWED');
    });

    it('refuses bad input naming the field as on the screen, and writes nothing', async () => {
      const input = await good();
      const before = await em().count(MandatoryRequirement, {});
      const bad = async (over: Record<string, unknown>) => {
        const res = await gql(api.url, SAVE, { input: { ...input, ...over } }, coordinator);
        expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
        return res.errors![0]!.extensions!.fields!;
      };
      expect(await bad({ validityMonths: 0 })).toEqual([
        { field: 'validityMonths', message: 'How long a completion stays valid must be a whole number of months from 1 to 240' },
      ]);
      expect((await bad({ validityMonths: -6 }))[0]!.field).toBe('validityMonths');
      expect(await bad({ refresherMonths: 40 })).toEqual([
        {
          field: 'refresherMonths',
          message:
            'When the refresher becomes due (40 months before expiry) cannot be longer than how long a completion stays valid (36 months)',
        },
      ]);
      expect(await bad({ courseIds: [] })).toEqual([{ field: 'courseIds', message: 'Choose at least one course that satisfies it' }]);
      expect(await bad({ agencyIds: [] })).toEqual([
        { field: 'roles', message: 'Choose who it applies to: at least one role, agency or agency sector' },
      ]);
      expect(await em().count(MandatoryRequirement, {})).toBe(before);
    });
  });

  describe('where a person stands', () => {
    async function scenario(
      over: { externalMinLevel?: number | null; validityMonths?: number; refresherMonths?: number; newStarterMonths?: number } = {},
    ) {
      const agency = await anAgency(em());
      const course = await aCourse(em(), { title: 'Level 1 awareness' });
      const eLearning = await aCourse(em(), { title: 'Level 1 awareness (e-learning)' });
      const requirement = await aRequirement(em(), { agencyIds: [agency.id], courseIds: [course.id, eLearning.id], ...over });
      const person = await aPerson(em(), { agency });
      return { agency, course, eLearning, requirement, person, cookie: await signInAs(api.url, person) };
    }

    it('counts completions of every source that satisfy it, and never a revoked one', async () => {
      const today = todayInLondon();
      const { course, eLearning, requirement, person, cookie } = await scenario({ externalMinLevel: 3 });
      await joinedOn(em(), person, addMonths(today, -60));
      expect(await mine(cookie, requirement.id)).toMatchObject({ status: MandatoryStatus.OVERDUE, lastCompletedOn: null });

      // a revoked session completion, another course, and learning elsewhere below the level: none counts
      await aCompletion(em(), person, plusDays(today, -10), { course, revoked: true });
      await aCompletion(em(), person, plusDays(today, -9), { course: await aCourse(em()) });
      await aCompletion(em(), person, plusDays(today, -8), { source: CompletionSource.EXTERNAL, level: 2 });
      expect((await mine(cookie, requirement.id))!.status).toBe(MandatoryStatus.OVERDUE);

      // learning elsewhere at the level counts
      const external = plusDays(today, -400);
      await aCompletion(em(), person, external, { source: CompletionSource.EXTERNAL, level: 3 });
      expect(await mine(cookie, requirement.id)).toMatchObject({ status: MandatoryStatus.CURRENT, lastCompletedOn: external });
      // so does e-learning of a listed course, and a session of one
      const eDone = plusDays(today, -300);
      await aCompletion(em(), person, eDone, { source: CompletionSource.E_LEARNING, course: eLearning });
      expect(await mine(cookie, requirement.id)).toMatchObject({ lastCompletedOn: eDone });
      const sDone = plusDays(today, -200);
      await aCompletion(em(), person, sDone, { course });
      expect(await mine(cookie, requirement.id)).toMatchObject({
        status: MandatoryStatus.CURRENT,
        lastCompletedOn: sDone,
        validUntil: addMonths(sDone, 36),
      });
    });

    it('expired, then a new completion extends validity from its own date and keeps the earlier one', async () => {
      const today = todayInLondon();
      const { course, requirement, person, cookie } = await scenario({ validityMonths: 12, refresherMonths: 2 });
      await joinedOn(em(), person, addMonths(today, -60));
      const old = await aCompletion(em(), person, plusDays(addMonths(today, -12), -1), { course });
      const session = await aSession(em(), course, { inDays: 30 });
      const expired = await mine(cookie, requirement.id);
      expect(expired).toMatchObject({ status: MandatoryStatus.EXPIRED, validUntil: plusDays(today, -1) });
      expect(expired!.sessions.map((s) => s.id)).toEqual([session.id]);

      const again = plusDays(today, -2);
      await aCompletion(em(), person, again, { course });
      const current = await mine(cookie, requirement.id);
      expect(current).toMatchObject({
        status: MandatoryStatus.CURRENT,
        lastCompletedOn: again,
        validUntil: addMonths(again, 12),
        sessions: [],
      });
      expect((await em().find(TrainingCompletion, { person: person.id }, { orderBy: { completedOn: 'asc' } })).map((c) => c.id)[0]).toBe(
        old.id,
      );
    });

    it('a session they have booked is shown as their booking, and no other date of that course is offered', async () => {
      const today = todayInLondon();
      const { course, eLearning, requirement, person, cookie } = await scenario();
      await joinedOn(em(), person, addMonths(today, -60));
      const soon = await aSession(em(), course, { inDays: 5 });
      const later = await aSession(em(), course, { inDays: 40 });
      const eSession = await aSession(em(), eLearning, { inDays: 20 });
      expect((await mine(cookie, requirement.id))!.sessions.map((s) => s.id)).toEqual([soon.id, eSession.id, later.id]);

      const booked = await gql<{ bookSession: { id: string; status: string } }>(api.url, BOOK, { input: { sessionId: soon.id } }, cookie);
      expect(booked.errors).toBeUndefined();
      const standing = await mine(cookie, requirement.id);
      expect(standing!.status).toBe(MandatoryStatus.OVERDUE);
      expect(standing!.yourBookings).toEqual([
        { bookingId: booked.data!.bookSession.id, id: soon.id, status: booked.data!.bookSession.status },
      ]);
      // one live booking per course: the later date of the same course is not offered; the other course still is
      expect(standing!.sessions.map((s) => s.id)).toEqual([eSession.id]);
    });

    it('statuses change on their exact London days (refresher window, expiry, new starter deadline)', async () => {
      const { course, requirement, person } = await scenario({ validityMonths: 36, refresherMonths: 3 });
      await joinedOn(em(), person, '2020-01-01');
      await aCompletion(em(), person, '2024-02-29', { course });
      const at = async (instant: string) => {
        api.app.get(Clock).fixAt(new Date(instant));
        return (await mine(await signInAs(api.url, person), requirement.id))!.status;
      };
      // valid through 28 Feb 2027; due soon from 28 Nov 2026 (midnight GMT both)
      expect(await at('2026-11-27T23:59:59Z')).toBe(MandatoryStatus.CURRENT);
      expect(await at('2026-11-28T00:00:00Z')).toBe(MandatoryStatus.DUE_SOON);
      expect(await at('2027-02-28T23:59:59Z')).toBe(MandatoryStatus.DUE_SOON);
      expect(await at('2027-03-01T00:00:00Z')).toBe(MandatoryStatus.EXPIRED);
    });

    it('a new starter is not yet due in their window and overdue after it; London midnight BST is the next day', async () => {
      const { requirement, person, cookie } = await scenario({ newStarterMonths: 3 });
      await joinedOn(em(), person, '2026-03-31'); // due by 30 June 2026
      const at = async (instant: string) => {
        api.app.get(Clock).fixAt(new Date(instant));
        return mine(cookie, requirement.id);
      };
      expect(await at('2026-06-30T22:59:59Z')).toMatchObject({ status: MandatoryStatus.NOT_YET_DUE, dueBy: '2026-06-30' });
      expect((await at('2026-06-30T23:00:01Z'))!.status).toBe(MandatoryStatus.OVERDUE); // 00:00:01 BST on 1 July
    });
  });

  describe('who may see whose', () => {
    it('a coordinator makes someone an agency lead only when they have an agency', async () => {
      const SET = `mutation($personId: ID!, $roles: [Role!]!) { setPersonRoles(personId: $personId, roles: $roles) { roles } }`;
      const nowhere = await aPerson(em(), { name: 'Nia Noagency' });
      const refused = await gql(api.url, SET, { personId: nowhere.id, roles: ['PRACTITIONER', 'AGENCY_LEAD'] }, coordinator);
      expect(refused.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'roles', message: 'Nia Noagency has no agency: give them an agency before making them an agency lead' }],
      });
      const placed = await aPerson(em(), { agency: await anAgency(em()) });
      const granted = await gql<{ setPersonRoles: { roles: string[] } }>(
        api.url,
        SET,
        { personId: placed.id, roles: ['PRACTITIONER', 'AGENCY_LEAD'] },
        coordinator,
      );
      expect(granted.data!.setPersonRoles.roles).toEqual(['PRACTITIONER', 'AGENCY_LEAD']);
    });

    it('an agency lead sees their own staff only; a practitioner nobody else', async () => {
      const [north, south] = [await anAgency(em()), await anAgency(em())];
      const course = await aCourse(em());
      const requirement = await aRequirement(em(), { agencyIds: [north.id, south.id], courseIds: [course.id] });
      const lead = await aPerson(em(), { agency: north, roles: [Role.PRACTITIONER, Role.AGENCY_LEAD] });
      const colleague = await aPerson(em(), { agency: north });
      const other = await aPerson(em(), { agency: south });
      const leadCookie = await signInAs(api.url, lead);

      const ofColleague = await gql<{ mandatoryTrainingOf: { standings: { requirementId: string }[] } }>(
        api.url,
        OF,
        { id: colleague.id },
        leadCookie,
      );
      expect(ofColleague.errors).toBeUndefined();
      expect(ofColleague.data!.mandatoryTrainingOf.standings.map((s) => s.requirementId)).toEqual([requirement.id]);
      const ofOther = await gql(api.url, OF, { id: other.id }, leadCookie);
      expect(ofOther.errors![0]!.extensions!.code).toBe('NOT_FOUND');

      const practitioner = await signInAs(api.url, colleague);
      expect((await gql(api.url, OF, { id: lead.id }, practitioner)).errors![0]!.extensions!.code).toBe('NOT_ALLOWED');
    });
  });
});
