import type { CertificateView } from '@countersign/contracts/certificates';
import { formatCertificateCode, formatCertificateDate } from '@countersign/contracts/certificates';
import { hasPermission } from '@countersign/contracts/permissions';
import { Badge, Button, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCertificate, IconCertificateOff } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { useCurrentSession } from '../../auth/api/session';
import { downloadCertificate, usePersonCertificates } from '../api/certificates';
import { CertificateDecisionModal } from './certificate-decision-modal';
import { DownloadButton } from './download-button';

function StatusBadge({ certificate }: { certificate: CertificateView }) {
  return certificate.revocation ? (
    <Badge color="red" variant="light" leftSection={<IconCertificateOff size={14} aria-hidden />}>
      Revoked
    </Badge>
  ) : (
    <Badge color="green" variant="light" leftSection={<IconCertificate size={14} aria-hidden />}>
      Valid
    </Badge>
  );
}

/** A certificate list's loading skeleton, or its error with a retry. */
export function CertificatesLoading({
  query,
  loadingLabel,
  errorTitle,
}: {
  query: UseQueryResult<CertificateView[]>;
  loadingLabel: string;
  errorTitle: string;
}) {
  if (query.isError)
    return <ErrorState error={query.error} title={errorTitle} onRetry={() => query.refetch()} />;
  return (
    <Stack gap="xs" role="status" aria-label={loadingLabel}>
      <Skeleton h={20} />
      <Skeleton h={20} />
    </Stack>
  );
}

/**
 * Certificates as a table: module and version (and cycle), completion, score, code, status with
 * any revocation, a download button each, and whatever `actions` adds (revoke, for officers).
 */
export function CertificateTable({
  certificates,
  download,
  actions,
}: {
  certificates: CertificateView[];
  download: (certificate: CertificateView) => Promise<void>;
  actions?: (certificate: CertificateView) => ReactNode;
}) {
  return (
    <ScrollTable label="Certificates" minWidth={880}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Module</Table.Th>
          <Table.Th>Completed</Table.Th>
          <Table.Th>Score</Table.Th>
          <Table.Th>Code</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {certificates.map((certificate) => (
          <Table.Tr key={certificate.id} data-testid="certificate-row">
            <Table.Td>
              <Text fw={500} size="sm">
                {certificate.module.title}
              </Text>
              <Text size="xs" c="dimmed">
                Version {certificate.version}
                {certificate.cycle > 1 ? ` · cycle ${certificate.cycle}` : ''}
              </Text>
            </Table.Td>
            <Table.Td style={noWrap}>{formatCertificateDate(certificate.completedAt)}</Table.Td>
            <Table.Td>{certificate.scorePercent}%</Table.Td>
            <Table.Td style={noWrap}>
              <Text ff="monospace" size="xs">
                {formatCertificateCode(certificate.code)}
              </Text>
            </Table.Td>
            <Table.Td>
              <StatusBadge certificate={certificate} />
              {certificate.revocation && (
                <Text size="xs" c="dimmed" mt={4}>
                  {formatCertificateDate(certificate.revocation.at)}
                  {certificate.revocation.by ? ` by ${certificate.revocation.by.name}` : ''}:{' '}
                  {certificate.revocation.reason}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap" justify="flex-end">
                <DownloadButton
                  size="xs"
                  variant="default"
                  start={() => download(certificate)}
                  aria-label={`Download certificate for ${certificate.module.title}${certificate.cycle > 1 ? `, cycle ${certificate.cycle}` : ''}`}
                  failureTitle="The certificate could not be downloaded"
                >
                  Download
                </DownloadButton>
                {actions?.(certificate)}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/**
 * A person's certificates (every cycle): download any; officers and administrators revoke or
 * reinstate, each confirmed with a reason.
 */
export function PersonCertificates({ userId, personName }: { userId: string; personName: string }) {
  const certificates = usePersonCertificates(userId);
  const { user } = useCurrentSession();
  const mayRevoke = hasPermission(user.role, 'certificates:revoke');
  const [deciding, setDeciding] = useState<{
    certificate: CertificateView;
    kind: 'revoke' | 'reinstate';
  } | null>(null);

  if (!certificates.isSuccess)
    return (
      <CertificatesLoading
        query={certificates}
        loadingLabel="Loading certificates"
        errorTitle="The certificates could not be loaded"
      />
    );
  if (certificates.data.length === 0)
    return <Text c="dimmed">No certificates yet: one is issued with each completed module.</Text>;

  return (
    <>
      <CertificateTable
        certificates={certificates.data}
        download={(certificate) => downloadCertificate(certificate.id)}
        actions={
          mayRevoke
            ? (certificate) => (
                <Button
                  size="xs"
                  variant="subtle"
                  color={certificate.revocation ? 'navy' : 'red'}
                  aria-label={`${certificate.revocation ? 'Reinstate' : 'Revoke'} certificate for ${certificate.module.title}`}
                  onClick={() =>
                    setDeciding({ certificate, kind: certificate.revocation ? 'reinstate' : 'revoke' })
                  }
                >
                  {certificate.revocation ? 'Reinstate' : 'Revoke'}
                </Button>
              )
            : undefined
        }
      />
      {deciding && (
        <CertificateDecisionModal
          userId={userId}
          personName={personName}
          certificate={deciding.certificate}
          kind={deciding.kind}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}
