import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { ErrorState } from '../../../components/ui/error-state';
import { downloadMyCertificate, useMyCertificates } from '../api/certificates';
import { CertificateTable } from './person-certificates';

/**
 * On My training: every certificate the learner has earned, earlier cycles too (My training's
 * cards show the current cycle only), each to download. Nothing is shown before the first.
 */
export function MyCertificates() {
  const certificates = useMyCertificates();
  if (certificates.isPending)
    return (
      <Stack gap="xs" role="status" aria-label="Loading your certificates" mt="xl">
        <Skeleton h={20} />
        <Skeleton h={20} />
      </Stack>
    );
  if (certificates.isError)
    return (
      <ErrorState
        error={certificates.error}
        title="Your certificates could not be loaded"
        onRetry={() => certificates.refetch()}
      />
    );
  if (certificates.data.length === 0) return null;
  return (
    <Stack gap="sm" mt="xl" component="section" aria-labelledby="my-certificates-title">
      <Title order={2} size="h3" id="my-certificates-title">
        Your certificates
      </Title>
      <Text size="sm" c="dimmed">
        One for each module you completed, earlier years included. Anyone can check a certificate’s code at
        the verify page printed on it.
      </Text>
      <CertificateTable
        certificates={certificates.data}
        download={(certificate) => downloadMyCertificate(certificate.assignmentId)}
      />
    </Stack>
  );
}
