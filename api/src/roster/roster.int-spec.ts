import { Workbook } from 'exceljs';
import { AuditAction, BookingStatus, Role } from '@lh/domain';
import { aCourse, anAgency, aPerson, aSession } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Booking } from '../booking/booking.entity';
import { BookingNote } from './roster.entity';
import { Person } from '../people/person.entity';
import { Session } from '../scheduling/session.entity';

const LIST = `query($sessionId: ID!, $search: String, $sort: RosterSort) {
  sessionRosterList(sessionId: $sessionId, search: $search, sort: $sort) {
    total entries { bookingId name email agencyName status note { text writtenByName } }
    agencyCounts { agencyName count } needs { places withoutNeeds access { answer count } dietary { answer count } }
  }
}`;
const NOTES = `query($sessionId: ID!) { sessionNotes(sessionId: $sessionId) { bookingId text writtenByName writtenAt } }`;
const SET_NOTE = `mutation($bookingId: ID!, $text: String!) { setBookingNote(bookingId: $bookingId, text: $text) { text writtenByName } }`;
const MY_BOOKING = `query($id: ID!) { booking(bookingId: $id) { id status } }`;
const FILE = `query($sessionId: ID!, $format: TableFileFormat!, $sort: RosterSort) {
  rosterFile(sessionId: $sessionId, format: $format, sort: $sort) { fileName contentType base64 }
}`;
const NEEDS = `query($sessionId: ID!, $format: TableFileFormat!) { needsSummaryFile(sessionId: $sessionId, format: $format) { fileName base64 } }`;
const FIND = `query($sessionId: ID!, $search: String!) { peopleToAdd(sessionId: $sessionId, search: $search) { name email alreadyBooked } }`;

type Entry = {
  bookingId: string;
  name: string;
  email: string;
  agencyName: string | null;
  status: string;
  note: { text: string; writtenByName: string } | null;
};
type List = {
  total: number;
  entries: Entry[];
  agencyCounts: { agencyName: string | null; count: number }[];
  needs: Record<string, unknown>;
};

