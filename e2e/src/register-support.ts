// Set-up for the register journeys, through the GraphQL API as the demo coordinator: people imported in
// one file, sessions starting in the next few minutes (so their registers are open) with the demo trainer,
// confirmed places added by the training team. Times are whole London minutes; sessions never overlap,
// because a trainer cannot be in two places at once. A session a journey signs off is then moved in the e2e
// database to have started a minute ago (e2e-database.ts), so no journey waits for the clock.
import {
  AddPersonToSessionDocument,
  AgencyListDocument,
  AssignTrainerDocument,
  CancelSessionDocument,
  CoursesDocument,
  CreateSessionDocument,
  CreateVenueDocument,
  ImportPeopleDocument,
  MarkAllPresentDocument,
  PartRegisterDocument,
  RemoveTrainerDocument,
  SessionAdminDocument,
  SignOffRegisterDocument,
} from '@lh/graphql-client';
import { randomUUID } from 'node:crypto';
import { londonParts, londonToUtc } from '@lh/domain';
import type { Page } from 'playwright-core';
import { moveSessionToHaveStarted, moveSessionToStartAt } from './e2e-database';
import { api, apiCookie, demoEmail } from './support';

const FIRST = ['Ada', 'Bilal', 'Chloe', 'Dev', 'Esme', 'Farah', 'Gareth', 'Hana', 'Isaac', 'Jodie', 'Kwame', 'Lena', 'Marek'];
const LAST = ['Quinn', 'Rahman', 'Sutton', 'Thorne', 'Underwood', 'Vance', 'Whitlock', 'Xu', 'Yardley', 'Zielinski', 'Okafor', 'Pryce'];
const LASTER = ['Abbott', 'Brennan', 'Carver', 'Doyle', 'Ellery', 'Fenwick', 'Grant', 'Holt', 'Ingram', 'Jarvis'];

export interface Person {
  name: string;
  email: string;
}

/** `count` people with distinct names ("Ada Quinn", "Ada Quinn-Abbott", ...), for one run. */
export function peopleNamed(count: number, stamp: string, offset = 0): Person[] {
  return Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const double = Math.floor(i / (FIRST.length * LAST.length));
    const name = double ? `${first} ${last}-${LASTER[double - 1]}` : `${first} ${last}`;
    return { name, email: `${first}.${last}.${i}.${stamp}@register.example.org`.toLowerCase() };
  });
}

