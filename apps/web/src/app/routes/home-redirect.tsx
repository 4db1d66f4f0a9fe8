import { Navigate } from 'react-router';
import { useCurrentSession } from '../../features/auth/api/session';
import { homePathFor } from '../navigation';

export function HomeRedirect() {
  const { user } = useCurrentSession();
  return <Navigate to={homePathFor(user.role)} replace />;
}
