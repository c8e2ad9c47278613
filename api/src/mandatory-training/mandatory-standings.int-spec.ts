// The compliance figures count statuses in PostgreSQL (MandatoryStandings.counts: libs/domain `standingOf` written
// in SQL), the pages of people read them from `standingOf` itself (MandatoryStandings.rows). On a real PostgreSQL,
// on every day across the boundaries of a fixture chosen for them (months of different lengths, 29 February, a
// completion on the 31st, joining on the 30th, a revoked completion, learning elsewhere, people in no agency), the
// counts are the rows counted.
import { AgencySector, CompletionSource, MandatoryStatus, Role } from '@lh/domain';
import { aCourse, anAgency, aPerson } from '../../test/builders';
import { aCompletion, aRequirement, joinedOn, plusDays } from '../../test/mandatory-training';
import { startTestApi, type TestApi } from '../../test/test-db';
import { MandatoryStandings } from './mandatory-standings';

describe('compliance counted in PostgreSQL equals the statuses person by person (real PostgreSQL)', () => {
  let api: TestApi;
  let standings: MandatoryStandings;
  let requirementIds: string[];
  const em = () => api.orm.em.fork();

  beforeAll(async () => {
    api = await startTestApi();
    standings = api.app.get(MandatoryStandings);
    const trust = await anAgency(em(), { name: 'Trust', sector: AgencySector.HEALTH });
    const school = await anAgency(em(), { name: 'School', sector: AgencySector.EDUCATION });
    const course = await aCourse(em(), { level: 2 });
    const yearly = await aRequirement(em(), {
      name: 'Yearly',
      agencyIds: [trust.id],
      sectors: [AgencySector.EDUCATION],
      courseIds: [course.id],
      validityMonths: 12,
      refresherMonths: 2,
      newStarterMonths: 3,
    });
    const trainers = await aRequirement(em(), {
      name: 'Trainers',
      roles: [Role.TRAINER],
      courseIds: [course.id],
      externalMinLevel: 2,
      validityMonths: 1,
      refresherMonths: 1,
      newStarterMonths: 1,
    });
    requirementIds = [yearly.id, trainers.id];
    const person = async (joined: string, agency?: typeof trust, roles = [Role.PRACTITIONER]) => {
      const p = await aPerson(em(), { agency, roles });
      await joinedOn(em(), p, joined);
      return p;
    };
    await person('2025-11-30', trust); // never: due by 28 February 2026
    await person('2025-12-31', school); // never: due by 31 March 2026
    await aCompletion(em(), await person('2024-01-01', trust), '2025-01-31', { course }); // valid to 31 January 2026
    await aCompletion(em(), await person('2024-01-01', school), '2025-02-28', { course });
    await aCompletion(em(), await person('2024-01-01', trust), '2024-02-29', { course });
    await aCompletion(em(), await person('2024-01-01', trust), '2025-03-31', { course });
    await aCompletion(em(), await person('2024-01-01', trust), '2025-12-31', { course, revoked: true });
    const trainer = await person('2025-12-15', undefined, [Role.TRAINER]);
    await aCompletion(em(), trainer, '2026-01-31', { source: CompletionSource.EXTERNAL, level: 2 });
    await aCompletion(em(), await person('2024-01-01', school, [Role.TRAINER]), '2026-02-28', { course });
    await aCompletion(em(), await person('2024-01-01', undefined, [Role.TRAINER]), '2026-01-15', {
      source: CompletionSource.EXTERNAL,
      level: 1,
    });
  });
  afterAll(() => api.close());

  /** The rows' statuses counted per requirement, agency and status. */
  const counted = async (today: string) => {
    const rows = await standings.rows(em(), today, { requirementIds });
    const byKey = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.requirementId} ${r.agencyId} ${r.standing.status}`;
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    return Object.fromEntries([...byKey].sort());
  };
  const inDatabase = async (today: string) =>
    Object.fromEntries(
      (await standings.counts(em(), today, { requirementIds }))
        .map((r) => [`${r.requirementId} ${r.agencyId} ${r.status}`, r.count])
        .sort(),
    );

  it('gives the same counts as the statuses of each person, on every day from November 2025 to April 2026', async () => {
    const seen = new Set<MandatoryStatus>();
    for (let day = '2025-11-25'; day <= '2026-04-05'; day = plusDays(day, 1)) {
      const expected = await counted(day);
      expect({ day, counts: await inDatabase(day) }).toEqual({ day, counts: expected });
      for (const key of Object.keys(expected)) {
        seen.add(key.split(' ')[2] as MandatoryStatus);
      }
    }
    // the days cover every status
    expect([...seen].sort()).toEqual(Object.values(MandatoryStatus).sort());
  });

  it('counts by hand on the last day of February 2026', async () => {
    const counts = await standings.counts(em(), '2026-02-28', { requirementIds });
    const total = (name: string, status: MandatoryStatus) =>
      counts.filter((r) => r.requirementName === name && r.status === status).reduce((n, r) => n + r.count, 0);
    // Yearly: the new starters of 30 November (due by today) and 31 December (by 31 March) not yet due; 31 January
    // 2025's expired on 1 February 2026, 29 February 2024's on 1 March 2025; 28 February 2025's is valid to today and
    // 31 March 2025's to 31 March, both in their refresher window; the revoked one never counted (joined 2024:
    // overdue); the school's trainer did it today
    expect(total('Yearly', MandatoryStatus.NOT_YET_DUE)).toBe(2);
    expect(total('Yearly', MandatoryStatus.EXPIRED)).toBe(2);
    expect(total('Yearly', MandatoryStatus.DUE_SOON)).toBe(2);
    expect(total('Yearly', MandatoryStatus.OVERDUE)).toBe(1);
    expect(total('Yearly', MandatoryStatus.CURRENT)).toBe(1);
    // Trainers (1 month, refresher 1 month): learning elsewhere at level 2 on 31 January is valid to 28 February,
    // due soon from 28 January; the school's trainer's of today is due soon from today; learning elsewhere at level 1
    // does not count, and that trainer joined in 2024: overdue
    expect(
      counts
        .filter((r) => r.requirementName === 'Trainers')
        .map((r) => [r.agencyId === null, r.status, r.count])
        .sort(),
    ).toEqual(
      [
        [false, MandatoryStatus.DUE_SOON, 1],
        [true, MandatoryStatus.DUE_SOON, 1],
        [true, MandatoryStatus.OVERDUE, 1],
      ].sort(),
    );
  });
});