/** The coordinator's session roster over the real API and PostgreSQL: search, sort, counts, notes, exports. */
describe('session roster', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });
  const em = () => api.orm.em.fork();

  /** A session with four bookings across two agencies (and one without), booked a day apart. */
  async function rosterFixture() {
    const e = em();
    const police = await anAgency(e, { name: `Police ${Math.random()}` });
    const council = await anAgency(e, { name: `Council ${Math.random()}` });
    const coordinator = await aPerson(e, { name: 'Cora Coordinator', roles: [Role.COORDINATOR] });
    const session = await aSession(e, await aCourse(e, { title: 'Neglect' }), { inDays: 14 });
    const people = [
      { name: 'Dev Patel', agency: police, status: BookingStatus.CONFIRMED, access: 'Step-free access', dietary: 'Vegan' },
      { name: 'Amy Brown', agency: council, status: BookingStatus.WAITLISTED, access: null, dietary: null },
      { name: 'Cal Jones', agency: police, status: BookingStatus.CONFIRMED, access: null, dietary: 'vegan' },
      { name: 'Bea Smith', agency: undefined, status: BookingStatus.CANCELLED, access: null, dietary: 'Halal' },
    ];
    const made: { booking: Booking; person: Person & { password: string } }[] = [];
    for (const [i, p] of people.entries()) {
      const person = await aPerson(e, {
        name: p.name,
        email: `${p.name.split(' ')[0]!.toLowerCase()}.${Math.random().toString(36).slice(2, 7)}@example.org`,
        agency: p.agency,
      });
      const booking = e.create(Booking, {
        session: e.getReference(Session, session.id),
        person: e.getReference(Person, person.id),
        agency: p.agency ?? null,
        status: p.status,
        accessNeeds: p.access,
        dietaryNeeds: p.dietary,
        waitlistedAt: p.status === BookingStatus.WAITLISTED ? new Date() : null,
        createdAt: new Date(Date.UTC(2026, 10, 1 + [3, 1, 4, 2][i]!)),
      });
      made.push({ booking, person });
    }
    await e.flush();
    return { police, council, coordinator, session, made, cookie: await signInAs(api.url, coordinator) };
  }

  it('searches by name or email, sorts by name, agency, status and booked on, and counts live places per agency', async () => {
    const { police, council, session, made, cookie } = await rosterFixture();
    const list = async (vars: Record<string, unknown>) =>
      (await gql<{ sessionRosterList: List }>(api.url, LIST, { sessionId: session.id, ...vars }, cookie)).data!.sessionRosterList;

    const byName = await list({});
    expect(byName.total).toBe(4);
    expect(byName.entries.map((e) => e.name)).toEqual(['Amy Brown', 'Bea Smith', 'Cal Jones', 'Dev Patel']);
    expect((await list({ sort: 'AGENCY' })).entries.map((e) => e.name)).toEqual(
      council.name < police.name
        ? ['Amy Brown', 'Cal Jones', 'Dev Patel', 'Bea Smith']
        : ['Cal Jones', 'Dev Patel', 'Amy Brown', 'Bea Smith'],
    );
    expect((await list({ sort: 'STATUS' })).entries.map((e) => e.name)).toEqual(['Cal Jones', 'Dev Patel', 'Amy Brown', 'Bea Smith']);
    expect((await list({ sort: 'BOOKED_ON' })).entries.map((e) => e.name)).toEqual(['Amy Brown', 'Bea Smith', 'Dev Patel', 'Cal Jones']);

    const searched = await list({ search: 'JONES' });
    expect(searched.total).toBe(4);
    expect(searched.entries.map((e) => e.name)).toEqual(['Cal Jones']);
    const byEmail = await list({ search: made[0]!.person.email.split('@')[0] });
    expect(byEmail.entries.map((e) => e.email)).toEqual([made[0]!.person.email]);

    // the cancelled booking is not a place: counts are of live places
    expect(byName.agencyCounts).toEqual([
      { agencyName: police.name, count: 2 },
      { agencyName: council.name, count: 1 },
    ]);
    expect(byName.needs).toEqual({
      places: 2,
      withoutNeeds: 0,
      access: [{ answer: 'Step-free access', count: 1 }],
      dietary: [{ answer: 'Vegan', count: 2 }],
    });

    // practitioners and trainers cannot read the roster
    const trainer = await aPerson(em(), { roles: [Role.TRAINER] });
    const refused = await gql(api.url, LIST, { sessionId: session.id }, await signInAs(api.url, trainer));
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
  });

  it("shows notes to coordinators and the session's trainers only; never to the practitioner or another trainer", async () => {
    const { session, made, cookie } = await rosterFixture();
    const e = em();
    const ours = await aPerson(e, { name: 'Tara Trainer', roles: [Role.TRAINER] });
    const theirs = await aPerson(e, { name: 'Olu Other', roles: [Role.TRAINER] });
    const s = await e.findOneOrFail(Session, session.id, { populate: ['trainers'] });
    s.trainers.add(e.getReference(Person, ours.id));
    await e.flush();
    const dev = made[0]!;

    const set = await gql<{ setBookingNote: { text: string; writtenByName: string } }>(
      api.url,
      SET_NOTE,
      { bookingId: dev.booking.id, text: '  Uses a wheelchair: ground-floor room booked.  ' },
      cookie,
    );
    expect(set.data!.setBookingNote).toEqual({ text: 'Uses a wheelchair: ground-floor room booked.', writtenByName: 'Cora Coordinator' });
    const listed = (await gql<{ sessionRosterList: List }>(api.url, LIST, { sessionId: session.id, search: 'Dev' }, cookie)).data!;
    expect(listed.sessionRosterList.entries[0]!.note).toEqual({
      text: 'Uses a wheelchair: ground-floor room booked.',
      writtenByName: 'Cora Coordinator',
    });

    const asOurs = await gql<{ sessionNotes: { bookingId: string; text: string }[] }>(
      api.url,
      NOTES,
      { sessionId: session.id },
      await signInAs(api.url, ours),
    );
    expect(asOurs.data!.sessionNotes.map((n) => [n.bookingId, n.text])).toEqual([
      [dev.booking.id, 'Uses a wheelchair: ground-floor room booked.'],
    ]);
    const asTheirs = await gql(api.url, NOTES, { sessionId: session.id }, await signInAs(api.url, theirs));
    expect(asTheirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const practitioner = await signInAs(api.url, dev.person);
    const asPractitioner = await gql(api.url, NOTES, { sessionId: session.id }, practitioner);
    expect(asPractitioner.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    // their own booking says nothing of it, and they cannot write one
    const own = await gql(api.url, MY_BOOKING, { id: dev.booking.id }, practitioner);
    expect(JSON.stringify(own.data)).not.toContain('wheelchair');
    expect((await gql(api.url, SET_NOTE, { bookingId: dev.booking.id, text: 'mine' }, practitioner)).errors?.[0]?.extensions?.code).toBe(
      'NOT_ALLOWED',
    );
    // a trainer reads but does not write
    expect(
      (await gql(api.url, SET_NOTE, { bookingId: dev.booking.id, text: 'x' }, await signInAs(api.url, ours))).errors?.[0]?.extensions?.code,
    ).toBe('NOT_ALLOWED');

    // saves at once (two coordinators, or a double click) all succeed, leaving one note
    const twice = await Promise.all(
      ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'].map((text) =>
        gql(api.url, SET_NOTE, { bookingId: made[1]!.booking.id, text }, cookie),
      ),
    );
    expect(twice.map((r) => r.errors)).toEqual(Array(6).fill(undefined));
    expect(await em().count(BookingNote, { booking: made[1]!.booking.id })).toBe(1);

    // empty text removes the note
    const removed = await gql<{ setBookingNote: null }>(api.url, SET_NOTE, { bookingId: dev.booking.id, text: '  ' }, cookie);
    expect(removed.data!.setBookingNote).toBeNull();
    const left = (await gql<{ sessionNotes: { bookingId: string; text: string }[] }>(api.url, NOTES, { sessionId: session.id }, cookie))
      .data!;
    expect(left.sessionNotes.map((n) => n.bookingId)).toEqual([made[1]!.booking.id]);
  });

  it('exports the roster as CSV and XLSX read back with the same rows, audited; and the needs summary without names', async () => {
    const { session, made, cookie, police } = await rosterFixture();
    await gql(api.url, SET_NOTE, { bookingId: made[0]!.booking.id, text: 'Needs a hearing loop' }, cookie);

    const csv = (
      await gql<{ rosterFile: { fileName: string; contentType: string; base64: string } }>(
        api.url,
        FILE,
        { sessionId: session.id, format: 'CSV', sort: 'STATUS' },
        cookie,
      )
    ).data!.rosterFile;
    expect(csv.fileName).toMatch(/^Roster Neglect \d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    const lines = Buffer.from(csv.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Name,Email,Job title,Agency,Status,Place in queue,Booked on,Access needs,Dietary needs,Note');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Cal Jones', 'Dev Patel', 'Amy Brown', 'Bea Smith']);
    expect(lines[2]).toBe(
      `Dev Patel,${made[0]!.person.email},,${police.name},Confirmed,,2026-11-04,Step-free access,Vegan,Needs a hearing loop`,
    );

    const xlsx = (
      await gql<{ rosterFile: { fileName: string; base64: string } }>(api.url, FILE, { sessionId: session.id, format: 'XLSX' }, cookie)
    ).data!.rosterFile;
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Roster', 'About']);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(1).value).toBe('Amy Brown');
    expect(sheet.getRow(2).getCell(5).value).toBe('On the waiting list');
    expect(sheet.getRow(2).getCell(6).value).toBe(1);

    const audited = await em().find(
      AuditEntry,
      { subjectId: session.id, action: AuditAction.PERSONAL_DATA_EXPORTED },
      { orderBy: { at: 'asc' } },
    );
    expect(audited.map((a) => a.after)).toEqual([
      { file: expect.stringMatching(/^Roster: Neglect, /) as unknown, format: 'CSV', people: 4 },
      { file: expect.stringMatching(/^Roster: Neglect, /) as unknown, format: 'XLSX', people: 4 },
    ]);

    const needs = (await gql<{ needsSummaryFile: { base64: string } }>(api.url, NEEDS, { sessionId: session.id, format: 'CSV' }, cookie))
      .data!.needsSummaryFile;
    const text = Buffer.from(needs.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim();
    expect(text.split('\r\n')).toEqual([
      'Need,Answer,Places',
      'Confirmed places,,2',
      'No access or dietary needs given,,0',
      'Access,Step-free access,1',
      'Dietary,Vegan,2',
    ]);
    for (const { person } of made) {
      expect(text).not.toContain(person.name);
    }
    // the cancelled booking's halal answer is not a place to cater for
    expect(text).not.toContain('Halal');
  });

  it('finds people to add by name or email, saying who is already booked', async () => {
    const { session, made, cookie } = await rosterFixture();
    const found = await gql<{ peopleToAdd: { name: string; email: string; alreadyBooked: boolean }[] }>(
      api.url,
      FIND,
      { sessionId: session.id, search: made[0]!.person.email.slice(0, 8) },
      cookie,
    );
    expect(found.data!.peopleToAdd).toEqual([{ name: 'Dev Patel', email: made[0]!.person.email, alreadyBooked: true }]);
    const bea = await gql<{ peopleToAdd: { name: string; alreadyBooked: boolean }[] }>(
      api.url,
      FIND,
      { sessionId: session.id, search: made[3]!.person.email },
      cookie,
    );
    // her booking was cancelled: she can be added again
    expect(bea.data!.peopleToAdd.map((p) => [p.name, p.alreadyBooked])).toEqual([['Bea Smith', false]]);
  });
});
