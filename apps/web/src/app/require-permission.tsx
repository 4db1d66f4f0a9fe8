import { hasPermission, type Permission } from '@countersign/contracts/permissions';
import { Outlet } from 'react-router';
import { useCurrentSession } from '../features/auth/api/session';
import { ForbiddenPage } from './routes/forbidden-page';

/** Guards a group of routes by permission (never by role), using the shared role → permission map. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { user } = useCurrentSession();
  return hasPermission(user.role, permission) ? <Outlet /> : <ForbiddenPage />;
}
