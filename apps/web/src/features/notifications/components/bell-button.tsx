import { ActionIcon, type ActionIconProps } from '@mantine/core';
import { IconBell, IconBellRinging } from '@tabler/icons-react';
import type { ComponentPropsWithRef } from 'react';

type BellButtonProps = ActionIconProps &
  Omit<ComponentPropsWithRef<'button'>, 'color' | 'style'> & { unread: number };

/** The header's bell icon with its unread count for screen readers; the popover's target. */
export function BellButton({ unread, ...props }: BellButtonProps) {
  const Icon = unread > 0 ? IconBellRinging : IconBell;
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={`Notifications, ${unread} unread`}
      data-testid="notification-bell"
      {...props}
    >
      <Icon size={22} stroke={1.6} aria-hidden />
    </ActionIcon>
  );
}
