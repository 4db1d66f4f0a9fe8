import type { SensitivityTier } from '@countersign/contracts/directory';
import { PERSON_STATUS_LABELS, type PersonStatus } from '@countersign/contracts/people';
import { ROLE_LABELS } from '@countersign/contracts/permissions';

export const TIER_LABELS: Readonly<Record<SensitivityTier, string>> = {
  standard: 'Standard',
  elevated: 'Elevated',
  high: 'High',
};

export const STATUS_COLORS: Readonly<Record<PersonStatus, string>> = {
  invited: 'blue',
  active: 'green',
  deactivated: 'gray',
};

const toOptions = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const ROLE_OPTIONS = toOptions(ROLE_LABELS);
export const TIER_OPTIONS = toOptions(TIER_LABELS);
export const STATUS_OPTIONS = toOptions(PERSON_STATUS_LABELS);
