// Scheduling (3 of 3): assigning trainers from the training pool to sessions.
import { Role } from '@lh/domain';
import { aPerson } from '../../test/builders';
import { gql } from '../../test/test-db';
import { type AdminSession, ASSIGN, code, day, fields, POOL, REMOVE, SPRING, useSchedulingApi } from './scheduling-test-support';

describe('scheduling: venues, sessions, trainers (real API, real PostgreSQL)', () => {
  const ctx = useSchedulingApi();
  const { em, update, admin, plan, scheduled } = ctx;

  describe('the training pool', () => {
    it('assigns and removes trainers, counting their coming sessions, and refuses double-booking them', async () => {
      const trainer = await aPerson(em(), { roles: [Role.PRACTITIONER, Role.TRAINER], name: 'Tariq Trainer' });
      const first = await scheduled({ parts: [{ date: day(SPRING, -40), startTime: '09:30', endTime: '12:30' }] });
      const clashing = await scheduled({ parts: [{ date: day(SPRING, -40), startTime: '12:00', endTime: '15:00' }] });
      const later = await scheduled({ parts: [{ date: day(SPRING, -40), startTime: '12:30', endTime: '15:00' }] });

      const res = await gql<{ assignTrainer: AdminSession }>(
        ctx.api.url,
        ASSIGN,
        { input: { sessionId: first.id, personEmail: ` ${trainer.email.toUpperCase()} ` } },
        ctx.coordinator,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.assignTrainer.trainers).toEqual([{ id: trainer.id, name: 'Tariq Trainer' }]);

      const again = await gql(ctx.api.url, ASSIGN, { input: { sessionId: first.id, personEmail: trainer.email } }, ctx.coordinator);
      expect(fields(again)).toEqual([{ field: 'input.personEmail', message: 'Tariq Trainer is already a trainer on this session' }]);

      const clash = await gql(ctx.api.url, ASSIGN, { input: { sessionId: clashing.id, personEmail: trainer.email } }, ctx.coordinator);
      expect(code(clash)).toBe('TRAINER_UNAVAILABLE');
      expect(fields(clash)).toEqual([
        {
          field: 'input.personEmail',
          message: expect.stringMatching(/^Tariq Trainer is already training on "Course \w+" at that time \(/),
        },
      ]);
      expect((await admin(clashing.id)).trainers).toEqual([]);

      // touching sessions are fine
      expect(
        (await gql(ctx.api.url, ASSIGN, { input: { sessionId: later.id, personEmail: trainer.email } }, ctx.coordinator)).errors,
      ).toBeUndefined();
      const pool = await gql<{ trainerPool: { id: string; upcomingSessionCount: number }[] }>(ctx.api.url, POOL, {}, ctx.coordinator);
      expect(pool.data!.trainerPool.find((t) => t.id === trainer.id)?.upcomingSessionCount).toBe(2);

      // moving a session so that its trainer would be in two places at once is refused
      const moved = await update({
        sessionId: later.id,
        ...plan({ parts: [{ date: day(SPRING, -40), startTime: '11:00', endTime: '14:00' }] }),
      });
      expect(code(moved)).toBe('TRAINER_UNAVAILABLE');
      expect((await admin(later.id)).parts[0]!.startTime).toBe('12:30');

      const removed = await gql<{ removeTrainer: { trainers: unknown[] } }>(
        ctx.api.url,
        REMOVE,
        { s: later.id, p: trainer.id },
        ctx.coordinator,
      );
      expect(removed.data!.removeTrainer.trainers).toEqual([]);
      expect(code(await gql(ctx.api.url, REMOVE, { s: later.id, p: trainer.id }, ctx.coordinator))).toBe('NOT_FOUND');
    });

    it('only takes people in the training pool', async () => {
      const s = await scheduled();
      const plain = await aPerson(em(), { name: 'Paula Practitioner' });
      const notTrainer = await gql(ctx.api.url, ASSIGN, { input: { sessionId: s.id, personEmail: plain.email } }, ctx.coordinator);
      expect(fields(notTrainer)).toEqual([
        {
          field: 'input.personEmail',
          message: 'Paula Practitioner is not in the training pool: only people with the trainer role can be assigned',
        },
      ]);
      const nobody = await gql(ctx.api.url, ASSIGN, { input: { sessionId: s.id, personEmail: 'nobody@example.org' } }, ctx.coordinator);
      expect(fields(nobody)).toEqual([
        { field: 'input.personEmail', message: 'Nobody with the email address nobody@example.org has an account' },
      ]);
      const bad = await gql(ctx.api.url, ASSIGN, { input: { sessionId: s.id, personEmail: 'not an email' } }, ctx.coordinator);
      expect(fields(bad)).toEqual([
        { field: 'input.personEmail', message: 'Enter an email address in the correct format, like name@example.org' },
      ]);
      expect((await admin(s.id)).trainers).toEqual([]);
    });
  });
});
