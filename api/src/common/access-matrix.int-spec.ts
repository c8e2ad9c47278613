import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AttendanceMark, BookingStatus, Role, SignInMethod } from '@lh/domain';
import { randomUUID } from 'node:crypto';
import { aCourse, aPerson, aSession, anAgency } from '../../test/builders';
import { fullSelection, harmlessVariables, operationDocument, rootOperations, type Operation } from '../../test/operations';
import { QUOTE_QUESTION, otherTargets, type OtherTargets } from '../../test/access-targets';
import { markPart } from '../../test/registers';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Booking } from '../booking/booking.entity';
import { Course } from '../catalogue/course.entity';
import { Certificate } from '../certificates/certificate.entity';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { SessionPart } from '../scheduling/session-part.entity';
import { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/client-info';
import { MUTATION_ACCESS, PERSONAS, QUERY_ACCESS, cellsOf, type Outcome, type Persona } from './access-matrix';

/**
 * The access table (access-matrix.ts), cell by cell: every query and mutation in the schema, called over
 * real GraphQL/HTTP as each of the nine personas with arguments that target practitioner A's data (A's
 * person id, booking, session, register part, certificate, and the rows of access-targets.ts: learning done
 * elsewhere, a check-in request, a mail, a charge, an agency request, a sign-in, an ask for new dates, survey
 * answers, a duplicate to merge) or real rows coordinators look after (a requirement, a template, a venue),
 * every field of the answer asked for. No id names nothing, so a refusal is never just "not found".
 *
 * Mutations: each one meets fresh targets (a new upcoming session trained by T with A booked on it, and a
 * new started one for its register), so one mutation's effect never changes the next one's cells. Within
 * an operation the personas run outsiders first and A and the coordinator last, so refusals meet the
 * target untouched, and an `ok` cell is what the caller's own call answered. Operations that end sign-ins or
 * change people run at the end; after those in SIGNS_IN_AGAIN everyone gets a new sign-in.
 */

const PASSWORD = 'access-matrix-password';
/** Run in the order the personas are least to most likely to change the target. */
const RUN_ORDER: Persona[] = ['out', 'B', 'U', 'M', 'R', 'T', 'L', 'A', 'C'];
/** Mutations that change people or sign-ins: run last, in this order (erasePerson, which removes A, at the very end). */
const LAST = [
  'signOutSession',
  'signOut',
  'signOutEverywhere',
  'changePassword',
  'setPersonRoles',
  'deactivatePerson',
  'reactivatePerson',
  'mergePeople',
  'erasePerson',
];

/** After these, everyone signs in again (A's account is closed by deactivatePerson until reactivatePerson, and gone after erasePerson). */
const SIGNS_IN_AGAIN = ['signOutSession', 'signOut', 'signOutEverywhere', 'setPersonRoles', 'reactivatePerson'];

interface Targets extends OtherTargets {
  sessionId: string;
  bookingId: string;
  partId: string;
  /** A's booking on the started session (the part's register). */
  registerBookingId: string;
}

describe('the access table holds for every operation and persona', () => {
  let api: TestApi;
  const cookies = {} as Record<Persona, string | undefined>;
  const people = {} as Record<Exclude<Persona, 'out'>, Person & { password: string }>;
  let agencyX: Agency;
  let courseId = '';
  let otherSessionId = '';
  let certificateId = '';
  let attendedBookingId = '';
  let priorityAreaId = '';
  let markers: string[] = [];
  let queryTargets: Targets;

  const em = () => api.orm.em.fork();
  const schemaOps = (): Operation[] => rootOperations(api.app.get(GraphQLSchemaHost).schema);

  /** A new upcoming session trained by T with A booked (with access needs), and a started one with A booked. */
  async function freshTargets(): Promise<Targets> {
    const e = em();
    const course = await e.findOneOrFail(Course, courseId);
    const upcoming = await aSession(e, course, { inDays: 20 });
    const started = await aSession(e, course, { inDays: -1 / 24 });
    const a = e.getReference(Person, people.A.id);
    const agency = e.getReference(Agency, agencyX.id);
    const t = e.getReference(Person, people.T.id);
    upcoming.trainers.add(t);
    started.trainers.add(t);
    const booking = e.create(Booking, {
      session: upcoming,
      person: a,
      agency,
      status: BookingStatus.CONFIRMED,
      accessNeeds: markers[2],
    });
    const onRegister = e.create(Booking, { session: started, person: a, agency, status: BookingStatus.CONFIRMED, accessNeeds: markers[2] });
    await e.flush();
    const part = await e.findOneOrFail(SessionPart, { session: started.id });
    const others = await otherTargets({
      api,
      em,
      a: people.A,
      courseId,
      partId: part.id,
      registerBookingId: onRegister.id,
      attendedBookingId,
    });
    return { sessionId: upcoming.id, bookingId: booking.id, partId: part.id, registerBookingId: onRegister.id, ...others };
  }

  /** Everyone signs in over HTTP (once, at the start). */
  async function signInEveryone(): Promise<void> {
    for (const p of PERSONAS) {
      cookies[p] = p === 'out' ? undefined : await signInAs(api.url, { email: people[p].email, password: PASSWORD });
    }
  }

  /** Everyone gets a new sign-in, made as a checked password sign-in makes one (argon2 is slow on purpose). */
  async function newSessionsForEveryone(): Promise<void> {
    const e = em();
    for (const p of PERSONAS) {
      if (p !== 'out') {
        const { token } = await api.app
          .get(AuthService)
          .startSession(e, e.getReference(Person, people[p].id), SignInMethod.PASSWORD, null, new Date());
        cookies[p] = `${SESSION_COOKIE}=${token}`;
      }
    }
  }

  beforeAll(async () => {
    api = await startTestApi();
    const e = em();
    agencyX = await anAgency(e, { name: `Northshire Health ${randomUUID().slice(0, 6)}` });
    const agencyY = await anAgency(e, { name: `Southshire Council ${randomUUID().slice(0, 6)}` });
    const person = (name: string, roles: Role[], agency: Agency | undefined) =>
      aPerson(e, { name: `${name} ${randomUUID().slice(0, 6)}`, roles, agency, password: PASSWORD });
    people.A = await person('Ada Target', [Role.PRACTITIONER], agencyX);
    people.B = await person('Ben Other', [Role.PRACTITIONER], agencyX);
    people.T = await person('Tariq Trainer', [Role.PRACTITIONER, Role.TRAINER], agencyY);
    people.U = await person('Una Trainer', [Role.PRACTITIONER, Role.TRAINER], agencyY);
    people.L = await person('Lena Lead', [Role.PRACTITIONER, Role.AGENCY_LEAD], agencyX);
    people.M = await person('Marek Lead', [Role.PRACTITIONER, Role.AGENCY_LEAD], agencyY);
    people.R = await person('Rita Reviewer', [Role.REVIEWER], undefined);
    people.C = await person('Cora Coordinator', [Role.COORDINATOR], undefined);
    markers = [people.A.name, people.A.email, `Hearing loop for ${randomUUID()}`];
    const course = await aCourse(e);
    courseId = course.id;
    priorityAreaId = course.priorityArea.id;
    // U trains another session, with B booked on it
    const other = await aSession(e, course, { inDays: 30 });
    other.trainers.add(e.getReference(Person, people.U.id));
    e.create(Booking, { session: other, person: e.getReference(Person, people.B.id), status: BookingStatus.CONFIRMED });
    otherSessionId = other.id;
    // A attended an earlier session of T's: marked present, signed off, certificate issued
    const earlier = await aSession(e, course, { inDays: -0.5 });
    earlier.trainers.add(e.getReference(Person, people.T.id));
    const attended = e.create(Booking, {
      session: earlier,
      person: e.getReference(Person, people.A.id),
      agency: agencyX,
      status: BookingStatus.CONFIRMED,
    });
    await e.flush();
    attendedBookingId = attended.id;
    await signInEveryone();
    const [earlierPart] = await e.find(SessionPart, { session: earlier.id });
    await markPart(api, cookies.T!, earlierPart!.id, { [attended.id]: AttendanceMark.PRESENT });
    const signed = await gql(api.url, `mutation($p: ID!) { signOffRegister(partId: $p) { partId } }`, { p: earlierPart!.id }, cookies.T);
    expect(signed.errors).toBeUndefined();
    certificateId = (await em().findOneOrFail(Certificate, { person: people.A.id })).id;
    queryTargets = await freshTargets();
    await markPart(api, cookies.T!, queryTargets.partId, { [queryTargets.registerBookingId]: AttendanceMark.PRESENT });
  }, 120_000);
  afterAll(() => api.close());

  /** The arguments: harmless ones from the types, aimed at A's data and session. */
  function variablesFor(op: Operation, t: Targets): Record<string, unknown> {
    const ids: Record<string, string> = {
      personId: people.A.id,
      bookingId: ['markAttendance'].includes(op.field.name) ? t.registerBookingId : t.bookingId,
      sessionId: t.sessionId,
      partId: t.partId,
      toSessionId: otherSessionId,
      certificateId,
      courseId,
      agencyId: agencyX.id,
      keepId: people.A.id,
      mergeId: t.mergeId,
      interestId: t.interestId,
      chargeId: t.chargeId,
      responseId: t.responseId,
      fromSessionId: t.sessionId,
      fromAgencyId: t.spareAgencyId,
      intoAgencyId: agencyX.id,
      priorityAreaId,
      // a new device id for each operation: marks never meet an earlier operation's
      clientId: randomUUID(),
    };
    const byOperation: Record<string, string> = {
      booking: t.bookingId,
      bookingCalendar: t.bookingId,
      session: t.sessionId,
      sessionAdmin: t.sessionId,
      trainerSession: t.sessionId,
      course: courseId,
      courseAdmin: courseId,
      personAdmin: people.A.id,
      adminAgency: agencyX.id,
      UpdatePersonInput: people.A.id,
      UpdateSessionInput: t.sessionId,
      UpdateCourseInput: courseId,
      UpdateAgencyInput: agencyX.id,
      changeCourseStatus: courseId,
      externalLearningEvidence: t.externalLearningId,
      rejectExternalLearning: t.externalLearningId,
      verifyExternalLearning: t.externalLearningId,
      mandatoryRequirement: t.requirementId,
      surveyTemplate: t.templateId,
      venue: t.venueId,
      UpdateVenueInput: t.venueId,
      retryMail: t.mailId,
    };
    const vars = harmlessVariables({ ids, email: people.A.email, idFor: (parent) => byOperation[parent] }, op.field);
    const special: Record<string, Record<string, unknown>> = {
      signIn: { input: { email: 'nobody@example.org', password: 'wrong password' } },
      setPersonRoles: { roles: [Role.PRACTITIONER] },
      walkInCandidates: { query: people.A.name.slice(0, 9) },
      // someone with an account, so the call reaches the register's door
      addWalkIn: { input: { ...(vars.input as object), personId: people.B.id } },
      peopleToAdd: { search: people.A.name.slice(0, 9) },
      // the trainer of the session, taken off it
      removeTrainer: { personId: people.T.id },
      signOutSession: { sessionId: t.signInId },
      dismissCheckInRequest: { requestId: t.checkInRequestId },
      mapAgencyRequest: { requestId: t.agencyRequestId },
      refuseAgencyRequest: { requestId: t.agencyRequestId },
      createAgencyFromRequest: { input: { ...(vars.input as object), requestId: t.agencyRequestId } },
      pickSurveyQuote: { input: { responseId: t.responseId, questionId: QUOTE_QUESTION, picked: true } },
    };
    return { ...vars, ...special[op.field.name] };
  }

  function documentFor(op: Operation, variables: Record<string, unknown>): string {
    const args = Object.keys(variables);
    // ask for every field, as deep as the request limits allow
    for (const depth of [3, 2, 1]) {
      const selection = fullSelection(op.field.type, depth);
      const doc = operationDocument(op, args, selection);
      if (doc.split(/[\s{}():,$]+/).length < 1500) {
        return doc;
      }
    }
    return operationDocument(op, args);
  }

  function classify(status: number, text: string): { outcome: Outcome | 'error'; detail: string } {
    let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return { outcome: 'error', detail: `${status} ${text.slice(0, 200)}` };
    }
    const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? '?');
    const detail = body.errors ? `${codes.join(',')}: ${body.errors[0]!.message}` : 'answered';
    if (status >= 500 || codes.some((c) => ['INTERNAL_SERVER_ERROR', 'GRAPHQL_VALIDATION_FAILED', '?'].includes(c))) {
      return { outcome: 'error', detail: `${status} ${text.slice(0, 300)}` };
    }
    if (codes.includes('UNAUTHENTICATED') || codes.includes('NOT_ALLOWED')) {
      return { outcome: 'refused', detail };
    }
    if (codes.includes('NOT_FOUND')) {
      return { outcome: 'hidden', detail };
    }
    // files: look inside CSV and other text files too
    const files = [...text.matchAll(/"base64":"([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
    const everything = [text, ...files].join('\n').toLowerCase();
    const seen = markers.filter((m) => everything.includes(m.toLowerCase()));
    return seen.length ? { outcome: 'ok', detail: `${detail} (shows ${seen.join(', ')})` } : { outcome: 'own', detail };
  }

  async function call(op: Operation, persona: Persona, variables: Record<string, unknown>) {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookies[persona] ? { cookie: cookies[persona] } : {}) },
      body: JSON.stringify({ query: documentFor(op, variables), variables }),
    });
    return classify(res.status, await res.text());
  }

  async function observe(op: Operation): Promise<Record<Persona, { outcome: Outcome | 'error'; detail: string }>> {
    const cells = {} as Record<Persona, { outcome: Outcome | 'error'; detail: string }>;
    if (op.kind === 'query') {
      const variables = variablesFor(op, queryTargets);
      await Promise.all(PERSONAS.map(async (p) => (cells[p] = await call(op, p, variables))));
    } else {
      const variables = variablesFor(op, await freshTargets());
      for (const p of RUN_ORDER) {
        cells[p] = await call(op, p, variables);
      }
      if (SIGNS_IN_AGAIN.includes(op.field.name)) {
        await newSessionsForEveryone();
      }
    }
    return cells;
  }

  const rowOf = (cells: Record<Persona, { outcome: string }>) => PERSONAS.map((p) => cells[p].outcome.padEnd(7)).join(' ');

  /** Mutations that change people or sign-ins last, in the order of LAST. */
  const inOrder = (names: string[]) => [...names].sort((a, b) => LAST.indexOf(a) - LAST.indexOf(b));

  const tableOf = (kind: Operation['kind']) => (kind === 'query' ? QUERY_ACCESS : MUTATION_ACCESS);
  const tableName = (kind: Operation['kind']) => (kind === 'query' ? 'QUERY_ACCESS' : 'MUTATION_ACCESS');

  it.each(['query', 'mutation'] as const)('has a row for every %s in the schema, and none for one that is gone', async (kind) => {
    const inSchema = schemaOps()
      .filter((o) => o.kind === kind)
      .map((o) => o.field.name);
    const table = tableOf(kind);
    const missing = inSchema.filter((n) => !(n in table));
    const gone = Object.keys(table).filter((n) => !inSchema.includes(n));
    const suggestions: string[] = [];
    for (const name of inOrder(missing)) {
      const cells = await observe(schemaOps().find((o) => o.kind === kind && o.field.name === name)!);
      suggestions.push(`  ${name}: '${rowOf(cells).trimEnd()}',`);
    }
    const problems = [
      ...(missing.length
        ? [`No row in ${tableName(kind)} (access-matrix.ts) for these; as observed now (check each cell before adding it):`, ...suggestions]
        : []),
      ...(gone.length ? [`Rows in ${tableName(kind)} for operations no longer in the schema: ${gone.join(', ')}`] : []),
    ];
    expect(problems.join('\n')).toBe('');
  });

  it('shows a trainer the attendees and access needs of the sessions they train, and of no other session', async () => {
    const SESSION = `query($id: ID!) { trainerSession(id: $id) { attendees { name accessNeeds } } }`;
    type Answer = { trainerSession: { attendees: { name: string; accessNeeds: string | null }[] } };
    const theirs = await gql<Answer>(api.url, SESSION, { id: queryTargets.sessionId }, cookies.T);
    expect(theirs.data?.trainerSession.attendees).toEqual([{ name: people.A.name, accessNeeds: markers[2] }]);
    const notTheirs = await gql<Answer>(api.url, SESSION, { id: otherSessionId }, cookies.T);
    expect(notTheirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const otherTrainer = await gql<Answer>(api.url, SESSION, { id: queryTargets.sessionId }, cookies.U);
    expect(otherTrainer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  const cases = [
    ...Object.keys(QUERY_ACCESS).map((name) => ['query', name] as const),
    ...inOrder(Object.keys(MUTATION_ACCESS)).map((name) => ['mutation', name] as const),
  ];
  it.each(cases)('%s %s', async (kind, name) => {
    const op = schemaOps().find((o) => o.kind === kind && o.field.name === name);
    if (!op) {
      throw new Error(`${name} is in ${tableName(kind)} but not in the schema`);
    }
    const expected = cellsOf(tableOf(kind)[name]!);
    const cells = await observe(op);
    const changed = PERSONAS.filter((p) => cells[p].outcome !== expected[p]).map(
      (p) => `  ${p}: expected ${expected[p]}, got ${cells[p].outcome} (${cells[p].detail.slice(0, 160)})`,
    );
    expect(changed.length ? `${name}: cells changed\n${changed.join('\n')}\n  observed row: '${rowOf(cells).trimEnd()}'` : '').toBe('');
  });
});
