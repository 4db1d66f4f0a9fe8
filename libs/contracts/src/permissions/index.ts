/**
 * Roles and permissions. Endpoints declare a permission (never a role); this map decides which
 * roles hold it. The web uses the same map to build its navigation, so the menu and the API can
 * never disagree.
 */
export const ROLES = ['employee', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Manage one's own session (sign out). */
  'account:self',
  /** See and play one's own assigned training. */
  'training:play',
  /** Read the organisation's published modules and the red-flag catalogue. */
  'modules:read',
  /** Read users and departments of the organisation. */
  'directory:read',
  /** See everyone's completion status and attempts. */
  'progress:read',
  /** Assign modules to people and departments. */
  'assignments:manage',
  /** Check a suspicious approach and report it; see one's own reports. */
  'approaches:report',
  /** See, triage and export every approach report of the organisation. */
  'approaches:triage',
  /** Edit the organisation's approach-checker rules. */
  'approaches:rules',
  /** Write, version, publish, archive, import and export the organisation's modules. */
  'modules:author',
  /** Create, edit, deactivate and reactivate people; create, rename, merge and delete departments. */
  'people:manage',
  /** Read the organisation's whole audit log and export it. */
  'audit:read',
  /** Revoke and reinstate completion certificates. */
  'certificates:revoke',
  /** Change the organisation's settings (such as how long the audit log is kept). */
  'settings:manage',
  /** Configure single sign-on and SCIM provisioning tokens (the second-factor policy is a setting). */
  'identity:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  employee: ['account:self', 'training:play', 'modules:read', 'approaches:report'],
  officer: [
    'account:self',
    'training:play',
    'modules:read',
    'directory:read',
    'progress:read',
    'approaches:report',
    'approaches:triage',
    'audit:read',
    'certificates:revoke',
  ],
  admin: [
    'account:self',
    'training:play',
    'modules:read',
    'directory:read',
    'progress:read',
    'assignments:manage',
    'approaches:report',
    'approaches:triage',
    'approaches:rules',
    'modules:author',
    'people:manage',
    'audit:read',
    'certificates:revoke',
    'settings:manage',
    'identity:manage',
  ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  employee: 'Employee',
  officer: 'Security officer',
  admin: 'Administrator',
};
