import { MikroORM } from '@mikro-orm/postgresql';
import { AgencyRequestKind, AgencyRequestStatus, PersonStatus } from '@lh/domain';
import { createTestDatabase } from '../../test/test-db';
import { ormOptions } from '../db/orm-options';
import { Agency } from '../people/agency.entity';
import { AgencyRequest } from '../people/agency-request.entity';
import { Person } from '../people/person.entity';
import { seedDemoData } from './demo-data';

describe('registration demo data', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await MikroORM.init(ormOptions(await createTestDatabase()));
    await orm.em.fork().transactional((em) => seedDemoData(em, new Date('2026-11-21T12:00:00Z')));
  });
  afterAll(() => orm.close());

  it('has agencies with email domains, registrations waiting and agency requests of both kinds', async () => {
    const em = orm.em.fork();
    expect((await em.find(Agency, {})).filter((a) => a.emailDomains.length).length).toBeGreaterThanOrEqual(3);
    const waiting = await em.find(Person, { status: PersonStatus.PENDING_APPROVAL, emailVerifiedAt: { $ne: null } });
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const requests = await em.find(AgencyRequest, { status: AgencyRequestStatus.PENDING });
    expect(new Set(requests.map((r) => r.kind))).toEqual(new Set([AgencyRequestKind.JOIN, AgencyRequestKind.MOVE]));
    // the demo accounts are untouched
    expect((await em.findOneOrFail(Person, { email: 'practitioner@example.org' })).status).toBe(PersonStatus.ACTIVE);
  });
});
