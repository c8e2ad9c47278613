// Choosing trainers while creating a session: they are put on it in the create's own transaction (each told
// once); a trainer busy elsewhere, or someone not in the training pool, refuses the whole create and writes nothing.
import { MailKind, Role } from '@lh/domain';
import { aCourse, aPerson } from '../../test/builders';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { SPRING, code, day, fields, useSchedulingApi } from './scheduling-test-support';

describe('creating a session with its trainers (real API, real PostgreSQL)', () => {
  const ctx = useSchedulingApi();
  const assignedMail = (personEmail: string) => ctx.em().count(OutboxMessage, { kind: MailKind.TRAINER_ASSIGNED, toEmail: personEmail });

  it('puts the chosen trainers on the new session and tells each of them once', async () => {
    const e = ctx.em();
    const course = await aCourse(e);
    const ann = await aPerson(e, { roles: [Role.TRAINER], name: 'Ann Trainer' });
    const bob = await aPerson(e, { roles: [Role.TRAINER, Role.PRACTITIONER], name: 'Bob Trainer' });
    const res = await ctx.create({ courseId: course.id, capacity: 12, trainerIds: [bob.id, ann.id, bob.id], ...ctx.plan() });
    expect(res.errors).toBeUndefined();
    const made = res.data!.createSession;
    expect(made.trainers.map((t) => t.name)).toEqual(['Ann Trainer', 'Bob Trainer']);
    expect(await ctx.em().count(OutboxMessage, { kind: MailKind.TRAINER_ASSIGNED, sessionId: made.id })).toBe(2);
    expect(await assignedMail(ann.email)).toBe(1);
    expect(await assignedMail(bob.email)).toBe(1);
  });

  it('refuses the whole create when a chosen trainer is busy at that time: no session, no mail', async () => {
    const e = ctx.em();
    const busy = await aPerson(e, { roles: [Role.TRAINER], name: 'Busy Trainer' });
    const free = await aPerson(e, { roles: [Role.TRAINER], name: 'Free Trainer' });
    const when = { parts: [{ date: day(SPRING, -50), startTime: '09:30', endTime: '12:30' }] };
    const first = await ctx.create({ courseId: (await aCourse(e)).id, capacity: 12, trainerIds: [busy.id], ...ctx.plan(when) });
    expect(first.errors).toBeUndefined();

    const course = await aCourse(e);
    const res = await ctx.create({ courseId: course.id, capacity: 12, trainerIds: [free.id, busy.id], ...ctx.plan(when) });
    expect(code(res)).toBe('TRAINER_UNAVAILABLE');
    expect(fields(res)).toEqual([
      { field: 'input.trainerIds', message: expect.stringMatching(/^Busy Trainer is already training on ".*" at that time/) },
    ]);
    expect(await ctx.sessionCount(course.id)).toBe(0);
    expect(await assignedMail(free.email)).toBe(0);
    expect(await assignedMail(busy.email)).toBe(1);
  });

  it('refuses someone not in the training pool, with every other problem at once, writing nothing', async () => {
    const e = ctx.em();
    const course = await aCourse(e);
    const practitioner = await aPerson(e, { name: 'Not A Trainer' });
    const res = await ctx.create({ courseId: course.id, capacity: 0, trainerIds: [practitioner.id], ...ctx.plan() });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(fields(res).map((f) => f.field)).toEqual(expect.arrayContaining(['input.trainerIds', 'input.capacity']));
    expect(fields(res).find((f) => f.field === 'input.trainerIds')!.message).toBe(
      'Choose trainers from the list: only people in the training pool can train a session',
    );
    expect(await ctx.sessionCount(course.id)).toBe(0);
    expect(await assignedMail(practitioner.email)).toBe(0);
  });
});
