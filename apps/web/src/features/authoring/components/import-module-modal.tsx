import { Alert, Anchor, Button, Code, FileInput, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconFileCode, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { formatBytes } from '../../../lib/format';
import { isApiError } from '../../../lib/api-client';
import { MODULE_SCHEMA_HREF, useImportModule } from '../api/library';
import { importProblems, readModuleDocument, type ChosenFile } from './import-document';

/** Problems listed in full up to this many; beyond it the list says how many more there are. */
const MAX_LISTED = 25;

function ImportError({ error }: { error: Error }) {
  const problems = importProblems(error);
  if (problems.length === 0) {
    const tooLarge = isApiError(error, 413);
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertCircle aria-hidden />}
        role="alert"
        title={tooLarge ? 'The file is too large to import' : 'The module could not be imported'}
        p="sm"
      >
        {error.message}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
      title={
        problems.length === 1
          ? 'The file is not a valid module document: 1 problem'
          : `The file is not a valid module document: ${problems.length} problems`
      }
      p="sm"
      data-testid="import-problems"
    >
      <Stack gap="xs">
        <Text size="sm">Nothing was imported. Fix these in the file and choose it again:</Text>
        <List size="sm" spacing={4}>
          {problems.slice(0, MAX_LISTED).map((problem, index) => (
            <List.Item key={`${problem.path}-${index}`}>
              {problem.path && <Code>{problem.path}</Code>}
              {problem.path && ': '}
              {problem.message}
            </List.Item>
          ))}
        </List>
        {problems.length > MAX_LISTED && <Text size="sm">…and {problems.length - MAX_LISTED} more.</Text>}
      </Stack>
    </Alert>
  );
}

/**
 * Imports a module from a JSON file (an export, or a document written to the published schema)
 * as a new module with a draft; on success the editor opens on it.
 */
export function ImportModuleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const importModule = useImportModule();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<ChosenFile>({ state: 'none' });
  const [missing, setMissing] = useState(false);

  const clear = () => {
    importModule.reset();
    setChosen({ state: 'none' });
    setMissing(false);
  };

  const close = () => {
    if (importModule.isPending) return;
    clear();
    onClose();
  };

  const choose = (file: File | null) => {
    importModule.reset();
    setMissing(false);
    if (!file) {
      setChosen({ state: 'none' });
      return;
    }
    setChosen({ state: 'reading', file });
    void readModuleDocument(file).then((result) =>
      // A later choice wins over a slower read of an earlier one.
      setChosen((current) => (current.state !== 'none' && current.file === file ? result : current)),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.state === 'none') {
      setMissing(true);
      return;
    }
    if (chosen.state !== 'ready') return;
    importModule.mutate(chosen.document, {
      onSuccess: (detail) => {
        clear();
        onClose();
        notifications.show({
          color: 'green',
          title: 'Module imported',
          message: `“${detail.module.title}” is a new draft. Review it, then publish it when it is ready.`,
        });
        void navigate(`/admin/modules/${detail.module.id}/edit`);
      },
    });
  };

  const file = chosen.state === 'none' ? null : chosen.file;
  const fileError =
    chosen.state === 'invalid' ? chosen.message : missing ? 'Choose a .json file to import' : null;

  return (
    <Modal opened={opened} onClose={close} title="Import module" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            Import a module exported from Countersign (this or another installation). It becomes a new module
            with a draft: nothing is published or assigned until you publish it.
          </Text>
          <FileInput
            label="Module file"
            description="A .json module document"
            placeholder="Choose a .json file"
            accept="application/json,.json"
            leftSection={<IconFileCode size={16} aria-hidden />}
            value={file}
            onChange={choose}
            error={fileError}
            clearable
            required
            data-autofocus
          />
          {chosen.state === 'ready' && (
            <Text size="sm" c="dimmed" data-testid="import-summary">
              {chosen.title ? `“${chosen.title}”, ` : ''}
              {formatBytes(chosen.file.size)}, ready to import.
            </Text>
          )}
          {importModule.isError && <ImportError error={importModule.error} />}
          <Text size="xs" c="dimmed">
            Generating modules with other tools? Write them to the{' '}
            <Anchor
              href={MODULE_SCHEMA_HREF}
              target="_blank"
              rel="noopener noreferrer"
              size="xs"
              underline="always"
            >
              module JSON Schema
            </Anchor>
            .
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={importModule.isPending}>
              Cancel
            </Button>
            <Button
              type="submit"
              leftSection={<IconUpload size={16} aria-hidden />}
              loading={importModule.isPending || chosen.state === 'reading'}
              disabled={chosen.state === 'invalid'}
            >
              Import as draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
