import type { EntityManager } from '@mikro-orm/postgresql';
import { AgencySector } from '@lh/domain';
import { Agency } from '../people/agency.entity';

/**
 * The demo agencies' settings (by the name demo-data.ts gives them): their email domains, whether
 * each is a statutory partner (the council, police, NHS bodies, probation and youth justice are;
 * schools, GP practices, housing, the voluntary sector and nurseries are charged as non-statutory),
 * and one retired agency: the clinical commissioning group the integrated care board replaced.
 */
const SETTINGS: Record<string, { emailDomains: string[]; statutoryPartner: boolean }> = {
  "Northshire Council Children's Social Care": { emailDomains: ['northshire.gov.uk'], statutoryPartner: true },
  'Northshire Council Early Help': { emailDomains: ['northshirefamilyhubs.org.uk'], statutoryPartner: true },
  'Northshire Constabulary': { emailDomains: ['northshire.police.uk'], statutoryPartner: true },
  'Northshire Teaching Hospitals NHS Foundation Trust': { emailDomains: ['nth.nhs.uk'], statutoryPartner: true },
  'Northshire and District Primary Care (GP practices)': { emailDomains: ['nhs.net'], statutoryPartner: false },
  'Northshire Integrated Care Board': { emailDomains: ['northshire.icb.nhs.uk'], statutoryPartner: true },
  "St Mary's Catholic Primary School": { emailDomains: ['stmarys-northshire.sch.uk'], statutoryPartner: false },
  'Northshire Academy Trust': { emailDomains: ['northshireacademies.org.uk'], statutoryPartner: false },
  'Probation Service North West': { emailDomains: ['justice.gov.uk'], statutoryPartner: true },
  'Northshire Youth Justice Service': { emailDomains: ['northshireyjs.org.uk'], statutoryPartner: true },
  'Northshire Homes (housing)': { emailDomains: ['northshirehomes.org.uk'], statutoryPartner: false },
  'Northshire Council for Voluntary Service': { emailDomains: ['northshirecvs.org.uk'], statutoryPartner: false },
  'Little Acorns Nursery': { emailDomains: ['littleacornsnursery.co.uk'], statutoryPartner: false },
};

/** Gives the demo agencies their domains and statutory partner flags, and adds the retired one. */
export function seedDemoAgencies(em: EntityManager, agencies: Agency[], setUpAt: Date): void {
  for (const agency of agencies) {
    const settings = SETTINGS[agency.name];
    if (!settings) {
      throw new Error(`No demo settings for the agency "${agency.name}"`);
    }
    Object.assign(agency, settings);
  }
  em.create(Agency, {
    name: 'Northshire Clinical Commissioning Group',
    sector: AgencySector.HEALTH,
    statutoryPartner: true,
    emailDomains: ['northshireccg.nhs.uk'],
    createdAt: new Date(setUpAt.getTime() - 400 * 24 * 60 * 60 * 1000),
    retiredAt: setUpAt,
  });
}
