import { PERSON_STATUS_LABELS, type PersonView } from '@countersign/contracts/people';
import { ROLE_LABELS } from '@countersign/contracts/permissions';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { formatDateTime } from '../../../lib/format';
import { STATUS_COLORS, TIER_LABELS } from './people-labels';

interface PeopleTableProps {
  people: PersonView[];
  onEdit: (person: PersonView) => void;
  onToggleActive: (person: PersonView) => void;
  onInvite: (person: PersonView) => void;
}

export function PeopleTable({ people, onEdit, onToggleActive, onInvite }: PeopleTableProps) {
  return (
    <ScrollTable label="People of the organisation" minWidth={1100} data-testid="people-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>Department</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Manager</Table.Th>
          <Table.Th>Tier</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Last sign-in</Table.Th>
          <Table.Th>
            <Text component="span" size="sm" fw={700}>
              Actions
            </Text>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => (
          <Table.Tr key={person.id}>
            <Table.Td>
              <Stack gap={0}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {person.name}
                </Text>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {person.email}
                </Text>
                {person.jobTitle && (
                  <Text size="xs" c="dimmed">
                    {person.jobTitle}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>{person.department?.name ?? 'None'}</Table.Td>
            <Table.Td style={noWrap}>{ROLE_LABELS[person.role]}</Table.Td>
            <Table.Td>{person.manager?.name ?? 'None'}</Table.Td>
            <Table.Td style={noWrap}>{TIER_LABELS[person.sensitivityTier]}</Table.Td>
            <Table.Td style={noWrap}>
              <Badge color={STATUS_COLORS[person.status]} variant="light">
                {PERSON_STATUS_LABELS[person.status]}
              </Badge>
            </Table.Td>
            <Table.Td style={noWrap}>
              {person.lastSignInAt ? formatDateTime(person.lastSignInAt) : 'Never'}
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onEdit(person)}
                  aria-label={`Edit ${person.name}`}
                >
                  Edit
                </Button>
                {person.status === 'invited' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => onInvite(person)}
                    aria-label={`Invite ${person.name}`}
                  >
                    Invite
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="subtle"
                  color={person.status === 'deactivated' ? undefined : 'red'}
                  onClick={() => onToggleActive(person)}
                  aria-label={`${person.status === 'deactivated' ? 'Reactivate' : 'Deactivate'} ${person.name}`}
                >
                  {person.status === 'deactivated' ? 'Reactivate' : 'Deactivate'}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