export interface RegisterSession {
  sessionId: string;
  partId: string;
  startsAt: Date;
  endsAt: Date;
  url: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const coordinatorCookie = (): Promise<string> => apiCookie('Coordinator');

/** The training team's side: everything a register journey needs, made through the API. */
export async function trainingTeam() {
  const cookie = await coordinatorCookie();
  const { agencies } = await api()(AgencyListDocument, {}, { cookie }).then((r) => r.data);
  const { courses } = await api()(CoursesDocument, {}, { cookie }).then((r) => r.data);
  const course = courses.find((c) => c.format !== 'E_LEARNING') ?? courses[0]!;
  const stamp = Date.now().toString(36);
  const venue = await api()(
    CreateVenueDocument,
    { input: { name: `Northshire Conference Centre ${stamp}`, address: 'Market Square, Northbridge NB1 1AA', capacity: 400, rooms: [] } },
    { cookie },
  ).then((r) => r.data.createVenue);
  /** The first whole minute at least a minute and a half away: every part must start in the future. */
  const base = new Date(Math.ceil((Date.now() + 90_000) / MINUTE) * MINUTE);
  /** The sessions made, each with the demo trainer's id and when it starts. */
  const sessions: { sessionId: string; trainerId: string; startsAt: Date }[] = [];

  return {
    cookie,
    stamp,
    course,
    base,
    async importPeople(people: Person[]): Promise<void> {
      const csv = ['name,email,agency', ...people.map((p) => `${p.name},${p.email},${agencies[0]!.name}`)].join('\n');
      const { importPeople } = await api()(ImportPeopleDocument, { csv, onlyGoodRows: false, sendInvitations: false }, { cookie }).then(
        (r) => r.data,
      );
      expect(importPeople.created).toBe(people.length);
    },
    /**
     * A one-part session `from` to `to` minutes after `base`, with the demo trainer and these people confirmed.
     * `started`: then moved back (same length) to have started a minute ago, so its register can be signed off now.
     */
    async session(from: number, to: number, people: Person[], { started = false } = {}): Promise<RegisterSession> {
      let startsAt = new Date(base.getTime() + from * MINUTE);
      let endsAt = new Date(base.getTime() + to * MINUTE);
      // a part that would run over London midnight is made for tomorrow morning and moved into place below
      const overMidnight = londonParts(startsAt).date !== londonParts(endsAt).date;
      const madeAt = overMidnight
        ? new Date(londonToUtc(londonParts(new Date(Date.now() + DAY)).date, '06:00').getTime() + from * MINUTE)
        : startsAt;
      const s = londonParts(madeAt);
      const e = londonParts(new Date(madeAt.getTime() + (to - from) * MINUTE));
      const { createSession } = await api()(
        CreateSessionDocument,
        {
          input: {
            courseId: course.id,
            venueId: venue.id,
            // never full: other journeys look for full sessions in the programme to join their waiting lists
            capacity: people.length + 5,
            parts: [{ date: s.date, startTime: s.time, endTime: e.time }],
          },
        },
        { cookie },
      ).then((r) => r.data);
      await api()(AssignTrainerDocument, { input: { sessionId: createSession.id, personEmail: demoEmail('Trainer') } }, { cookie });
      const { sessionAdmin } = (await api()(SessionAdminDocument, { id: createSession.id }, { cookie })).data;
      const made = { sessionId: createSession.id, trainerId: sessionAdmin.trainers[0]!.id, startsAt };
      sessions.push(made);
      for (let i = 0; i < people.length; i += 10) {
        await Promise.all(
          people
            .slice(i, i + 10)
            .map((p) =>
              api()(
                AddPersonToSessionDocument,
                { input: { sessionId: createSession.id, personEmail: p.email, reason: 'Booked by the training team' } },
                { cookie },
              ),
            ),
        );
      }
      if (started) {
        const by = await moveSessionToHaveStarted(createSession.id);
        startsAt = new Date(madeAt.getTime() + by);
        endsAt = new Date(startsAt.getTime() + (to - from) * MINUTE);
        made.startsAt = startsAt;
      } else if (overMidnight) {
        await moveSessionToStartAt(createSession.id, startsAt);
      }
      const partId = sessionAdmin.parts[0]!.id;
      return { sessionId: createSession.id, partId, startsAt, endsAt, url: `/your-sessions/${createSession.id}/register/${partId}` };
    },
    /**
     * A session that started a minute ago with these people on it, all marked present by the demo trainer and the
     * register signed off: the attendance the reports count (and the evaluations it sends).
     */
    async heldAndSignedOff(people: Person[]): Promise<RegisterSession> {
      const held = await this.session(0, 2, people, { started: true });
      const trainer = await apiCookie('Trainer');
      await api()(MarkAllPresentDocument, { input: { clientId: randomUUID(), partId: held.partId } }, { cookie: trainer });
      await api()(SignOffRegisterDocument, { partId: held.partId }, { cookie: trainer });
      return held;
    },
    /** The register as the server has it now. */
    async register(partId: string) {
      return (await api()(PartRegisterDocument, { partId }, { cookie })).data.register;
    },
    /**
     * Leaves the demo data as other specs expect it: the demo trainer's time free again (other journeys give them
     * sessions in the next few minutes), and the sessions that have not started yet called off, so nobody else books them.
     */
    async cleanUp(): Promise<void> {
      for (const { sessionId, trainerId, startsAt } of sessions) {
        await api()(RemoveTrainerDocument, { sessionId, personId: trainerId }, { cookie });
        if (startsAt.getTime() > Date.now()) {
          await api()(CancelSessionDocument, { input: { sessionId, reason: 'A register test session' } }, { cookie });
        }
      }
    },
  };
}

/** A person's row on the register page. */
export const row = (page: Page, name: string) =>
  page.locator('li.lh-register-row', { has: page.getByRole('heading', { name, exact: true, level: 3 }) });

/** Waits until nothing is waiting on the device to be sent. */
export async function allSent(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('.lh-register-row__waiting') && !/waiting to be sent/.test(document.body.innerText),
  );
}
