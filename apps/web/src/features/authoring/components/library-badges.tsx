import type { LibraryStatus } from '@countersign/contracts/authoring';
import { Badge } from '@mantine/core';
import { IconArchive, IconCircleCheck, IconPencil } from '@tabler/icons-react';

const NO_TRUNCATE = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

const STATUS = {
  draft: { label: 'Draft', color: 'yellow', Icon: IconPencil },
  published: { label: 'Published', color: 'green', Icon: IconCircleCheck },
  archived: { label: 'Archived', color: 'gray', Icon: IconArchive },
} as const;

/** Status as icon + words, never colour alone. */
export function LibraryStatusBadge({ status }: { status: LibraryStatus }) {
  const { label, color, Icon } = STATUS[status];
  return (
    <Badge color={color} variant="light" leftSection={<Icon size={14} aria-hidden />} styles={NO_TRUNCATE}>
      {label}
    </Badge>
  );
}
