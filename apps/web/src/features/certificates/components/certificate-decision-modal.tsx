import type { CertificateView } from '@countersign/contracts/certificates';
import { formatCertificateCode } from '@countersign/contracts/certificates';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useCertificateDecision } from '../api/certificates';

const MAX_REASON = 500;

interface DecisionModalProps {
  userId: string;
  personName: string;
  certificate: CertificateView;
  kind: 'revoke' | 'reinstate';
  onClose: () => void;
}

const COPY = {
  revoke: {
    title: 'Revoke this certificate?',
    consequence:
      'Anyone who checks its code will be told it was revoked, and on which date. The certificate and this decision stay on record; you can reinstate it later.',
    label: 'Why is it revoked?',
    description: 'Kept in the audit log. The verify page shows only the date, never the reason.',
    confirm: 'Revoke certificate',
    done: 'Certificate revoked',
    color: 'red',
  },
  reinstate: {
    title: 'Reinstate this certificate?',
    consequence: 'Its code will be confirmed as valid again. The revocation stays in the audit log.',
    label: 'Why is it reinstated?',
    description: 'Kept in the audit log.',
    confirm: 'Reinstate certificate',
    done: 'Certificate reinstated',
    color: 'navy',
  },
} as const;

/** Confirms a revocation or reinstatement, with the reason the audit log keeps. */
export function CertificateDecisionModal({
  userId,
  personName,
  certificate,
  kind,
  onClose,
}: DecisionModalProps) {
  const decide = useCertificateDecision(userId, certificate.id, kind);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const copy = COPY[kind];
  const fieldErrors = isApiError(decide.error) ? decide.error.fieldErrors() : {};
  const formError = decide.isError && !fieldErrors.reason ? decide.error.message : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError('Say why, in a few words.');
      return;
    }
    setReasonError(null);
    decide.mutate(
      { reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: copy.done,
            message: `${certificate.module.title} — ${personName}`,
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={copy.title} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            <strong>{certificate.module.title}</strong> — {personName}, code{' '}
            <Text span ff="monospace" size="sm">
              {formatCertificateCode(certificate.code)}
            </Text>
          </Text>
          <Text size="sm">{copy.consequence}</Text>
          {formError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" p="sm">
              {formError}
            </Alert>
          )}
          <Textarea
            label={copy.label}
            description={copy.description}
            required
            autosize
            minRows={3}
            maxRows={8}
            maxLength={MAX_REASON}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(null);
            }}
            error={reasonError ?? fieldErrors.reason}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={decide.isPending}>
              Cancel
            </Button>
            <Button type="submit" color={copy.color} loading={decide.isPending}>
              {copy.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
