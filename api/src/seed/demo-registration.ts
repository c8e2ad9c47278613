import type { EntityManager } from '@mikro-orm/postgresql';
import { AgencyRequestKind, PersonStatus, Role } from '@lh/domain';
import { Agency } from '../people/agency.entity';
import { AgencyRequest } from '../people/agency-request.entity';
import { Person } from '../people/person.entity';

const DAY_MS = 86_400_000;

/** Email domains of the statutory partners: their staff's confirmed work addresses are approved at once. */
export const DEMO_EMAIL_DOMAINS: Record<string, string[]> = {
  "Northshire Council Children's Social Care": ['northshire.example.gov.uk'],
  'Northshire Council Early Help': ['northshire.example.gov.uk'],
  'Northshire Constabulary': ['northshire.police.example.uk'],
  'Northshire Teaching Hospitals NHS Foundation Trust': ['northshirehospitals.example.nhs.uk'],
  'Northshire Academy Trust': ['northshire-academy.example.sch.uk'],
};

/**
 * Registration demo data, after the partnership's agencies and people exist: agencies' email domains,
 * registrations waiting for approval (one with an agency that is not listed) and a request to move
 * agency, so the coordinators' queue at /manage/requests has something in it.
 */
export async function seedDemoRegistration(em: EntityManager, now: Date, passwordHash: string): Promise<void> {
  const agencies = await em.find(Agency, {});
  const byName = new Map(agencies.map((a) => [a.name, a]));
  for (const [name, domains] of Object.entries(DEMO_EMAIL_DOMAINS)) {
    const agency = byName.get(name);
    if (agency && !agency.emailDomains.length) {
      agency.emailDomains = domains;
    }
  }

  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY_MS);
  const waiting = (name: string, email: string, jobTitle: string, team: string | null, agency: Agency | undefined, registered: Date) =>
    em.create(Person, {
      name,
      email,
      jobTitle,
      team,
      agency,
      roles: [Role.PRACTITIONER],
      status: PersonStatus.PENDING_APPROVAL,
      emailVerifiedAt: new Date(registered.getTime() + 20 * 60_000),
      passwordHash,
      createdAt: registered,
    });

  // a nursery worker registering with a personal address
  waiting(
    'Jodie Marsh',
    'jodie.marsh@mailbox.example.com',
    'Early Years Practitioner',
    'Pre-school room',
    byName.get('Little Acorns Nursery'),
    daysAgo(2),
  );
  // a volunteer whose organisation is not a listed agency yet
  const cadet = waiting('Alex Moreno', 'alex.moreno@seacadets.example.org', 'Volunteer Instructor', null, undefined, daysAgo(1));
  em.create(AgencyRequest, { person: cadet, kind: AgencyRequestKind.JOIN, requestedName: 'Northshire Sea Cadets', createdAt: daysAgo(1) });

  // a practitioner who changed job asks to move agency
  const earlyHelp = await em.find(Person, { agency: byName.get('Northshire Council Early Help') }, { orderBy: { email: 'asc' } });
  const mover = earlyHelp.find((p) => p.roles.length === 1 && p.roles[0] === Role.PRACTITIONER && p.email !== 'practitioner@example.org');
  const to = byName.get('Northshire Youth Justice Service');
  if (mover && to) {
    em.create(AgencyRequest, {
      person: mover,
      kind: AgencyRequestKind.MOVE,
      fromAgency: mover.agency ?? null,
      requestedAgency: to,
      createdAt: daysAgo(3),
    });
  }
  await em.flush();
}
