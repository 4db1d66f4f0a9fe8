import { AUDIT_RETENTION_YEARS } from '@countersign/contracts/settings';
import { Alert, Button, Center, Group, Loader, Modal, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { useSettings, useUpdateSettings } from '../api/settings';
import { SecondFactorPolicy } from '../components/second-factor-policy';

/** The organisation's settings: how long the audit log is kept, and the second-factor policy. */
export function SettingsPage() {
  const settings = useSettings();
  const update = useUpdateSettings();
  const [years, setYears] = useState<number | string>('');
  const [confirming, setConfirming] = useState(false);
  const current = settings.data?.auditRetentionYears;

  useEffect(() => {
    if (current !== undefined) setYears(current);
  }, [current]);

  const serverError = isApiError(update.error, 400)
    ? update.error.fieldErrors().auditRetentionYears
    : undefined;
  const value = typeof years === 'number' ? years : Number.NaN;
  const localError =
    years === ''
      ? 'Enter a number of years'
      : !Number.isInteger(value)
        ? 'Enter a whole number of years'
        : value < AUDIT_RETENTION_YEARS.min || value > AUDIT_RETENTION_YEARS.max
          ? `Between ${AUDIT_RETENTION_YEARS.min} and ${AUDIT_RETENTION_YEARS.max} years`
          : undefined;

  const save = () =>
    update.mutate(
      { auditRetentionYears: value, requireSecondFactor: settings.data?.requireSecondFactor },
      {
        onSuccess: () => {
          setConfirming(false);
          notifications.show({
            color: 'green',
            title: 'Saved',
            message: `The audit log is kept ${value} years.`,
          });
        },
        onError: () => setConfirming(false),
      },
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (localError || current === undefined || value === current) return;
    // Shortening deletes history at the next daily run: ask first.
    if (value < current) setConfirming(true);
    else save();
  };

  return (
    <>
      <PageHeader title="Settings" description="Settings that apply to your whole organisation." />
      <Paper withBorder radius="lg" p="lg" maw={640}>
        {settings.isPending ? (
          <Center py="xl">
            <Loader aria-label="Loading the settings" />
          </Center>
        ) : settings.isError ? (
          <ErrorState
            error={settings.error}
            title="The settings could not be loaded"
            onRetry={() => void settings.refetch()}
          />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text fw={600}>Audit log retention</Text>
              <Text size="sm" c="dimmed">
                Audit events older than this are deleted by a daily job; the deletion itself is recorded.
                Auditors usually expect several years (the default is {AUDIT_RETENTION_YEARS.default}).
              </Text>
              <NumberInput
                label="Keep audit events for (years)"
                value={years}
                onChange={setYears}
                min={AUDIT_RETENTION_YEARS.min}
                max={AUDIT_RETENTION_YEARS.max}
                allowDecimal={false}
                allowNegative={false}
                error={(years !== '' && localError) || serverError}
                w={260}
              />
              <Group>
                <Button type="submit" loading={update.isPending && !confirming} disabled={value === current}>
                  Save
                </Button>
              </Group>
              {update.isError && !serverError && (
                <Alert color="red" variant="light" title="Not saved">
                  {update.error.message}
                </Alert>
              )}
            </Stack>
          </form>
        )}
      </Paper>
      {settings.data && (
        <Paper withBorder radius="lg" p="lg" maw={640} mt="lg">
          <SecondFactorPolicy settings={settings.data} />
        </Paper>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Shorten the retention?" centered>
        <Stack gap="md">
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            Audit events older than {value} year{value === 1 ? '' : 's'} will be deleted at the next daily run
            (now kept {current} years). They cannot be recovered.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={save} loading={update.isPending}>
              Shorten to {value} year{value === 1 ? '' : 's'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
