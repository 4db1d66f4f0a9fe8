import type { ScimTokenCreated, ScimTokenView } from '@countersign/contracts/provisioning';
import {
  Alert,
  Badge,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconKey, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { SectionCard } from '../../../components/ui/section-card';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useCreateScimToken, useRevokeScimToken, useScimTokens } from '../api/scim-tokens';
import { CopyField } from '../components/copy-field';

/**
 * Directory sync: the SCIM base URL to give the identity provider, and the tokens it signs its
 * requests with — made here (shown once), listed with when they were last used, revoked here.
 */
export function ProvisioningPage() {
  const tokens = useScimTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ScimTokenView | null>(null);

  return (
    <>
      <PageHeader
        title="Directory sync (SCIM)"
        description="Let your identity provider (Microsoft Entra ID, Okta) create, update and deactivate people and departments as your directory changes."
      />
      {tokens.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading the SCIM tokens" />
        </Center>
      ) : tokens.isError ? (
        <ErrorState
          error={tokens.error}
          title="The SCIM settings could not be loaded"
          onRetry={() => void tokens.refetch()}
        />
      ) : (
        <Stack gap="lg">
          <SectionCard title="Connection">
            <Stack gap="xs">
              <Text size="sm">
                Give your identity provider this address as the <b>Tenant URL</b> (Entra ID) or{' '}
                <b>SCIM connector base URL</b> (Okta), and a token from below as the secret token (bearer
                token).
              </Text>
              <CopyField value={tokens.data.baseUrl} label="SCIM base URL" />
              <Text size="xs" c="dimmed">
                People it creates get no invitation email: they sign in through your identity provider.
                Deactivating someone there deactivates them here and ends their sessions; their training
                records are kept.
              </Text>
            </Stack>
          </SectionCard>
          <SectionCard
            title="Tokens"
            actions={
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                New token
              </Button>
            }
          >
            {tokens.data.items.length === 0 ? (
              <EmptyState
                icon={<IconKey aria-hidden />}
                withIndicatorBackground
                title="No tokens yet"
                description="Make a token for each identity provider that syncs people into Countersign."
                py={32}
              />
            ) : (
              <TokenTable tokens={tokens.data.items} onRevoke={setRevoking} />
            )}
          </SectionCard>
        </Stack>
      )}
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: ScimTokenView[]; onRevoke: (t: ScimTokenView) => void }) {
  return (
    <ScrollTable label="SCIM tokens" minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Token</Table.Th>
          <Table.Th>Created</Table.Th>
          <Table.Th>Last used</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tokens.map((token) => (
          <Table.Tr key={token.id}>
            <Table.Td fw={500}>{token.name}</Table.Td>
            <Table.Td ff="monospace" fz="sm">
              {token.prefix}…
            </Table.Td>
            <Table.Td>
              {formatDateTime(token.createdAt)}
              {token.createdBy && (
                <Text size="xs" c="dimmed">
                  by {token.createdBy.name}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</Table.Td>
            <Table.Td>
              {token.revokedAt ? (
                <Badge color="gray" variant="light">
                  Revoked {formatDateTime(token.revokedAt)}
                </Badge>
              ) : (
                <Badge color="green" variant="light">
                  Active
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {!token.revokedAt && (
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => onRevoke(token)}
                  aria-label={`Revoke the token ${token.name}`}
                >
                  Revoke
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateScimToken();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<ScimTokenCreated | null>(null);
  const [touched, setTouched] = useState(false);

  const close = () => {
    setName('');
    setCreated(null);
    setTouched(false);
    create.reset();
    onClose();
  };
  const localError = name.trim() ? undefined : 'Give the token a name, such as “Entra ID production”';
  const serverError = isApiError(create.error, 400) ? create.error.fieldErrors().name : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (localError) return;
    create.mutate({ name: name.trim() }, { onSuccess: setCreated });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Copy the new token' : 'New SCIM token'}
      centered
      size="lg"
      // Once made, the token is on screen only until this closes: no closing by a stray click.
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            Copy this token now and paste it into your identity provider. It is not shown again: Countersign
            keeps only a fingerprint of it. Treat it like a password.
          </Alert>
          <CopyField value={created.secret} label="token" />
          <Group justify="flex-end">
            <Button onClick={close}>I have copied it</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label="Name"
              description="Which identity provider, or which environment, uses it."
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={(touched && localError) || serverError}
              maxLength={100}
              data-autofocus
              required
            />
            {create.isError && !serverError && (
              <Alert color="red" variant="light" title="The token was not made">
                {create.error.message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Make token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function RevokeTokenModal({ token, onClose }: { token: ScimTokenView | null; onClose: () => void }) {
  const revoke = useRevokeScimToken();
  const close = () => {
    revoke.reset();
    onClose();
  };
  const confirm = () => {
    if (!token) return;
    revoke.mutate(token.id, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          title: 'Token revoked',
          message: `“${token.name}” no longer works.`,
        });
        close();
      },
    });
  };
  return (
    <Modal opened={token !== null} onClose={close} title="Revoke this token?" centered>
      <Stack gap="md">
        <Text size="sm">
          The identity provider using “{token?.name}” gets an error from its next request on, and directory
          sync stops until you give it a new token. People and departments already synced stay as they are.
        </Text>
        {revoke.isError && (
          <Alert color="red" variant="light" title="Not revoked">
            {revoke.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={revoke.isPending}>
            Revoke token
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
