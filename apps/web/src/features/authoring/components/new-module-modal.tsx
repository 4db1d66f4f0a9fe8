import { Alert, Button, Group, Modal, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { useCreateModule } from '../api/library';

/** Title, summary and length of a new module; on success the editor opens on its starter draft. */
export function NewModuleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateModule();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [minutes, setMinutes] = useState<number>(15);
  const [titleError, setTitleError] = useState<string | null>(null);

  const close = () => {
    create.reset();
    setTitleError(null);
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError('Give the module a title');
      return;
    }
    create.mutate(
      { title: title.trim(), summary: summary.trim(), estimatedMinutes: minutes },
      {
        onSuccess: (detail) => {
          setTitle('');
          setSummary('');
          setMinutes(15);
          onClose();
          void navigate(`/admin/modules/${detail.module.id}/edit`);
        },
      },
    );
  };

  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors() : {};

  return (
    <Modal opened={opened} onClose={close} title="New module" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              setTitleError(null);
            }}
            error={titleError ?? fieldErrors.title}
            maxLength={200}
            data-autofocus
          />
          <Textarea
            label="Summary"
            description="What learners will practise, in a sentence or two."
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={fieldErrors.summary}
            maxLength={2000}
            autosize
            minRows={2}
          />
          <NumberInput
            label="Estimated minutes"
            min={1}
            max={600}
            allowDecimal={false}
            clampBehavior="strict"
            value={minutes}
            onChange={(value) => setMinutes(typeof value === 'number' ? value : 15)}
            error={fieldErrors.estimatedMinutes}
          />
          {create.isError && Object.keys(fieldErrors).length === 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" p="sm">
              {create.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create and edit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
