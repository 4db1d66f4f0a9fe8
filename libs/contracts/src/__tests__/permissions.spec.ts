import { hasPermission, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../permissions/index.js';
import { createAssignmentsSchema } from '../assignments/index.js';
import { loginRequestSchema } from '../auth/index.js';

describe('role → permission map', () => {
  it('grants only known permissions', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });

  it('gives each wider role everything the narrower one has', () => {
    for (const p of ROLE_PERMISSIONS.employee) expect(hasPermission('officer', p)).toBe(true);
    for (const p of ROLE_PERMISSIONS.officer) expect(hasPermission('admin', p)).toBe(true);
  });

  it('keeps officer reporting and admin assignment apart from employees', () => {
    expect(hasPermission('employee', 'progress:read')).toBe(false);
    expect(hasPermission('employee', 'directory:read')).toBe(false);
    expect(hasPermission('officer', 'assignments:manage')).toBe(false);
    expect(hasPermission('admin', 'assignments:manage')).toBe(true);
  });

  it('lets only admins author modules', () => {
    expect(hasPermission('employee', 'modules:author')).toBe(false);
    expect(hasPermission('officer', 'modules:author')).toBe(false);
    expect(hasPermission('admin', 'modules:author')).toBe(true);
  });
});

describe('request schemas', () => {
  it('normalises the login email to lower case', () => {
    expect(loginRequestSchema.parse({ email: 'A.Person@Example.TEST', password: 'x' }).email).toBe(
      'a.person@example.test',
    );
  });

  it('requires at least one assignment target and a real date', () => {
    const moduleId = '7d9f2a4e-3c1b-4d5e-8f6a-1b2c3d4e5f60';
    expect(createAssignmentsSchema.safeParse({ moduleId, dueDate: '2030-01-01' }).success).toBe(false);
    expect(
      createAssignmentsSchema.safeParse({ moduleId, dueDate: '2030-02-30', userIds: [moduleId] }).success,
    ).toBe(false);
    expect(
      createAssignmentsSchema.safeParse({ moduleId, dueDate: '2030-02-28', userIds: [moduleId] }).success,
    ).toBe(true);
  });
});
