import type { CompletionTotals, ProgressOverview } from '@countersign/contracts/progress';
import { Anchor, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { formatCount } from '../../../lib/format';
import { CompletionRate } from './completion-rate';

function TotalsCells({ totals, name }: { totals: CompletionTotals; name: string }) {
  return (
    <>
      <Table.Td>{formatCount(totals.assigned)}</Table.Td>
      <Table.Td>{formatCount(totals.completed)}</Table.Td>
      <Table.Td>{formatCount(totals.inProgress)}</Table.Td>
      <Table.Td>{formatCount(totals.notStarted)}</Table.Td>
      <Table.Td>{formatCount(totals.overdue)}</Table.Td>
      <Table.Td>
        <CompletionRate totals={totals} label={`${name}: completion rate`} />
      </Table.Td>
    </>
  );
}

function TotalsHeader({ first, extra }: { first: string; extra?: ReactNode }) {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{first}</Table.Th>
        {extra}
        <Table.Th>Assigned</Table.Th>
        <Table.Th>Completed</Table.Th>
        <Table.Th>In progress</Table.Th>
        <Table.Th>Not started</Table.Th>
        <Table.Th>Overdue</Table.Th>
        <Table.Th>Completion rate</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

/** Per department; each name opens the people list filtered to it. */
export function DepartmentTable({ departments }: { departments: ProgressOverview['departments'] }) {
  return (
    <ScrollTable label="Completion by department">
      <TotalsHeader first="Department" extra={<Table.Th>People</Table.Th>} />
      <Table.Tbody>
        {departments.map((department) => (
          <Table.Tr key={department.departmentId ?? 'none'}>
            <Table.Td>
              {department.departmentId ? (
                <Anchor component={Link} to={`/officer/people?departmentId=${department.departmentId}`}>
                  {department.name}
                </Anchor>
              ) : (
                department.name
              )}
            </Table.Td>
            <Table.Td>{formatCount(department.people)}</Table.Td>
            <TotalsCells totals={department} name={department.name} />
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** Per module; each title opens the people list filtered to it. */
export function ModuleTable({ modules }: { modules: ProgressOverview['modules'] }) {
  return (
    <ScrollTable label="Completion by module">
      <TotalsHeader first="Module" />
      <Table.Tbody>
        {modules.map((module) => (
          <Table.Tr key={module.moduleId}>
            <Table.Td>
              <Anchor component={Link} to={`/officer/people?moduleId=${module.moduleId}`}>
                {module.title}
              </Anchor>
            </Table.Td>
            <TotalsCells totals={module} name={module.title} />
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
