import { EmptyState, Skeleton, Stack, Text } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { ErrorState } from '../../../components/ui/error-state';
import { downloadMyCertificate, useMyCertificates } from '../api/certificates';
import { CertificateTable } from './person-certificates';

/**
 * Every certificate the learner has earned, earlier cycles too (My training's cards show the
 * current cycle only), each to download.
 */
export function MyCertificates() {
  const certificates = useMyCertificates();
  if (certificates.isPending)
    return (
      <Stack gap="xs" role="status" aria-label="Loading your certificates">
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
  if (certificates.data.length === 0)
    return (
      <EmptyState
        icon={<IconCertificate size={32} aria-hidden />}
        withIndicatorBackground
        title="No certificates yet"
        description="Each module you complete gives you a certificate to download here."
        py={64}
      />
    );
  return (
    <Stack gap="sm">
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
