import type { MyAssignment } from '@countersign/contracts/learning';
import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconCalendarDue, IconCircleCheck, IconClock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AssignmentStatusBadge, OverdueBadge } from '../../../components/ui/status-badges';
import { daysLate, lateBy } from '../../../lib/due-dates';
import { formatDate } from '../../../lib/format';
import { MyCertificateButton } from '../../certificates/components/my-certificate-button';

const ACTION = { 'not-started': 'Start', 'in-progress': 'Resume', completed: 'Review' } as const;

function Meta({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" c="dimmed">
      {icon}
      <Text size="sm">{children}</Text>
    </Group>
  );
}

/** One assigned module: what it is, when it is due, how far along, and the way in. */
export function AssignmentCard({ assignment }: { assignment: MyAssignment }) {
  const { module, status, completion } = assignment;
  const action = ACTION[status];
  const late = completion ? daysLate(assignment.dueDate, completion.completedAt) : 0;
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="assignment-card">
      <Stack gap="sm" h="100%">
        <Group gap="xs">
          <AssignmentStatusBadge status={status} late={late > 0} />
          {assignment.overdue && <OverdueBadge />}
        </Group>
        <Title order={2} fz="h4">
          {module.title}
        </Title>
        <Text size="sm">{module.summary}</Text>
        <Stack gap={4}>
          <Meta icon={<IconClock size={16} aria-hidden />}>About {module.estimatedMinutes} min</Meta>
          {completion ? (
            <>
              <Meta icon={<IconCircleCheck size={16} aria-hidden />}>
                Completed {formatDate(completion.completedAt)} · {completion.scorePercent}%
              </Meta>
              {late > 0 && (
                <Meta icon={<IconCalendarDue size={16} aria-hidden />}>
                  Due {formatDate(assignment.dueDate)}: {lateBy(late)}
                </Meta>
              )}
            </>
          ) : (
            <Meta icon={<IconCalendarDue size={16} aria-hidden />}>Due {formatDate(assignment.dueDate)}</Meta>
          )}
        </Stack>
        <Stack gap={4} mt="auto">
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Progress
            </Text>
            <Text size="xs" fw={600}>
              {Math.round(assignment.progressPercent)}%
            </Text>
          </Group>
          <Progress
            value={assignment.progressPercent}
            color={status === 'completed' ? 'green' : 'navy'}
            aria-label={`${module.title}: progress`}
          />
        </Stack>
        <Button
          component={Link}
          to={`/training/${assignment.assignmentId}`}
          variant={status === 'completed' ? 'default' : 'filled'}
          aria-label={`${action} ${module.title}`}
          mt="xs"
        >
          {action}
        </Button>
        {status === 'completed' && (
          <MyCertificateButton assignmentId={assignment.assignmentId} moduleTitle={module.title} />
        )}
      </Stack>
    </Card>
  );
}
