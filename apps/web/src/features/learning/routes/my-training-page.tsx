import type { MyAssignment } from '@countersign/contracts/learning';
import { Button, Card, EmptyState, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconCertificate, IconInbox } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useMyAssignments } from '../api/my-assignments';
import { AssignmentCard } from '../components/assignment-card';

const GRID = { base: 1, sm: 2, lg: 3 };

/** Unfinished before finished, overdue first, then by due date. */
function byUrgency(a: MyAssignment, b: MyAssignment): number {
  const rank = (x: MyAssignment) => (x.status === 'completed' ? 2 : x.overdue ? 0 : 1);
  return rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate);
}

function CardsSkeleton() {
  return (
    <SimpleGrid cols={GRID} spacing="lg" role="status" aria-label="Loading your training">
      {[0, 1, 2].map((index) => (
        <Card key={index} withBorder radius="lg" padding="lg">
          <Stack gap="sm">
            <Skeleton h={20} w={100} />
            <Skeleton h={24} w="70%" />
            <Skeleton h={14} />
            <Skeleton h={14} w="85%" />
            <Skeleton h={8} mt="md" />
            <Skeleton h={36} />
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** "My training": the modules assigned to the signed-in person, the most urgent first. */
export function MyTrainingPage() {
  const assignments = useMyAssignments();

  return (
    <>
      <PageHeader
        title="My training"
        description="Short scenarios on spotting and reporting hostile approaches on professional networks."
        actions={
          // Its own page: every certificate, earlier cycles too (the cards show the current cycle).
          <Button
            component={Link}
            to="/training/certificates"
            variant="default"
            leftSection={<IconCertificate size={16} aria-hidden />}
          >
            Your certificates
          </Button>
        }
      />
      {assignments.isPending && <CardsSkeleton />}
      {assignments.isError && (
        <ErrorState
          error={assignments.error}
          title="Your training could not be loaded"
          onRetry={() => assignments.refetch()}
        />
      )}
      {assignments.data?.length === 0 && (
        <EmptyState
          icon={<IconInbox size={32} aria-hidden />}
          withIndicatorBackground
          title="Nothing assigned to you yet"
          description="When your security team assigns a module, it will appear here with its due date."
          py={64}
        />
      )}
      {assignments.data && assignments.data.length > 0 && (
        <SimpleGrid cols={GRID} spacing="lg">
          {assignments.data.toSorted(byUrgency).map((assignment) => (
            <AssignmentCard key={assignment.assignmentId} assignment={assignment} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
