import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../people/agency.entity';
import demoAccounts from './demo-accounts.json';

/** The NHS trust accepts the demo tenant of the local OpenID provider that `npm start` runs. */
export async function seedDemoSingleSignOn(em: EntityManager): Promise<void> {
  const nhs = await em.findOneOrFail(Agency, { name: 'Northshire Teaching Hospitals NHS Foundation Trust' });
  for (const [domain, tenant] of Object.entries(demoAccounts.singleSignOn.tenants)) {
    nhs.ssoTenantIds = [...new Set([...nhs.ssoTenantIds, tenant])];
    nhs.emailDomains = [...new Set([...nhs.emailDomains, domain])];
  }
  await em.flush();
}
