import type { EnrolmentStart } from '@countersign/contracts/second-factor';
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';

interface EnrolmentStepsProps {
  start: EnrolmentStart;
  onConfirm: (code: string) => void;
  pending: boolean;
  error: Error | null;
  /** Heading level of the steps' titles within the page. */
  headingOrder?: 2 | 3;
}

/** "ABCD EFGH …": the Base32 secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Adding an authenticator app: scan the QR code (or type the key), then type the code the app
 * shows. Used on "Your account" and during a sign-in the organisation's policy holds up.
 */
export function EnrolmentSteps({ start, onConfirm, pending, error, headingOrder = 3 }: EnrolmentStepsProps) {
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldError = missing
    ? 'Enter the 6-digit code from the app'
    : isApiError(error)
      ? error.fieldErrors().code
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(code.trim());
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={headingOrder} fz="h4">
          1. Scan this QR code with your authenticator app
        </Title>
        <Text size="sm" c="dimmed">
          Use an app such as Microsoft Authenticator, Google Authenticator, 1Password or FreeOTP. The code is
          shown only now: if you leave this page, start again for a new one.
        </Text>
        <Paper withBorder radius="md" p="xs" w="fit-content" bg="white">
          <Image
            src={start.qrCode}
            alt={`QR code to add ${start.account} to an authenticator app`}
            w={200}
            h={200}
            data-testid="enrolment-qr"
          />
        </Paper>
        <Text size="sm">Cannot scan it? Add an account by hand with this key (time-based, 6 digits):</Text>
        <Group gap="xs" wrap="nowrap">
          <Code fz="md" data-testid="enrolment-secret" aria-label="Key for manual entry">
            {groupedSecret(start.secret)}
          </Code>
          <CopyButton value={start.secret}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="subtle"
                onClick={copy}
                leftSection={
                  copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                }
              >
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          Account: {start.issuer} ({start.account})
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate aria-label="Confirm the authenticator app">
        <Stack gap="sm">
          <Title order={headingOrder} fz="h4">
            2. Type the code the app shows
          </Title>
          <TextInput
            label="6-digit code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            w={200}
            value={code}
            onChange={(e) => {
              setCode(e.currentTarget.value);
              setMissing(false);
            }}
            error={fieldError}
          />
          {error && !fieldError && (
            <Alert color="red" variant="light" title="The app was not added">
              {error.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={pending}>
              Confirm
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
