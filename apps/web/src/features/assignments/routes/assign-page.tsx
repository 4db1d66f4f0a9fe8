import { Paper } from '@mantine/core';
import { PageHeader } from '../../../components/ui/page-header';
import { AssignForm } from '../components/assign-form';

export function AssignPage() {
  return (
    <>
      <PageHeader
        title="Assign training"
        description="Give a published module to whole departments, named people, or both."
      />
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <AssignForm />
      </Paper>
    </>
  );
}
