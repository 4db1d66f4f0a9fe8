import { Alert, Box, Center, Group, List, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import { Navigate, useSearchParams } from 'react-router';
import { EmailFirstSignIn } from '../../sso/components/email-first-sign-in';
import { SsoErrorAlert } from '../../sso/components/sso-error-alert';
import { useSession } from '../api/session';
import classes from './login-page.module.css';

/** Only same-site paths are followed after sign-in, so `next` cannot send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const session = useSession();
  const [searchParams] = useSearchParams();
  useDocumentTitle('Sign in · Countersign');

  const next = safeNext(searchParams.get('next'));
  const ssoError = searchParams.get('sso_error');
  if (session.data) return <Navigate to={next} replace />;

  return (
    <Box component="main" className={classes.page}>
      <section className={classes.brand} aria-label="About Countersign">
        <Group gap="sm">
          <IconShieldCheck size={36} aria-hidden />
          <Text fz={28} fw={700} lh={1}>
            Countersign
          </Text>
        </Group>
        <Text fz="xl" fw={500} mt="lg" className={classes.tagline}>
          Recognise the approach. Report it.
        </Text>
        <List spacing="xs" mt="xl" className={classes.points}>
          <List.Item>
            Spot fake recruiters, paid “reports” and trips abroad before they become a problem.
          </List.Item>
          <List.Item>Practise on realistic profiles, messages and invitations.</List.Item>
          <List.Item>Know exactly whom to tell, and when.</List.Item>
        </List>
      </section>
      <Center className={classes.formSide}>
        <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={420}>
          <Stack gap="lg">
            <Stack gap={4}>
              <Group gap="xs" className={classes.mobileBrand}>
                <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
                  <IconShieldCheck size={20} />
                </ThemeIcon>
                <Text fw={700}>Countersign</Text>
              </Group>
              <Title order={1} fz="h2">
                Sign in
              </Title>
              <Text c="dimmed" size="sm">
                Use your work email address.
              </Text>
            </Stack>
            {searchParams.get('passwordSet') === '1' && (
              <Alert color="green" title="Password set">
                Sign in with your new password.
              </Alert>
            )}
            {ssoError && <SsoErrorAlert code={ssoError} slug={searchParams.get('sso')} returnTo={next} />}
            {session.isPending ? (
              <Center py="xl" role="status" aria-label="Checking your session">
                <Loader />
              </Center>
            ) : (
              <EmailFirstSignIn initialEmail={searchParams.get('email') ?? ''} returnTo={next} />
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
