import { Role } from '@lh/domain';
import { canSeeRecordOf } from '../common/access';
import type { Viewer } from '../common/viewer';

const viewer = (over: Partial<Viewer>): Viewer => ({
  id: 'v',
  name: 'V',
  email: 'v@example.org',
  roles: [Role.PRACTITIONER],
  agencyId: 'a1',
  ...over,
});
const person = { id: 'p', agencyId: 'a1' };

describe('who may see a training record', () => {
  it('the person, a coordinator, and the agency lead of their agency only', () => {
    expect(canSeeRecordOf(viewer({ id: 'p' }), person)).toBe(true);
    expect(canSeeRecordOf(viewer({ roles: [Role.COORDINATOR], agencyId: null }), person)).toBe(true);
    expect(canSeeRecordOf(viewer({ roles: [Role.AGENCY_LEAD] }), person)).toBe(true);
    expect(canSeeRecordOf(viewer({ roles: [Role.AGENCY_LEAD], agencyId: 'a2' }), person)).toBe(false);
    expect(canSeeRecordOf(viewer({ roles: [Role.AGENCY_LEAD] }), { id: 'p', agencyId: null })).toBe(false);
    expect(canSeeRecordOf(viewer({}), person)).toBe(false); // a colleague in the same agency
    expect(canSeeRecordOf(viewer({ roles: [Role.REVIEWER, Role.TRAINER] }), person)).toBe(false);
    expect(canSeeRecordOf(undefined, person)).toBe(false);
  });
});
