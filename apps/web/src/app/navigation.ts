import { hasPermission, type Permission, type Role } from '@countersign/contracts/permissions';
import {
  IconAdjustments,
  IconAddressBook,
  IconBooks,
  IconCalendarRepeat,
  IconChartBar,
  IconHistory,
  IconInbox,
  IconKey,
  IconListDetails,
  IconMail,
  IconMailCog,
  IconSchool,
  IconSend,
  IconSettings,
  IconShieldSearch,
  IconUserCog,
  IconUsers,
  type TablerIcon,
} from '@tabler/icons-react';

export interface NavItem {
  to: string;
  label: string;
  permission: Permission;
  icon: TablerIcon;
  /** Only the exact path counts as active (a parent of other items). */
  end?: boolean;
}

/** The menu; each entry needs the same permission as the route it opens (see router.tsx). */
const NAV_ITEMS: readonly NavItem[] = [
  { to: '/training', label: 'My training', permission: 'training:play', icon: IconSchool },
  {
    to: '/approaches/check',
    label: 'Check an approach',
    permission: 'approaches:report',
    icon: IconShieldSearch,
  },
  { to: '/approaches/mine', label: 'My reports', permission: 'approaches:report', icon: IconListDetails },
  {
    to: '/officer',
    label: 'Completion overview',
    permission: 'progress:read',
    icon: IconChartBar,
    end: true,
  },
  { to: '/officer/people', label: 'People', permission: 'progress:read', icon: IconUsers },
  { to: '/officer/outbox', label: 'Outbox', permission: 'progress:read', icon: IconMail },
  { to: '/triage', label: 'Approach reports', permission: 'approaches:triage', icon: IconInbox },
  { to: '/officer/audit', label: 'Audit log', permission: 'audit:read', icon: IconHistory },
  { to: '/admin/modules', label: 'Module library', permission: 'modules:author', icon: IconBooks },
  { to: '/admin/assign', label: 'Assign training', permission: 'assignments:manage', icon: IconSend },
  {
    to: '/admin/rules',
    label: 'Assignment rules',
    permission: 'assignments:manage',
    icon: IconCalendarRepeat,
  },
  {
    to: '/admin/email-templates',
    label: 'Email templates',
    permission: 'assignments:manage',
    icon: IconMailCog,
  },
  { to: '/admin/people', label: 'Manage people', permission: 'people:manage', icon: IconUserCog },
  {
    to: '/admin/checker-rules',
    label: 'Checker rules',
    permission: 'approaches:rules',
    icon: IconAdjustments,
  },
  { to: '/admin/sso', label: 'Single sign-on', permission: 'identity:manage', icon: IconKey },
  {
    to: '/admin/provisioning',
    label: 'Directory sync',
    permission: 'identity:manage',
    icon: IconAddressBook,
  },
  { to: '/admin/settings', label: 'Settings', permission: 'settings:manage', icon: IconSettings },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => hasPermission(role, item.permission));
}

/** Where a person lands after signing in: officers and admins see the overview first. */
export function homePathFor(role: Role): string {
  return hasPermission(role, 'progress:read') ? '/officer' : '/training';
}
