import type { AssignmentStatus } from '@countersign/contracts/learning';
import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconProgress } from '@tabler/icons-react';

const STATUS = {
  completed: { label: 'Completed', color: 'green', Icon: IconCircleCheck },
  'in-progress': { label: 'In progress', color: 'blue', Icon: IconProgress },
  'not-started': { label: 'Not started', color: 'gray', Icon: IconCircleDashed },
} as const;

export function statusLabel(status: AssignmentStatus): string {
  return STATUS[status].label;
}

/** Status as icon + words, never colour alone. */
export function AssignmentStatusBadge({ status }: { status: AssignmentStatus }) {
  const { label, color, Icon } = STATUS[status];
  return (
    <Badge color={color} variant="light" leftSection={<Icon size={14} aria-hidden />}>
      {label}
    </Badge>
  );
}

export function OverdueBadge() {
  return (
    <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={14} aria-hidden />}>
      Overdue
    </Badge>
  );
}
