import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendar, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useDepartments } from '../../directory/api/departments';
import { useComplianceReport } from '../api/progress-export';

/** Today in UTC: the report's days are UTC days, and the API refuses one in the future. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * "Compliance report": a department (or the whole organisation) and a day, then a PDF of who was
 * required, who had completed which version when, and who was overdue on that day. It opens on
 * the department the list is filtered to.
 */
export function ComplianceReportButton({ departmentId: listDepartment }: { departmentId?: string }) {
  const [opened, { open: show, close }] = useDisclosure(false);
  const departments = useDepartments();
  const report = useComplianceReport();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(todayUtc());

  // Opens on the department the list is filtered to, if any.
  const open = () => {
    setDepartmentId(listDepartment ?? null);
    report.reset();
    show();
  };
  const download = () =>
    report.mutate({ departmentId: departmentId ?? undefined, date: date ?? undefined }, { onSuccess: close });

  return (
    <>
      <Button variant="default" leftSection={<IconFileTypePdf size={18} aria-hidden />} onClick={open}>
        Compliance report
      </Button>
      <Modal opened={opened} onClose={close} title="Compliance report (PDF)" size="md">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Who was required to complete training on the day, who had completed which version and when, and
            who was overdue, computed from the records as they stood at the end of that day (UTC). The report
            is recorded in the audit log.
          </Text>
          <Select
            label="Department"
            placeholder="Whole organisation"
            data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={departmentId}
            onChange={setDepartmentId}
            searchable
            clearable
            nothingFoundMessage="No department matches"
            error={departments.isError ? 'The departments could not be loaded' : undefined}
          />
          <DateInput
            label="As of"
            description="Today or a day in the past."
            value={date}
            onChange={setDate}
            maxDate={todayUtc()}
            valueFormat="D MMMM YYYY"
            placeholder="Today"
            leftSection={<IconCalendar size={16} aria-hidden />}
            clearable
          />
          {report.isError && (
            <Alert color="red" title="The report could not be made" role="alert">
              {report.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              leftSection={<IconFileTypePdf size={18} aria-hidden />}
              loading={report.isPending}
              onClick={download}
            >
              Download PDF
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
