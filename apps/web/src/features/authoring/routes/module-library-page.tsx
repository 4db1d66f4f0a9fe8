import type { LibraryModule } from '@countersign/contracts/authoring';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconArchive,
  IconCopy,
  IconDots,
  IconFileImport,
  IconHistory,
  IconPencil,
  IconPlus,
  IconRestore,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { PlainList } from '../../../components/ui/plain-list';
import { PageHeader } from '../../../components/ui/page-header';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { formatDateTime, plural } from '../../../lib/format';
import { useDuplicateModule, useLibrary, useSetArchived } from '../api/library';
import { LibraryStatusBadge } from '../components/library-badges';
import { ImportModuleModal } from '../components/import-module-modal';
import { NewModuleModal } from '../components/new-module-modal';

/**
 * What archiving does to the people assigned the module, in numbers: it stops new assignments;
 * whoever has it open keeps it and can still finish it; completion records are kept.
 */
export function ArchiveConsequences({ module }: { module: LibraryModule }) {
  const open = module.openAssignees;
  const completed = module.completedAssignees;
  return (
    <Stack gap="xs" data-testid="archive-consequences">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        “{module.title}” can no longer be assigned, to anyone. It stays in reports and in its history, and you
        can bring it back at any time.
      </Text>
      <PlainList gap={4}>
        <li>
          <Text size="sm">
            {open === 0 ? (
              'Nobody has it open: no one is part-way through it or still to start it.'
            ) : (
              <>
                <Text span fw={600}>
                  {plural(open, 'person has', 'people have')}
                </Text>{' '}
                it open (not started or in progress). They keep it, with its due date, and can still finish
                it.
              </>
            )}
          </Text>
        </li>
        <li>
          <Text size="sm">
            {completed === 0 ? (
              'Nobody has completed it yet.'
            ) : (
              <>
                <Text span fw={600}>
                  {plural(completed, 'completed record', 'completed records')}
                </Text>{' '}
                stay as they are: completions are never removed.
              </>
            )}
          </Text>
        </li>
      </PlainList>
    </Stack>
  );
}

