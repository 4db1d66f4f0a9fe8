import type { Role } from '@countersign/contracts/permissions';
import { ROLES } from '@countersign/contracts/permissions';
import type { PersonPage } from '@countersign/contracts/people';
import type { SaveSsoConnectionRequest, SsoConnectionView, SsoRoleMapping } from '@countersign/contracts/sso';
import {
  ActionIcon,
  Alert,
  Button,
  Center,
  CopyButton,
  Divider,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCopy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { apiClient, isApiError } from '../../../lib/api-client';
import { useSaveSsoConnection, useSsoConnection } from '../api/sso';

const ROLE_LABELS: Record<Role, string> = {
  employee: 'Employee',
  officer: 'Security officer',
  admin: 'Administrator',
};
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

interface Draft {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string[];
  emailClaim: string;
  nameClaim: string;
  departmentClaim: string;
  groupsClaim: string;
  roleMappings: SsoRoleMapping[];
  defaultRole: Role;
  enabled: boolean;
  ssoRequired: boolean;
  breakGlassAdminIds: string[];
}

function draftOf(view: SsoConnectionView): Draft {
  return {
    displayName: view.displayName,
    issuer: view.issuer,
    clientId: view.clientId,
    clientSecret: '',
    domains: view.domains,
    emailClaim: view.claims.email,
    nameClaim: view.claims.name,
    departmentClaim: view.claims.department ?? '',
    groupsClaim: view.claims.groups ?? '',
    roleMappings: view.roleMappings,
    defaultRole: view.defaultRole,
    enabled: view.enabled,
    ssoRequired: view.ssoRequired,
    breakGlassAdminIds: view.breakGlassAdminIds,
  };
}

function requestOf(d: Draft): SaveSsoConnectionRequest {
  return {
    displayName: d.displayName.trim(),
    issuer: d.issuer.trim(),
    clientId: d.clientId.trim(),
    ...(d.clientSecret ? { clientSecret: d.clientSecret } : {}),
    domains: d.domains.map((x) => x.trim().toLowerCase()).filter(Boolean),
    claims: {
      email: d.emailClaim.trim(),
      name: d.nameClaim.trim(),
      department: d.departmentClaim.trim() || null,
      groups: d.groupsClaim.trim() || null,
    },
    roleMappings: d.roleMappings.map((m) => ({ group: m.group.trim(), role: m.role })),
    defaultRole: d.defaultRole,
    enabled: d.enabled,
    ssoRequired: d.enabled && d.ssoRequired,
    breakGlassAdminIds: d.breakGlassAdminIds,
  };
}

/** What the browser can tell before asking the server; the server checks everything again. */
function localErrors(d: Draft, secretSet: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.displayName.trim()) errors.displayName = 'Enter the name people will see, such as “Contoso sign-in”';
  if (!/^https?:\/\/\S+$/.test(d.issuer.trim()))
    errors.issuer = 'Enter the issuer URL, starting with https://';
  if (!d.clientId.trim()) errors.clientId = 'Enter the client (application) ID from the provider';
  if (!secretSet && !d.clientSecret) errors.clientSecret = 'Enter the client secret from the provider';
  if (d.domains.length === 0) errors.domains = 'Add at least one email domain, such as example.org';
  if (!d.emailClaim.trim()) errors['claims.email'] = 'Enter the claim that holds the email address';
  if (!d.nameClaim.trim()) errors['claims.name'] = 'Enter the claim that holds the name';
  d.roleMappings.forEach((m, i) => {
    if (!m.group.trim()) errors[`roleMappings.${i}.group`] = 'Enter the group, or remove the row';
  });
  if (d.roleMappings.length > 0 && !d.groupsClaim.trim())
    errors['claims.groups'] = 'Enter the groups claim, or the mappings below have nothing to read';
  if (d.enabled && d.ssoRequired && d.breakGlassAdminIds.length === 0)
    errors.breakGlassAdminIds = 'Choose at least one administrator who can still use a password';
  return errors;
}

function useActiveAdmins() {
  return useQuery({
    queryKey: ['people', 'admins'],
    queryFn: ({ signal }) =>
      apiClient.get<PersonPage>('/people', { role: 'admin', status: 'active', pageSize: 200 }, signal),
  });
}

