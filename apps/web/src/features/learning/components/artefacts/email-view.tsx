import type { EmailArtefact } from '@countersign/scenario-engine';
import { Avatar, Box, Group, Paper, Text } from '@mantine/core';
import { initials } from '../../../../lib/format';
import classes from './artefacts.module.css';

function HeaderLine({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm">
      <Text component="span" size="sm" c="dimmed" mr={6}>
        {label}
      </Text>
      {value}
    </Text>
  );
}

/** An email as an email client shows it: subject, sender, recipient and date above the body. */
export function EmailView({ email }: { email: EmailArtefact }) {
  return (
    <Paper withBorder radius="md" className={classes.card}>
      <Box className={classes.emailHeader}>
        <Text fw={700} fz="lg" mb="sm">
          {email.subject}
        </Text>
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Avatar color="navy" radius="xl" aria-hidden>
            {initials(email.from)}
          </Avatar>
          <Box style={{ flex: 1, minWidth: 0 }}>
            <HeaderLine label="From" value={email.from} />
            <HeaderLine label="To" value={email.to} />
          </Box>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {email.sentAt}
          </Text>
        </Group>
      </Box>
      <Text size="sm" px="lg" py="md" className={classes.emailBody}>
        {email.body}
      </Text>
    </Paper>
  );
}
