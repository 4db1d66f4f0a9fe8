import type { TriageReportView } from '@countersign/contracts/approaches';
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconNotes } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { PlainList } from '../../../components/ui/plain-list';
import { SectionCard } from '../../../components/ui/section-card';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useAddNote } from '../api/triage-report';

const MAX_NOTE_LENGTH = 5000;

/** Officers' internal notes on a report, oldest first, and a form to add one. */
export function NotesPanel({ report }: { report: TriageReportView }) {
  const addNote = useAddNote(report.id);
  const [body, setBody] = useState('');
  const [emptyError, setEmptyError] = useState(false);
  const serverError = isApiError(addNote.error)
    ? (addNote.error.fieldErrors().body ?? addNote.error.message)
    : addNote.error?.message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body.trim()) {
      setEmptyError(true);
      return;
    }
    addNote.mutate({ body: body.trim() }, { onSuccess: () => setBody('') });
  };

  const notes = report.notes.toSorted((a, b) => a.at.localeCompare(b.at));

  return (
    <SectionCard title={`Internal notes (${notes.length})`} data-testid="notes">
      <Stack gap="md">
        <Group gap={6} wrap="nowrap" c="dimmed">
          <IconLock size={16} aria-hidden />
          <Text size="sm">Notes are never shown to the reporter.</Text>
        </Group>
        {notes.length === 0 ? (
          <Text c="dimmed" size="sm">
            No notes yet.
          </Text>
        ) : (
          <PlainList gap="sm" aria-label="Notes">
            {notes.map((note) => (
              <Paper component="li" key={note.id} withBorder radius="md" p="sm" bg="gray.0">
                <Text size="xs" c="dimmed" mb={4}>
                  <Text span fw={600} c="var(--mantine-color-text)" size="xs">
                    {note.by.name}
                  </Text>{' '}
                  · {formatDateTime(note.at)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {note.body}
                </Text>
              </Paper>
            ))}
          </PlainList>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Textarea
              label="Add a note"
              description="For the security team only."
              autosize
              minRows={3}
              maxRows={10}
              maxLength={MAX_NOTE_LENGTH}
              value={body}
              onChange={(event) => {
                setBody(event.currentTarget.value);
                setEmptyError(false);
              }}
              error={emptyError ? 'Write the note first.' : serverError}
            />
            <Group>
              <Button
                type="submit"
                loading={addNote.isPending}
                leftSection={<IconNotes size={16} aria-hidden />}
              >
                Add note
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </SectionCard>
  );
}
