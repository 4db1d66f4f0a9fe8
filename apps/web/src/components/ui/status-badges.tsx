import type { AssignmentStatus } from '@countersign/contracts/learning';
import { Badge } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconClockExclamation,
  IconProgress,
} from '@tabler/icons-react';

// Badges truncate their label by default; in narrow table cells a status must stay readable.
const NO_TRUNCATE = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

const STATUS = {
  completed: { label: 'Completed', color: 'green', Icon: IconCircleCheck },
  'in-progress': { label: 'In progress', color: 'blue', Icon: IconProgress },
  'not-started': { label: 'Not started', color: 'gray', Icon: IconCircleDashed },
} as const;
const COMPLETED_LATE = { label: 'Completed late', color: 'orange', Icon: IconClockExclamation } as const;

/**
 * Status as icon + words, never colour alone. `late`: completed after the due date (see
 * lib/due-dates), which must not look like an on-time completion.
 */
export function AssignmentStatusBadge({
  status,
  late = false,
}: {
  status: AssignmentStatus;
  late?: boolean;
}) {
  const { label, color, Icon } = status === 'completed' && late ? COMPLETED_LATE : STATUS[status];
  return (
    <Badge color={color} variant="light" leftSection={<Icon size={14} aria-hidden />} styles={NO_TRUNCATE}>
      {label}
    </Badge>
  );
}

export function OverdueBadge() {
  return (
    <Badge
      color="red"
      variant="filled"
      leftSection={<IconAlertTriangle size={14} aria-hidden />}
      styles={NO_TRUNCATE}
    >
      Overdue
    </Badge>
  );
}
