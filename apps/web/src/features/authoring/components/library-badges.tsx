import type { LibraryStatus } from '@countersign/contracts/authoring';
import { Badge } from '@mantine/core';
import { IconArchive, IconCircleCheck, IconPencil } from '@tabler/icons-react';

const NO_TRUNCATE = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

const STATUS = {
  // Mantine's light yellow text (even yellow.9) is too pale on its background for WCAG AA: a dark amber reads.
  draft: { label: 'Draft', color: 'yellow', text: '#7a4f01', Icon: IconPencil },
  published: { label: 'Published', color: 'green', text: undefined, Icon: IconCircleCheck },
  archived: { label: 'Archived', color: 'gray', text: undefined, Icon: IconArchive },
} as const;

/** Status as icon + words, never colour alone. */
export function LibraryStatusBadge({ status }: { status: LibraryStatus }) {
  const { label, color, text, Icon } = STATUS[status];
  return (
    <Badge
      color={color}
      c={text}
      variant="light"
      leftSection={<Icon size={14} aria-hidden />}
      styles={NO_TRUNCATE}
    >
      {label}
    </Badge>
  );
}
