import { ssoStartPath } from '@countersign/contracts/sso-protocol';
import { Center, Loader, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect } from 'react';
import { useParams } from 'react-router';

/**
 * /login/sso/<slug>: the "sign in with SSO" link an organisation shares (intranet, bookmark).
 * Hands the browser to the API, which redirects to the organisation's provider.
 */
export function SsoStartPage() {
  const { slug = '' } = useParams();
  useDocumentTitle('Single sign-on · Countersign');
  useEffect(() => {
    window.location.replace(ssoStartPath(slug));
  }, [slug]);
  return (
    <Center component="main" h="100vh">
      <Stack align="center" gap="sm" role="status">
        <Loader aria-hidden />
        <Text>Taking you to your organisation’s sign-in page…</Text>
      </Stack>
    </Center>
  );
}