function CopyField({ label, value, description }: { label: string; value: string; description: string }) {
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput label={label} description={description} value={value} readOnly style={{ flex: 1 }} />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
            <ActionIcon
              variant="default"
              size="lg"
              mb={2}
              onClick={copy}
              aria-label={copied ? `Copied: ${label}` : `Copy: ${label}`}
            >
              {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** The organisation's OpenID Connect connection (Entra ID, Okta, Keycloak, ADFS…). */
export function SsoSettingsPage() {
  const connection = useSsoConnection();
  const admins = useActiveAdmins();
  const save = useSaveSsoConnection();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (connection.data && !draft) setDraft(draftOf(connection.data));
  }, [connection.data, draft]);

  if (connection.isPending || (connection.data && !draft)) {
    return (
      <>
        <PageHeader title="Single sign-on" />
        <Center py="xl">
          <Loader aria-label="Loading the single sign-on settings" />
        </Center>
      </>
    );
  }
  if (connection.isError || !draft) {
    return (
      <>
        <PageHeader title="Single sign-on" />
        <ErrorState
          error={connection.error}
          title="The single sign-on settings could not be loaded"
          onRetry={() => void connection.refetch()}
        />
      </>
    );
  }
  const view = connection.data;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const local = localErrors(draft, view.clientSecretSet);
  const server = isApiError(save.error) ? save.error.fieldErrorsByPath() : {};
  const error = (field: string) => (tried ? local[field] : undefined) ?? server[field];
  const turningRequiredOn = draft.enabled && draft.ssoRequired && !view.ssoRequired;

  const doSave = () =>
    save.mutate(requestOf(draft), {
      onSuccess: (saved) => {
        setConfirming(false);
        setTried(false);
        setDraft(draftOf(saved));
        notifications.show({
          color: 'green',
          title: 'Saved',
          message: saved.enabled
            ? `People of ${saved.domains.join(', ')} now sign in through ${saved.displayName}.`
            : 'Single sign-on settings saved. Single sign-on is off.',
        });
      },
      onError: () => setConfirming(false),
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(local).length > 0) return;
    // Turning "SSO required" on stops password sign-in for almost everyone: ask first.
    if (turningRequiredOn) setConfirming(true);
    else doSave();
  };

  const adminOptions = (admins.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name} (${p.email})`,
  }));
  const generalError = save.isError ? save.error.message : null;

  return (
    <>
      <PageHeader
        title="Single sign-on"
        description="Let your people sign in through your organisation’s identity provider (OpenID Connect: Entra ID, Okta, Keycloak, ADFS)."
      />
      <form onSubmit={submit} noValidate aria-label="Single sign-on settings">
        <Stack gap="lg" maw={860}>
          <Paper withBorder radius="lg" p="lg">
            <Stack gap="md">
              <Title order={2} fz="h4">
                1. Register Countersign at your provider
              </Title>
              <Text size="sm" c="dimmed">
                Create a web application (confidential client) using the authorization-code flow, with scopes{' '}
                <Text span ff="monospace" size="sm">
                  openid email profile
                </Text>
                , and register this redirect URI:
              </Text>
              <CopyField
                label="Redirect URI"
                value={view.redirectUri}
                description="Paste this into the provider’s list of redirect (reply) URIs, exactly as shown."
              />
              <CopyField
                label="Sign-in link"
                value={view.startUrl}
                description="Share this link (intranet, bookmarks): it starts sign-in through your provider."
              />
            </Stack>
          </Paper>

          <Paper withBorder radius="lg" p="lg">
            <Stack gap="md">
              <Title order={2} fz="h4">
                2. Connect to the provider
              </Title>
              <TextInput
                label="Name shown to people"
                description="On the sign-in page: “Continue to …”"
                placeholder="Contoso sign-in"
                value={draft.displayName}
                onChange={(e) => set('displayName', e.currentTarget.value)}
                error={error('displayName')}
                required
              />
              <TextInput
                label="Issuer URL"
                description="From the provider’s OpenID configuration, e.g. https://login.microsoftonline.com/<tenant id>/v2.0"
                placeholder="https://"
                value={draft.issuer}
                onChange={(e) => set('issuer', e.currentTarget.value)}
                error={error('issuer')}
                required
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Client ID"
                  value={draft.clientId}
                  onChange={(e) => set('clientId', e.currentTarget.value)}
                  error={error('clientId')}
                  required
                />
                <PasswordInput
                  label="Client secret"
                  description={
                    view.clientSecretSet
                      ? 'A secret is stored. Leave empty to keep it; type a new one to replace it.'
                      : 'Stored encrypted; never shown again.'
                  }
                  placeholder={view.clientSecretSet ? '•••••••• (stored)' : ''}
                  autoComplete="new-password"
                  visibilityToggleButtonProps={{ 'aria-label': 'Show characters' }}
                  value={draft.clientSecret}
                  onChange={(e) => set('clientSecret', e.currentTarget.value)}
                  error={error('clientSecret')}
                  required={!view.clientSecretSet}
                />
              </SimpleGrid>
              <TagsInput
                label="Email domains"
                description="Addresses of these domains sign in through this provider. Press Enter after each."
                placeholder="example.org"
                value={draft.domains}
                onChange={(v) => set('domains', v)}
                error={error('domains')}
                required
                splitChars={[',', ' ']}
                clearable
              />
            </Stack>
          </Paper>

          <Paper withBorder radius="lg" p="lg">
            <Stack gap="md">
              <Title order={2} fz="h4">
                3. Map the claims
              </Title>
              <Text size="sm" c="dimmed">
                People are created or updated from these claims each time they sign in. Leave department or
                groups empty to manage them in Countersign instead.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Email claim"
                  value={draft.emailClaim}
                  onChange={(e) => set('emailClaim', e.currentTarget.value)}
                  error={error('claims.email')}
                  required
                />
                <TextInput
                  label="Name claim"
                  value={draft.nameClaim}
                  onChange={(e) => set('nameClaim', e.currentTarget.value)}
                  error={error('claims.name')}
                  required
                />
                <TextInput
                  label="Department claim (optional)"
                  placeholder="department"
                  value={draft.departmentClaim}
                  onChange={(e) => set('departmentClaim', e.currentTarget.value)}
                  error={error('claims.department')}
                />
                <TextInput
                  label="Groups claim (optional)"
                  placeholder="groups"
                  value={draft.groupsClaim}
                  onChange={(e) => set('groupsClaim', e.currentTarget.value)}
                  error={error('claims.groups')}
                />
              </SimpleGrid>
              <Divider />
              <Text fw={600} size="sm" id="role-mappings-label">
                Groups → roles
              </Text>
              <Text size="sm" c="dimmed">
                The most privileged role among a person’s mapped groups applies. Without a mapped group they
                get the default role.
              </Text>
              {draft.roleMappings.length > 0 && (
                <Table aria-labelledby="role-mappings-label" verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Group (name or ID as the provider sends it)</Table.Th>
                      <Table.Th w={220}>Role</Table.Th>
                      <Table.Th w={50}>
                        <VisuallyHidden>Remove</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {draft.roleMappings.map((m, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>
                          <TextInput
                            aria-label={`Group ${i + 1}`}
                            value={m.group}
                            onChange={(e) => {
                              const group = e.currentTarget.value;
                              set(
                                'roleMappings',
                                draft.roleMappings.map((x, j) => (j === i ? { ...x, group } : x)),
                              );
                            }}
                            error={error(`roleMappings.${i}.group`)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Select
                            aria-label={`Role for group ${i + 1}`}
                            data={ROLE_OPTIONS}
                            value={m.role}
                            allowDeselect={false}
                            onChange={(role) =>
                              role &&
                              set(
                                'roleMappings',
                                draft.roleMappings.map((x, j) =>
                                  j === i ? { ...x, role: role as Role } : x,
                                ),
                              )
                            }
                          />
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Remove the mapping of ${m.group || `group ${i + 1}`}`}
                            onClick={() =>
                              set(
                                'roleMappings',
                                draft.roleMappings.filter((_, j) => j !== i),
                              )
                            }
                          >
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => set('roleMappings', [...draft.roleMappings, { group: '', role: 'officer' }])}
                >
                  Add a group mapping
                </Button>
              </Group>
              <Select
                label="Default role"
                description="For people without a mapped group; without a groups claim, the role new people start with."
                data={ROLE_OPTIONS}
                value={draft.defaultRole}
                allowDeselect={false}
                onChange={(role) => role && set('defaultRole', role as Role)}
                w={320}
              />
            </Stack>
          </Paper>

          <Paper withBorder radius="lg" p="lg">
            <Stack gap="md">
              <Title order={2} fz="h4">
                4. Turn it on
              </Title>
              <Switch
                label="Single sign-on is on"
                description="People of the domains above are sent to your provider when they sign in."
                checked={draft.enabled}
                onChange={(e) => {
                  const enabled = e.currentTarget.checked;
                  setDraft({ ...draft, enabled, ssoRequired: enabled && draft.ssoRequired });
                }}
              />
              <Switch
                label="Require single sign-on"
                description="Password sign-in is refused for everyone except the break-glass administrators below."
                checked={draft.enabled && draft.ssoRequired}
                disabled={!draft.enabled}
                onChange={(e) => set('ssoRequired', e.currentTarget.checked)}
                error={error('ssoRequired')}
              />
              <MultiSelect
                label="Break-glass administrators"
                description="Administrators who can still sign in with their password (and Countersign’s own checks) if the provider is down or misconfigured. Keep one or two."
                data={adminOptions}
                value={draft.breakGlassAdminIds}
                onChange={(ids) => set('breakGlassAdminIds', ids)}
                searchable
                nothingFoundMessage={
                  admins.isPending ? 'Loading administrators…' : 'No active administrator matches'
                }
                error={error('breakGlassAdminIds')}
              />
              {view.enabled && view.providerLogout === false && (
                <Text size="sm" c="dimmed">
                  This provider offers no logout endpoint: signing out of Countersign leaves people signed in
                  at the provider.
                </Text>
              )}
            </Stack>
          </Paper>

          {generalError && (
            <Alert color="red" variant="light" title="Not saved" role="alert">
              {generalError}
            </Alert>
          )}
          {tried && Object.keys(local).length > 0 && (
            <Alert color="red" variant="light" title="Check the highlighted fields" role="alert">
              Some fields need your attention before the settings can be saved.
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending && !confirming}>
              Save and check the connection
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Require single sign-on?"
        centered
      >
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            Everyone of your organisation will have to sign in through {draft.displayName || 'your provider'}.
            Passwords will stop working for all but{' '}
            {draft.breakGlassAdminIds.length === 1
              ? 'the one break-glass administrator'
              : `the ${draft.breakGlassAdminIds.length} break-glass administrators`}
            . Check first that you can sign in through the provider yourself.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="orange" onClick={doSave} loading={save.isPending}>
              Require single sign-on
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
