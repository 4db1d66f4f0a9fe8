import type { InvitationArtefact } from '@countersign/scenario-engine';
import { Box, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarEvent, IconCheck, IconMapPin } from '@tabler/icons-react';
import { Narrative } from '../narrative';
import classes from './artefacts.module.css';

/** An event invitation: the event and host up top, then where, when and what is paid for. */
export function InvitationCard({ invitation }: { invitation: InvitationArtefact }) {
  return (
    <Paper withBorder radius="lg" className={classes.card}>
      <Box className={classes.invitationHero}>
        <Text size="xs" fw={700} tt="uppercase" className={classes.invitationEyebrow}>
          You are invited
        </Text>
        <Text fz={22} fw={700} lh={1.25} mt={4}>
          {invitation.event}
        </Text>
        <Text size="sm" mt={4}>
          Hosted by {invitation.host}
        </Text>
      </Box>
      <Stack p="lg" gap="md">
        <Stack gap={6}>
          <Group gap="xs" wrap="nowrap">
            <IconMapPin size={18} aria-hidden />
            <Text size="sm" fw={600}>
              {invitation.location}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <IconCalendarEvent size={18} aria-hidden />
            <Text size="sm" fw={600}>
              {invitation.dates}
            </Text>
          </Group>
        </Stack>
        <Narrative text={invitation.body} size="sm" />
        {invitation.benefits.length > 0 && (
          <Box>
            <Text fw={700} size="sm" mb={6}>
              Included for you
            </Text>
            <List
              spacing={6}
              size="sm"
              icon={
                <ThemeIcon color="green" size={20} radius="xl" aria-hidden>
                  <IconCheck size={13} />
                </ThemeIcon>
              }
            >
              {invitation.benefits.map((benefit, index) => (
                <List.Item key={index}>{benefit}</List.Item>
              ))}
            </List>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
