import type { NotificationView } from '@countersign/contracts/approaches';
import {
  Badge,
  Box,
  Button,
  Divider,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecks } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { PlainList } from '../../../components/ui/plain-list';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../api/notifications';
import { BellButton } from './bell-button';

function NotificationItem({
  item,
  onOpen,
}: {
  item: NotificationView;
  onOpen: (item: NotificationView) => void;
}) {
  return (
    <li>
      <UnstyledButton
        onClick={() => onOpen(item)}
        w="100%"
        p="sm"
        style={{
          borderRadius: 'var(--mantine-radius-md)',
          background: item.read ? undefined : 'var(--mantine-color-navy-0)',
        }}
        data-unread={item.read ? undefined : true}
      >
        <Stack gap={2}>
          <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" fw={item.read ? 500 : 700} lh={1.3}>
              {item.title}
            </Text>
            {!item.read && (
              <Badge size="xs" color="navy" variant="filled" style={{ flexShrink: 0 }}>
                New
              </Badge>
            )}
          </Group>
          <Text size="sm" lh={1.4}>
            {item.body}
          </Text>
          <Text size="xs" c="dimmed" title={formatDateTime(item.createdAt)}>
            {formatRelative(item.createdAt)}
          </Text>
        </Stack>
      </UnstyledButton>
    </li>
  );
}

/** Only in-app paths are followed; anything else would be a way out of the app. */
function isAppPath(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//');
}

/**
 * The bell's popover: the latest notifications; opening one marks it read. Loaded on the first
 * click on the bell, so its positioning code (floating-ui) stays out of the first page's download.
 */
export function NotificationPanel() {
  // Mounted by that first click, so it opens at once.
  const [opened, popover] = useDisclosure(true);
  const notifications = useNotifications();
  const navigate = useNavigate();
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const open = (item: NotificationView) => {
    if (!item.read) markRead.mutate(item.id);
    popover.close();
    if (isAppPath(item.link)) navigate(item.link);
  };

  return (
    <Popover
      opened={opened}
      onChange={popover.toggle}
      position="bottom-end"
      width={360}
      shadow="md"
      withArrow
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <BellButton unread={unread} onClick={popover.toggle} />
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label="Notifications" role="dialog">
        <Group px="md" py="sm" justify="space-between" wrap="nowrap">
          <Box>
            <Text fw={700}>Notifications</Text>
            <Text size="xs" c="dimmed" aria-live="polite">
              {unread === 0 ? 'Nothing unread' : `${unread} unread`}
            </Text>
          </Box>
          {unread > 0 && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconChecks size={16} aria-hidden />}
              loading={markAllRead.isPending}
              // Up to the newest one listed: anything newer has not been seen yet.
              onClick={() => markAllRead.mutate(items[0]?.createdAt)}
              data-testid="mark-all-read"
            >
              Mark all as read
            </Button>
          )}
        </Group>
        <Divider />
        {notifications.isError && (
          <Text size="sm" c="dimmed" p="md">
            Notifications could not be loaded: {notifications.error.message}
          </Text>
        )}
        {notifications.data && items.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            No notifications yet.
          </Text>
        )}
        {items.length > 0 && (
          <ScrollArea.Autosize mah={420} type="auto">
            <PlainList gap={2} p="xs" aria-label="Latest notifications">
              {items.map((item) => (
                <NotificationItem key={item.id} item={item} onOpen={open} />
              ))}
            </PlainList>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
