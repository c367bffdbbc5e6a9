import { describe, expect, it } from 'vitest';
import { rolesFromClaims } from './sign-in-oidc';

const roleMap = { ops: 'admin', sre: 'approver', '42': 'auditor' } as const;

describe('rolesFromClaims', () => {
  it('maps the groups in the claim to roles, always keeping engineer', () => {
    expect(rolesFromClaims({ sub: 's', groups: ['ops', 'sre', 'unmapped'] }, 'groups', roleMap)?.sort()).toEqual(['admin', 'approver', 'engineer']);
    expect(rolesFromClaims({ sub: 's', groups: 'sre' }, 'groups', roleMap)?.sort()).toEqual(['approver', 'engineer']);
    expect(rolesFromClaims({ sub: 's', groups: [42] }, 'groups', roleMap)?.sort()).toEqual(['auditor', 'engineer']);
  });

  it('is undefined when the IdP sent no such claim, so roles stay as an admin set them', () => {
    expect(rolesFromClaims({ sub: 's' }, 'groups', roleMap)).toBeUndefined();
  });

  it('ignores claim values that are not group names', () => {
    expect(rolesFromClaims({ sub: 's', groups: [{ name: 'ops' }, null, 'sre'] }, 'groups', roleMap)?.sort()).toEqual(['approver', 'engineer']);
    expect(rolesFromClaims({ sub: 's', groups: { ops: true } }, 'groups', roleMap)).toEqual(['engineer']);
  });
});
