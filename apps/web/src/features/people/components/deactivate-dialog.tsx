import type { PersonView } from '@countersign/contracts/people';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSetPersonActive } from '../api/people';

interface DeactivateDialogProps {
  person: PersonView;
  opened: boolean;
  onClose: () => void;
}

/** Deactivate a leaver (or let them back), saying first exactly what happens. */
export function DeactivateDialog({ person, opened, onClose }: DeactivateDialogProps) {
  const setActive = useSetPersonActive();
  const deactivating = person.status !== 'deactivated';
  const confirm = () =>
    setActive.mutate(
      { userId: person.id, active: !deactivating },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: deactivating ? 'Deactivated' : 'Reactivated',
            message: deactivating ? `${person.name} is signed out.` : `${person.name} can sign in again.`,
          });
          onClose();
        },
      },
    );
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={deactivating ? `Deactivate ${person.name}?` : `Reactivate ${person.name}?`}
    >
      <Stack gap="md">
        {deactivating ? (
          <>
            <Text>When you deactivate {person.name}:</Text>
            <List spacing="xs">
              <List.Item>they are signed out at once, on every device, and cannot sign in;</List.Item>
              <List.Item>
                their training records stay, as evidence, and officers see them as deactivated;
              </List.Item>
              <List.Item>they no longer count in completion rates and get no new assignments.</List.Item>
            </List>
            <Text size="sm" c="dimmed">
              You can reactivate them later.
            </Text>
          </>
        ) : (
          <Text>
            {person.name} will be able to sign in again, count in completion rates and receive new
            assignments.
          </Text>
        )}
        {setActive.error && (
          <Alert color="red" title="Nothing changed">
            {setActive.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={deactivating ? 'red' : undefined} onClick={confirm} loading={setActive.isPending}>
            {deactivating ? 'Deactivate' : 'Reactivate'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
