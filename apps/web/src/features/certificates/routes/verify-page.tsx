import {
  type CertificateVerification,
  CERTIFICATE_CODE_LENGTH,
  formatCertificateCode,
  formatCertificateDate,
  isCertificateCode,
  normaliseCertificateCode,
  UNKNOWN_CERTIFICATE,
} from '@countersign/contracts/certificates';
import { Alert, Button, Divider, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconHelpCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PublicCard } from '../../auth/components/public-card';
import { isApiError } from '../../../lib/api-client';
import { useVerification } from '../api/certificates';

function Facts({ certificate }: { certificate: CertificateVerification }) {
  const rows: [string, string][] = [
    ['Person', certificate.person],
    ['Organisation', certificate.organisation],
    ['Module', certificate.module],
    ['Version', String(certificate.version)],
    ['Completed on', formatCertificateDate(certificate.completedAt)],
    ['Score', `${certificate.scorePercent}%`],
    ['Code', formatCertificateCode(certificate.code)],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label="What the certificate states">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={150}>{label}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Answer({ code }: { code: string }) {
  const verification = useVerification(code);
  if (verification.isPending)
    return (
      <Stack gap="xs" role="status" aria-label="Checking the certificate">
        <Skeleton h={60} />
        <Skeleton h={160} />
      </Stack>
    );
  if (verification.isError) {
    const error = verification.error;
    if (isApiError(error, 404) && error.code === UNKNOWN_CERTIFICATE)
      return (
        <Alert
          color="orange"
          variant="light"
          icon={<IconHelpCircle aria-hidden />}
          title="We don't know this code"
        >
          No certificate has the code {formatCertificateCode(code)}. Check it against the certificate: it has{' '}
          {CERTIFICATE_CODE_LENGTH} letters and digits. A certificate we do not know cannot be relied on.
        </Alert>
      );
    if (isApiError(error, 429))
      return (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title="Too many checks"
        >
          {error.message}
        </Alert>
      );
    if (isApiError(error, 400))
      return (
        <Alert
          color="orange"
          variant="light"
          icon={<IconHelpCircle aria-hidden />}
          title="This is not a certificate code"
        >
          A code has {CERTIFICATE_CODE_LENGTH} letters (A–Z) and digits (2–7), as printed under “Verification
          code” on the certificate.
        </Alert>
      );
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title="The check did not complete"
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{error.message}</Text>
          <Button size="xs" variant="white" color="red" onClick={() => verification.refetch()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  const certificate = verification.data;
  return (
    <Stack gap="md">
      {certificate.status === 'valid' ? (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title="This certificate is valid"
        >
          It was issued by Countersign for {certificate.organisation} and states the facts below.
        </Alert>
      ) : (
        <Alert
          color="red"
          variant="light"
          icon={<IconCircleX aria-hidden />}
          title={`This certificate was revoked on ${formatCertificateDate(certificate.revokedAt!)}`}
        >
          {certificate.organisation} withdrew it: it is no longer valid evidence of the training below.
        </Alert>
      )}
      <Facts certificate={certificate} />
    </Stack>
  );
}

/**
 * The public verify page, reached by the QR code or link on a certificate (`/verify/<code>`), or
 * by typing a code at `/verify`. No sign-in: it says only what the certificate states.
 */
export function VerifyPage() {
  const { code: param = '' } = useParams();
  const code = normaliseCertificateCode(param);
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  useDocumentTitle('Verify a certificate · Countersign');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isCertificateCode(typed)) {
      setTypedError(
        `Enter the ${CERTIFICATE_CODE_LENGTH}-character code printed on the certificate (letters A–Z, digits 2–7).`,
      );
      return;
    }
    setTypedError(null);
    setTyped('');
    void navigate(`/verify/${normaliseCertificateCode(typed)}`);
  };

  return (
    <PublicCard title="Verify a certificate" width={620}>
      {code ? (
        <Answer code={code} />
      ) : (
        <Text>
          Enter the verification code printed on a Countersign certificate to see whether it is valid and what
          it states.
        </Text>
      )}
      {code && <Divider />}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={code ? 'Check another code' : 'Verification code'}
            placeholder="ABCD-EFGH-…"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              setTypedError(null);
            }}
            error={typedError}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Button type="submit" variant={code ? 'default' : 'filled'}>
            Check the certificate
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
