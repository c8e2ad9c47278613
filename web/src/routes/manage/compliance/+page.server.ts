import { CompliancePeopleDocument, MandatoryComplianceDocument, type MandatoryStatus } from '@lh/graphql-client';
import { mandatoryStatusLabels } from '@lh/domain';
import { api, failLoad } from '$lib/server/api';
import { requireViewer } from '$lib/server/access';
import type { PageServerLoad } from './$types';

const STATUSES = Object.keys(mandatoryStatusLabels);

/** Figures for coordinators and reviewers; coordinators can open the people behind one (?requirement=, ?agency=, ?status=). */
export const load: PageServerLoad = async (event) => {
  const me = requireViewer(event, 'COORDINATOR', 'REVIEWER');
  const coordinator = me.roles.includes('COORDINATOR');
  const q = event.url.searchParams;
  const status = STATUSES.includes(q.get('status') ?? '') ? (q.get('status') as MandatoryStatus) : null;
  const requirementId = q.get('requirement') || null;
  const agencyId = q.get('agency') || null;
  const wantsPeople = coordinator && !!status && (!!requirementId || !!agencyId);
  try {
    const [{ mandatoryCompliance }, people] = await Promise.all([
      api(event, MandatoryComplianceDocument, {}),
      wantsPeople ? api(event, CompliancePeopleDocument, { filter: { status, requirementId, agencyId } }) : null,
    ]);
    const figures = [...mandatoryCompliance.byRequirement, ...mandatoryCompliance.byAgency];
    const about = figures.find((f) => f.id === (requirementId ?? agencyId))?.label ?? (agencyId ? 'No agency' : null);
    return {
      compliance: mandatoryCompliance,
      coordinator,
      people: people?.compliancePeople ?? null,
      peopleHeading: wantsPeople && status ? `${mandatoryStatusLabels[status]}: ${about ?? ''}` : null,
    };
  } catch (e) {
    failLoad(e, event);
  }
};
