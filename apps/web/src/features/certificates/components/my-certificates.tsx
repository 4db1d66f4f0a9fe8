import { EmptyState, Stack, Text } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { downloadMyCertificate, useMyCertificates } from '../api/certificates';
import { CertificatesLoading, CertificateTable } from './person-certificates';

/**
 * Every certificate the learner has earned, earlier cycles too (My training's cards show the
 * current cycle only), each to download.
 */
export function MyCertificates() {
  const certificates = useMyCertificates();
  if (!certificates.isSuccess)
    return (
      <CertificatesLoading
        query={certificates}
        loadingLabel="Loading your certificates"
        errorTitle="Your certificates could not be loaded"
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
