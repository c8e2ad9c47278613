import { AuditAction, auditActionLabels, describeAuditChange } from './audit';

describe('audit entries in words', () => {
  it('has words for every action', () => {
    expect(Object.values(AuditAction).map((a) => auditActionLabels[a])).not.toContain(undefined);
    expect(auditActionLabels[AuditAction.ROLES_CHANGED]).toBe('Roles changed');
  });

  it('describes a change field by field, roles, marks and money in words', () => {
    expect(describeAuditChange({ roles: ['PRACTITIONER'] }, { roles: ['PRACTITIONER', 'COORDINATOR'] })).toEqual([
      { field: 'Roles', before: 'Practitioner', after: 'Practitioner, Coordinator' },
    ]);
    expect(describeAuditChange({ mark: 'DID_NOT_ATTEND', minutes: null }, { mark: 'LATE', minutes: 20 })).toEqual([
      { field: 'Mark', before: 'Did not attend', after: 'Late' },
      { field: 'Minutes', before: 'none', after: '20' },
    ]);
    expect(describeAuditChange({ status: 'CHARGED', amountPence: 12050 }, { status: 'WAIVED' })).toEqual([
      { field: 'Status', before: 'Charged', after: 'Waived' },
      { field: 'Amount', before: '£120.50', after: null },
    ]);
    expect(describeAuditChange(null, { passwordSignIn: false })).toEqual([{ field: 'Password sign in', before: null, after: 'no' }]);
  });
});
