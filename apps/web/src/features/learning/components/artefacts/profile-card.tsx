import type { ProfileCardArtefact } from '@countersign/scenario-engine';
import { Avatar, Box, Divider, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconBriefcase, IconMapPin, IconMessageCircle } from '@tabler/icons-react';
import { initials, plural } from '../../../../lib/format';
import { Narrative } from '../narrative';
import classes from './artefacts.module.css';
import { PlainList } from '../../../../components/ui/plain-list';

function connectionsLabel(connections: number): string {
  return connections >= 500 ? '500+ connections' : plural(connections, 'connection');
}

function accountAgeLabel(months: number): string {
  return months === 0 ? 'Account created this month' : `Account created ${plural(months, 'month')} ago`;
}

function SectionLabel({ children }: { children: string }) {
  return (
    <Text fw={700} size="sm" mb={6}>
      {children}
    </Text>
  );
}

/** A professional-networking profile, as the learner would meet it. */
export function ProfileCard({ profile }: { profile: ProfileCardArtefact }) {
  const place = [profile.company, profile.location].filter(Boolean);
  return (
    <Paper withBorder radius="lg" className={classes.card}>
      <Box className={classes.profileBanner} aria-hidden />
      <Box px="lg" pb="lg">
        <Avatar
          src={profile.photoUrl}
          alt={profile.photoUrl ? `Profile photo of ${profile.name}` : undefined}
          size={96}
          radius={999}
          color="navy"
          variant="filled"
          className={classes.profileAvatar}
        >
          {initials(profile.name)}
        </Avatar>
        <Text fw={700} fz="xl" mt="xs">
          {profile.name}
        </Text>
        <Text>{profile.headline}</Text>
        {place.length > 0 && (
          <Group gap={6} mt={4} c="dimmed" wrap="nowrap">
            <IconMapPin size={16} aria-hidden />
            <Text size="sm">{place.join(' · ')}</Text>
          </Group>
        )}
        <Group gap="xs" mt={6}>
          <Text size="sm" fw={600} c="navy.8">
            {connectionsLabel(profile.connections)}
          </Text>
          {profile.accountAgeMonths !== undefined && (
            <>
              <Text size="sm" c="dimmed" aria-hidden>
                ·
              </Text>
              <Text size="sm" c="dimmed">
                {accountAgeLabel(profile.accountAgeMonths)}
              </Text>
            </>
          )}
        </Group>

        {profile.about && (
          <>
            <Divider my="md" />
            <SectionLabel>About</SectionLabel>
            <Narrative text={profile.about} size="sm" />
          </>
        )}

        {profile.history.length > 0 && (
          <>
            <Divider my="md" />
            <SectionLabel>Experience</SectionLabel>
            <PlainList gap="sm">
              {profile.history.map((job, index) => (
                <Group key={index} component="li" gap="sm" align="flex-start" wrap="nowrap">
                  <ThemeIcon variant="light" color="gray" size={40} radius="sm" aria-hidden>
                    <IconBriefcase size={20} />
                  </ThemeIcon>
                  <div>
                    <Text size="sm" fw={600}>
                      {job.role}
                    </Text>
                    <Text size="sm">{job.organisation}</Text>
                    <Text size="xs" c="dimmed">
                      {job.period}
                    </Text>
                  </div>
                </Group>
              ))}
            </PlainList>
          </>
        )}

        {profile.activity.length > 0 && (
          <>
            <Divider my="md" />
            <SectionLabel>Activity</SectionLabel>
            <PlainList gap="xs">
              {profile.activity.map((post, index) => (
                <Paper key={index} component="li" withBorder radius="md" p="sm" bg="gray.0">
                  <Group gap={6} mb={4} c="dimmed">
                    <IconMessageCircle size={14} aria-hidden />
                    <Text size="xs">{profile.name} posted</Text>
                  </Group>
                  <Text size="sm">{post}</Text>
                </Paper>
              ))}
            </PlainList>
          </>
        )}
      </Box>
    </Paper>
  );
}
