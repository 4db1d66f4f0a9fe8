import { Box, Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { PageLoader } from '../components/ui/page-loader';
import { useSession } from '../features/auth/api/session';

/** Renders the signed-in app, or sends the visitor to /login and back here afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <PageLoader label="Loading Countersign" />;
  if (session.isError) {
    return (
      <Box component="main">
        <Container size="sm" py="xl">
          <ErrorState
            error={session.error}
            title="Countersign is unavailable"
            onRetry={() => session.refetch()}
          />
        </Container>
      </Box>
    );
  }
  if (!session.data) {
    const here = `${location.pathname}${location.search}`;
    const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return <Outlet />;
}