function ArchiveModal({ module, onClose }: { module: LibraryModule | null; onClose: () => void }) {
  const setArchived = useSetArchived();
  const archiving = module?.status !== 'archived';
  const close = () => {
    setArchived.reset();
    onClose();
  };
  const confirm = () => {
    if (!module) return;
    setArchived.mutate(
      { moduleId: module.id, archived: archiving },
      {
        onSuccess: () => {
          close();
          notifications.show({
            color: 'green',
            title: archiving ? 'Module archived' : 'Module brought back',
            message: module.title,
          });
        },
      },
    );
  };
  return (
    <Modal
      opened={module !== null}
      onClose={close}
      title={archiving ? 'Archive this module?' : 'Bring this module back?'}
      centered
    >
      <Stack gap="md">
        {module && archiving ? (
          <ArchiveConsequences module={module} />
        ) : (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            “{module?.title ?? ''}” can be assigned again.
          </Text>
        )}
        {setArchived.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" p="sm">
            {setArchived.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={setArchived.isPending}>
            Cancel
          </Button>
          <Button color={archiving ? 'red' : undefined} onClick={confirm} loading={setArchived.isPending}>
            {archiving ? 'Archive' : 'Unarchive'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function LibraryTable({
  modules,
  onArchive,
}: {
  modules: readonly LibraryModule[];
  onArchive: (module: LibraryModule) => void;
}) {
  const duplicate = useDuplicateModule();
  const navigate = useNavigate();
  const copy = (module: LibraryModule) =>
    duplicate.mutate(module.id, {
      onSuccess: (detail) => {
        notifications.show({ color: 'green', title: 'Module duplicated', message: detail.module.title });
        void navigate(`/admin/modules/${detail.module.id}/edit`);
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not duplicate the module', message: error.message }),
    });

  return (
    <ScrollTable label="Modules" minWidth={960} data-testid="module-library">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Module</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Published</Table.Th>
          <Table.Th>Draft</Table.Th>
          <Table.Th>Last edited</Table.Th>
          <Table.Th>Assignees</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {modules.map((module) => (
          <Table.Tr key={module.id}>
            <Table.Td>
              {/* A long title (even one unbroken word) takes two lines at most; all of it in the tooltip. */}
              <Group gap="xs" wrap="nowrap" maw={380}>
                <Anchor
                  component={Link}
                  to={`/admin/modules/${module.id}/edit`}
                  fw={600}
                  lineClamp={2}
                  title={module.title}
                  style={{ overflowWrap: 'anywhere', minWidth: 0 }}
                  data-testid="library-title"
                >
                  {module.title}
                </Anchor>
                {module.builtIn && (
                  <Badge size="sm" variant="outline" color="gray" styles={{ root: { flexShrink: 0 } }}>
                    Built-in
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {module.estimatedMinutes} min
              </Text>
            </Table.Td>
            <Table.Td>
              <LibraryStatusBadge status={module.status} />
            </Table.Td>
            <Table.Td style={noWrap}>
              {module.publishedVersion ? `v${module.publishedVersion}` : '—'}
            </Table.Td>
            <Table.Td style={noWrap}>{module.draftVersion ? `v${module.draftVersion}` : '—'}</Table.Td>
            <Table.Td>
              {module.lastEditedBy ? (
                <>
                  <Text size="sm">{module.lastEditedBy.name}</Text>
                  <Text size="xs" c="dimmed" style={noWrap}>
                    {formatDateTime(module.lastEditedAt)}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {module.lastEditedAt ? formatDateTime(module.lastEditedAt) : '—'}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={noWrap}>{plural(module.assignees, 'person', 'people')}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap" justify="flex-end">
                <Button
                  size="xs"
                  variant="light"
                  component={Link}
                  to={`/admin/modules/${module.id}/edit`}
                  leftSection={<IconPencil size={14} aria-hidden />}
                  aria-label={`Edit ${module.title}`}
                >
                  Edit
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  component={Link}
                  to={`/admin/modules/${module.id}/history`}
                  leftSection={<IconHistory size={14} aria-hidden />}
                  aria-label={`History of ${module.title}`}
                >
                  History
                </Button>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      variant="default"
                      size={30}
                      aria-label={`More actions for ${module.title}`}
                      loading={duplicate.isPending && duplicate.variables === module.id}
                    >
                      <IconDots size={16} aria-hidden />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconCopy size={14} aria-hidden />} onClick={() => copy(module)}>
                      Duplicate
                    </Menu.Item>
                    <Menu.Item
                      color={module.status === 'archived' ? undefined : 'red'}
                      leftSection={
                        module.status === 'archived' ? (
                          <IconRestore size={14} aria-hidden />
                        ) : (
                          <IconArchive size={14} aria-hidden />
                        )
                      }
                      onClick={() => onArchive(module)}
                    >
                      {module.status === 'archived' ? 'Unarchive…' : 'Archive…'}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** The admin's module library: every module with its status and versions, and what can be done with it. */
export function ModuleLibraryPage() {
  const library = useLibrary();
  const [newOpened, newModal] = useDisclosure(false);
  const [importOpened, importModal] = useDisclosure(false);
  const [archiveTarget, setArchiveTarget] = useState<LibraryModule | null>(null);

  return (
    <>
      <PageHeader
        title="Module library"
        description="Write, duplicate and publish the training modules of your organisation."
        actions={
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={importModal.open}
            >
              Import module
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={newModal.open}>
              New module
            </Button>
          </Group>
        }
      />
      {library.isPending && (
        <Stack gap="sm" role="status" aria-label="Loading the modules">
          <Skeleton h={48} radius="md" />
          <Skeleton h={48} radius="md" />
          <Skeleton h={48} radius="md" />
        </Stack>
      )}
      {library.isError && (
        <ErrorState
          error={library.error}
          title="Could not load the modules"
          onRetry={() => void library.refetch()}
        />
      )}
      {library.data && library.data.length === 0 && (
        <Alert color="gray" variant="light" title="No modules yet">
          Create your first module with “New module”, or bring one in with “Import module”.
        </Alert>
      )}
      {library.data && library.data.length > 0 && (
        <LibraryTable modules={library.data} onArchive={setArchiveTarget} />
      )}
      <NewModuleModal opened={newOpened} onClose={newModal.close} />
      <ImportModuleModal opened={importOpened} onClose={importModal.close} />
      <ArchiveModal module={archiveTarget} onClose={() => setArchiveTarget(null)} />
    </>
  );
}
