import {
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  type PaperProps,
} from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatCount, formatHours } from '../../../lib/format';
import { useApproachStats } from '../api/stats';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
    </div>
  );
}

/** The officer dashboard's view of approach reports: what is open and how fast it is picked up. */
export function ApproachesSummaryCard(props: PaperProps) {
  const stats = useApproachStats();
  const data = stats.data;

  return (
    <Paper withBorder radius="lg" p="lg" component="section" data-testid="approaches-summary" {...props}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap="sm" style={{ flex: 1 }}>
          <Title order={2} fz="h4">
            Approach reports
          </Title>
          {stats.isPending && (
            <Skeleton h={56} maw={420} role="status" aria-label="Loading approach reports" />
          )}
          {stats.isError && (
            <Text size="sm" c="dimmed">
              The figures could not be loaded: {stats.error.message}
            </Text>
          )}
          {data && (
            <SimpleGrid component="dl" cols={{ base: 1, xs: 3 }} spacing="lg" m={0} maw={640}>
              <Figure label="Open" value={formatCount(data.open)} />
              <Figure label="High-rated, open" value={formatCount(data.highOpen)} />
              <Figure
                label="Median time to first review"
                value={formatHours(data.medianHoursToFirstReview)}
              />
            </SimpleGrid>
          )}
        </Stack>
        <Button
          component={Link}
          to="/triage"
          variant="default"
          leftSection={<IconInbox size={18} aria-hidden />}
        >
          Open the queue
        </Button>
      </Group>
    </Paper>
  );
}
