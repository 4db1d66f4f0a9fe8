import type { MessageThreadArtefact } from '@countersign/scenario-engine';
import { Avatar, Box, Group, Paper, Text } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { initials } from '../../../../lib/format';
import classes from './artefacts.module.css';
import { PlainList } from '../../../../components/ui/plain-list';

/** Messages written by the learner are signed "You" (or "Me") by authors. */
const isOwn = (sender: string) => /\b(you|me)\b/i.test(sender);

/** A private-message conversation with bubbles, senders and timestamps. */
export function MessageThread({ thread }: { thread: MessageThreadArtefact }) {
  const others = thread.participants.filter((name) => !isOwn(name));
  return (
    <Paper withBorder radius="lg" className={classes.card}>
      <Group gap="sm" className={classes.threadHeader} wrap="nowrap">
        <IconMessageCircle size={20} aria-hidden />
        <div>
          <Text fw={700} size="sm">
            {others.join(', ') || thread.participants.join(', ')}
          </Text>
          <Text size="xs" c="dimmed">
            {thread.platform} · Messaging
          </Text>
        </div>
      </Group>
      <PlainList ordered gap="md" p="md">
        {thread.messages.map((message, index) => (
          <Box key={index} component="li" className={classes.message} mod={{ own: isOwn(message.from) }}>
            <Avatar color="navy" radius="xl" size="md" aria-hidden>
              {initials(message.from)}
            </Avatar>
            <div>
              <Group gap="xs" mb={2} justify={isOwn(message.from) ? 'flex-end' : 'flex-start'}>
                <Text size="xs" fw={700}>
                  {message.from}
                </Text>
                <Text size="xs" c="dimmed">
                  {message.at}
                </Text>
              </Group>
              <Text size="sm" className={`${classes.bubble} ${classes.messageBody}`}>
                {message.body}
              </Text>
            </div>
          </Box>
        ))}
      </PlainList>
    </Paper>
  );
}
