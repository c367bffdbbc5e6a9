import type { NavRole } from '../shell/nav-items';

export type Role = NavRole;

/** In the order the server stores them, so an unchanged selection compares equal. */
export const ROLE_ORDER: readonly Role[] = ['engineer', 'approver', 'auditor', 'admin'];

export const ROLE_LABELS: Record<Role, string> = {
  engineer: 'Engineer',
  approver: 'Approver',
  auditor: 'Auditor',
  admin: 'Admin',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  engineer: 'Browses the catalogue, connects and requests access.',
  approver: 'Approves or denies access requests.',
  auditor: 'Sees every session, recording and the audit log.',
  admin: 'Manages users, resources and settings.',
};
