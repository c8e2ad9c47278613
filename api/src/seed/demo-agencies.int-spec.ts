import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../../test/test-db';
import { ormOptions } from '../db/orm-options';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { seedDemoData } from './demo-data';

describe('demo agencies', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await MikroORM.init(ormOptions(await createTestDatabase()));
    await orm.em.fork().transactional((em) => seedDemoData(em, new Date('2026-11-21T12:00:00Z')));
  });
  afterAll(() => orm.close());

  it('have email domains, statutory partners and not, and one retired agency with nobody in it', async () => {
    const agencies = await orm.em.fork().find(Agency, {});
    expect(agencies.every((a) => a.emailDomains.length > 0)).toBe(true);
    expect(agencies.filter((a) => a.statutoryPartner).length).toBeGreaterThanOrEqual(5);
    expect(agencies.filter((a) => !a.statutoryPartner).length).toBeGreaterThanOrEqual(5);
    const retired = agencies.filter((a) => a.retiredAt);
    expect(retired.map((a) => a.name)).toEqual(['Northshire Clinical Commissioning Group']);
    expect(await orm.em.fork().count(Person, { agency: retired[0]!.id })).toBe(0);
    expect(agencies.filter((a) => a.approvalExempt).map((a) => a.name)).toEqual(['Northshire Council for Voluntary Service']);
  });
});
