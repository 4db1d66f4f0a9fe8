import type { RuleView } from '@countersign/contracts/programme';
import { ROLE_LABELS } from '@countersign/contracts/permissions';
import { formatDate } from '../../../lib/format';
import { TIER_LABELS } from '../../people/components/people-labels';

/** "Engineering · high tier · employees", or "Everyone". */
export function audienceSummary(rule: RuleView): string {
  const a = rule.audience;
  const parts: string[] = [];
  if (a.departments.length) parts.push(a.departments.map((d) => d.name).join(', '));
  if (a.tiers.length) parts.push(`${a.tiers.map((t) => TIER_LABELS[t].toLowerCase()).join(' or ')} tier`);
  if (a.roles.length) parts.push(a.roles.map((r) => ROLE_LABELS[r]).join(' or '));
  if (a.jobTitleContains) parts.push(`job title contains “${a.jobTitleContains}”`);
  if (a.startedOnOrAfter) parts.push(`started on or after ${formatDate(a.startedOnOrAfter)}`);
  if (a.startedBefore) parts.push(`started before ${formatDate(a.startedBefore)}`);
  return parts.length ? parts.join(' · ') : 'Everyone';
}

export function dueSummary(rule: Pick<RuleView, 'due'>): string {
  return rule.due.kind === 'fixed'
    ? `by ${formatDate(rule.due.date)}`
    : `${rule.due.days} days after being assigned (joiners: after their start date)`;
}

export function recurrenceSummary(months: number | null): string {
  if (months === null) return 'Once';
  if (months === 12) return 'Every year after completion';
  return `Every ${months} months after completion`;
}

export function remindersSummary(rule: Pick<RuleView, 'reminders' | 'escalation'>): string {
  const r = rule.reminders;
  const parts = [
    ...r.beforeDays.map((d) => `${d} day${d === 1 ? '' : 's'} before`),
    ...(r.onDueDate ? ['on the day'] : []),
    ...(r.everyDaysAfter ? [`every ${r.everyDaysAfter} days after`] : []),
  ];
  const e = rule.escalation;
  const escalation = [
    ...(e.managerAfterDays ? [`manager after ${e.managerAfterDays} days overdue`] : []),
    ...(e.officersAfterDays ? [`officers after ${e.officersAfterDays}`] : []),
  ];
  return [
    parts.length ? `Reminders ${parts.join(', ')}` : 'No reminders',
    escalation.length ? `tell the ${escalation.join(', ')}` : 'no escalation',
  ].join('; ');
}
