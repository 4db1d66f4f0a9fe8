import type { ReportRating, ReportStatus } from '@countersign/contracts/approaches';
import { Badge, type BadgeProps } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconArrowUpRight,
  IconCircleCheck,
  IconCircleDot,
  IconEye,
  IconShieldCheck,
} from '@tabler/icons-react';

// Badges truncate their label by default; in narrow table cells a status must stay readable.
const NO_TRUNCATE = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

export const RATING_LABELS: Readonly<Record<ReportRating, string>> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
};

const RATING = {
  low: { color: 'green', Icon: IconShieldCheck },
  medium: { color: 'orange', Icon: IconAlertTriangle },
  high: { color: 'red', Icon: IconAlertOctagon },
} as const;

export const STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  new: 'New',
  'in-review': 'In review',
  escalated: 'Escalated',
  closed: 'Closed',
};

const STATUS = {
  new: { color: 'blue', Icon: IconCircleDot },
  'in-review': { color: 'navy', Icon: IconEye },
  escalated: { color: 'red', Icon: IconArrowUpRight },
  closed: { color: 'green', Icon: IconCircleCheck },
} as const;

interface RatingBadgeProps extends Omit<BadgeProps, 'children' | 'color'> {
  rating: ReportRating;
  /** The large version leads a check result. */
  large?: boolean;
}

/** The checker's rating as icon + words, never colour alone. */
export function RatingBadge({ rating, large = false, ...badgeProps }: RatingBadgeProps) {
  const { color, Icon } = RATING[rating];
  return (
    <Badge
      color={color}
      variant={large || rating === 'high' ? 'filled' : 'light'}
      size={large ? 'xl' : 'md'}
      radius={large ? 'md' : undefined}
      leftSection={<Icon size={large ? 22 : 14} aria-hidden />}
      styles={NO_TRUNCATE}
      {...badgeProps}
    >
      {RATING_LABELS[rating]}
    </Badge>
  );
}

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { color, Icon } = STATUS[status];
  return (
    <Badge color={color} variant="light" leftSection={<Icon size={14} aria-hidden />} styles={NO_TRUNCATE}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
