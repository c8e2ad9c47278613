// Copying a session onto other dates: everything but the dates is the same; each date meets the rules of a new
// session, and a refused date creates nothing while the others go ahead.
import { MailKind, Role } from '@lh/domain';
import { aPerson } from '../../test/builders';
import { gql } from '../../test/test-db';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { ASSIGN, SPRING, AUTUMN, day, useSchedulingApi } from './scheduling-test-support';
import { Session } from './session.entity';

const COPY = `mutation($input: CopySessionInput!) { copySession(input: $input) { created outcomes { date sessionId problems } } }`;
interface CopyResult {
  created: number;
  outcomes: { date: string; sessionId: string | null; problems: string[] }[];
}

describe('copying a session (real API, real PostgreSQL)', () => {
  const ctx = useSchedulingApi();
  const copy = async (sessionId: string, dates: string[]) => {
    const res = await gql<{ copySession: CopyResult }>(ctx.api.url, COPY, { input: { sessionId, dates } }, ctx.coordinator);
    expect(res.errors).toBeUndefined();
    return res.data!.copySession;
  };

  it('copies parts, place, places, booking window and trainers onto a new date, telling the trainers', async () => {
    const original = await ctx.scheduled({
      parts: [
        { date: day(SPRING, -40), startTime: '09:30', endTime: '12:30' },
        { date: day(SPRING, -39), startTime: '13:00', endTime: '16:00' },
      ],
      bookingClosesOn: day(SPRING, -42),
    });
    const trainer = await aPerson(ctx.em(), { roles: [Role.TRAINER], name: 'Tess Trainer' });
    expect(
      (await gql(ctx.api.url, ASSIGN, { input: { sessionId: original.id, personEmail: trainer.email } }, ctx.coordinator)).errors,
    ).toBeUndefined();

    const result = await copy(original.id, [day(SPRING, -20)]);
    expect(result.created).toBe(1);
    const made = await ctx.admin(result.outcomes[0]!.sessionId!);
    expect(made.parts.map((p) => [p.date, p.startTime, p.endTime])).toEqual([
      [day(SPRING, -20), '09:30', '12:30'],
      [day(SPRING, -19), '13:00', '16:00'],
    ]);
    expect(made.onlineUrl).toBe(original.onlineUrl);
    expect(made.bookingClosesOn).toBe(day(SPRING, -22));
    expect(made.trainers.map((t) => t.name)).toEqual(['Tess Trainer']);
    const e = ctx.em();
    expect((await e.findOneOrFail(Session, made.id, { populate: ['course'] })).course.id).toBe(original.course.id);
    expect((await e.findOneOrFail(Session, made.id)).capacity).toBe(12);
    expect(await e.count(OutboxMessage, { kind: MailKind.TRAINER_ASSIGNED, sessionId: made.id })).toBe(1);
  });

  it('refuses a date in the past, a time the clocks skip and a date given twice, naming each, and creates the good ones', async () => {
    const original = await ctx.scheduled({ parts: [{ date: day(SPRING, -7), startTime: '01:15', endTime: '03:00' }] });
    const before = await ctx.sessionCount(original.course.id);
    const result = await copy(original.id, ['2020-01-06', day(SPRING), day(SPRING, 7), day(SPRING, 7), '2027-02-30']);
    expect(result.created).toBe(1);
    const [past, gap, good, twice, unreal] = result.outcomes;
    expect(past).toEqual({ date: '2020-01-06', sessionId: null, problems: ['Monday 6 January 2020: Part 1 must start in the future'] });
    expect(gap!.sessionId).toBeNull();
    expect(gap!.problems).toEqual([expect.stringMatching(/^Sunday \d+ March \d{4}: .*(clocks|does not exist)/)]);
    expect(good!.sessionId).toEqual(expect.any(String));
    expect(twice!.problems).toEqual([expect.stringMatching(/is in the list twice$/)]);
    expect(unreal!.problems).toEqual(['"2027-02-30" is not a real date']);
    expect(await ctx.sessionCount(original.course.id)).toBe(before + 1);
  });

  it('refuses a time the clocks repeat until it is said which, as a new session would', async () => {
    const original = await ctx.scheduled({ parts: [{ date: day(AUTUMN, -7), startTime: '01:30', endTime: '03:00' }] });
    const result = await copy(original.id, [day(AUTUMN)]);
    expect(result.created).toBe(0);
    expect(result.outcomes[0]!.problems[0]).toMatch(/^Sunday \d+ October \d{4}: /);
  });
});
