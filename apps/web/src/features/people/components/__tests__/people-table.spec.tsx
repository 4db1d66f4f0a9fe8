import type { PersonView } from '@countersign/contracts/people';
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { invitationState } from '../invitation-dialog';
import { PeopleTable } from '../people-table';

const base: PersonView = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Ada Archer',
  email: 'ada@example.test',
  role: 'employee',
  department: { id: '00000000-0000-4000-8000-0000000000d1', name: 'Engineering' },
  manager: { id: '00000000-0000-4000-8000-000000000002', name: 'Olga Officer' },
  sensitivityTier: 'high',
  jobTitle: 'Analyst',
  startDate: '2026-01-05',
  status: 'active',
  invitationExpiresAt: null,
  lastSignInAt: '2026-03-02T10:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
};

function render(people: PersonView[]) {
  return renderToStaticMarkup(
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      <PeopleTable people={people} onEdit={() => {}} onToggleActive={() => {}} onInvite={() => {}} />
    </MantineProvider>,
  );
}

describe('the people table', () => {
  it('shows each person with department, role, manager, tier and status in words', () => {
    const html = render([base]);
    for (const text of [
      'Ada Archer',
      'Engineering',
      'Employee',
      'Olga Officer',
      'High',
      'Active',
      'Analyst',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('aria-label="Deactivate Ada Archer"');
    expect(html).not.toContain('aria-label="Invite Ada Archer"');
    expect(html).not.toContain(base.id);
  });

  it('says who never signed in and offers to reactivate a leaver', () => {
    const html = render([
      { ...base, status: 'invited', lastSignInAt: null },
      {
        ...base,
        id: '00000000-0000-4000-8000-000000000003',
        name: 'Leo Leaver',
        status: 'deactivated',
        manager: null,
      },
    ]);
    expect(html).toContain('Invited');
    expect(html).toContain('Never');
    expect(html).toContain('Deactivated');
    expect(html).toContain('aria-label="Reactivate Leo Leaver"');
    // Only someone who has not set a password yet can be invited.
    expect(html).toContain('aria-label="Invite Ada Archer"');
    expect(html).not.toContain('aria-label="Invite Leo Leaver"');
  });

  it('says in words where an invitation stands', () => {
    const now = Date.parse('2026-03-05T12:00:00.000Z');
    expect(invitationState({ ...base, invitationExpiresAt: null }, now)).toBe('No invitation link is open.');
    expect(invitationState({ ...base, invitationExpiresAt: '2026-03-09T12:00:00.000Z' }, now)).toMatch(
      /^Their invitation link works until /,
    );
    expect(invitationState({ ...base, invitationExpiresAt: '2026-03-01T12:00:00.000Z' }, now)).toMatch(
      /^Their invitation link expired on /,
    );
  });
});
