import type { DepartmentView, UserSummary } from '@countersign/contracts/directory';
import type { ModuleSummary } from '@countersign/contracts/training';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { formatDate, plural } from '../../../lib/format';

export interface AssignmentDraft {
  module: ModuleSummary;
  departments: DepartmentView[];
  people: UserSummary[];
  dueDate: string;
}

interface ConfirmAssignModalProps {
  draft: AssignmentDraft | null;
  submitting: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

function names(items: { name: string }[], max = 5): string {
  const shown = items.slice(0, max).map((item) => item.name);
  return items.length > max ? `${shown.join(', ')} and ${items.length - max} more` : shown.join(', ');
}

/** A last look at what is about to be assigned, to whom and by when. */
export function ConfirmAssignModal({ draft, submitting, onConfirm, onCancel }: ConfirmAssignModalProps) {
  return (
    <Modal opened={draft !== null} onClose={onCancel} title="Assign this training?" centered size="lg">
      {draft && (
        <Stack gap="md">
          <List spacing="xs">
            <List.Item>
              <Text span fw={600}>
                Module:
              </Text>{' '}
              {draft.module.title}
              {draft.module.publishedVersion ? ` (version ${draft.module.publishedVersion.version})` : ''}
            </List.Item>
            {draft.departments.length > 0 && (
              <List.Item>
                <Text span fw={600}>
                  Departments:
                </Text>{' '}
                {names(draft.departments)} (
                {plural(
                  draft.departments.reduce((sum, department) => sum + department.memberCount, 0),
                  'member',
                )}
                )
              </List.Item>
            )}
            {draft.people.length > 0 && (
              <List.Item>
                <Text span fw={600}>
                  People:
                </Text>{' '}
                {names(draft.people)}
              </List.Item>
            )}
            <List.Item>
              <Text span fw={600}>
                Due:
              </Text>{' '}
              {formatDate(draft.dueDate)}
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            Each person will find the module in “My training”. People who already have it keep their current
            due date.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel} disabled={submitting}>
              Cancel
            </Button>
            <Button onClick={onConfirm} loading={submitting}>
              Assign
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
