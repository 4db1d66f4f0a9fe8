import { Anchor, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconHistory } from '@tabler/icons-react';
import { hasPermission } from '@countersign/contracts/permissions';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { isApiError } from '../../../lib/api-client';
import { useCurrentSession } from '../../auth/api/session';
import { PersonSecondFactor } from '../../auth/components/person-second-factor';
import { PersonCertificates } from '../../certificates/components/person-certificates';
import { usePerson } from '../api/person';
import { PersonHeader } from '../components/person-header';
import { PersonAssignmentsTable, PersonAttemptsTable } from '../components/person-tables';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="lg" component="section">
      <Title order={2} fz="h4" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One person: who they are, what they were assigned, and every attempt they made. */
export function PersonPage() {
  const { userId = '' } = useParams();
  const person = usePerson(userId);
  const { user: viewer } = useCurrentSession();

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/officer/people" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          People
        </Group>
      </Anchor>
      {person.isPending && (
        <Stack gap="lg" role="status" aria-label="Loading the person">
          <Skeleton h={140} radius="lg" />
          <Skeleton h={200} radius="lg" />
        </Stack>
      )}
      {person.isError &&
        (isApiError(person.error) && person.error.isNotFound ? (
          <ErrorState error={person.error} title="Person not found" />
        ) : (
          <ErrorState
            error={person.error}
            title="This person could not be loaded"
            onRetry={() => person.refetch()}
          />
        ))}
      {person.data && (
        <>
          <PersonHeader user={person.data.user} />
          {hasPermission(viewer.role, 'audit:read') && (
            <Anchor
              component={Link}
              to={`/officer/audit?subjectId=${encodeURIComponent(person.data.user.id)}`}
              size="sm"
            >
              <Group gap={4} component="span">
                <IconHistory size={16} aria-hidden />
                Audit history of this person
              </Group>
            </Anchor>
          )}
          <Section title="Assignments">
            <PersonAssignmentsTable assignments={person.data.assignments} />
          </Section>
          <Section title="Certificates">
            <PersonCertificates userId={person.data.user.id} personName={person.data.user.name} />
          </Section>
          <Section title="Attempts">
            <PersonAttemptsTable attempts={person.data.attempts} />
          </Section>
          {hasPermission(viewer.role, 'people:manage') && (
            <Section title="Second factor">
              <PersonSecondFactor
                userId={person.data.user.id}
                personName={person.data.user.name}
                self={person.data.user.id === viewer.id}
              />
            </Section>
          )}
        </>
      )}
    </Stack>
  );
}
