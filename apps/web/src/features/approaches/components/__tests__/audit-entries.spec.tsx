import type { AuditEventView } from '@countersign/contracts/audit';
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { auditRows, describeAuditEvent } from '../audit-entries';
import { AuditTable } from '../audit-trail';

const ALEX = { id: '1b2c3d4e-0000-4000-8000-000000000001', name: 'Alex Morgan' };
const PRIYA = { id: '4b8df2f4-0000-4000-8000-000000000002', name: 'Priya Shah' };
const GONE = '9f9f9f9f-0000-4000-8000-000000000003';

let id = 0;
function event(
  action: AuditEventView['action'],
  at: string,
  details: Record<string, unknown> = {},
  extra: Partial<AuditEventView> = {},
): AuditEventView {
  id += 1;
  return {
    id: String(id),
    at,
    action,
    actor: ALEX,
    subjectType: 'approach_report',
    subjectId: 'r1',
    subjectName: null,
    details,
    people: [],
    ...extra,
  };
}

describe('the audit trail in words', () => {
  it('names the people of an assignment, never their ids', () => {
    const assigned = event(
      'report.assigned',
      '2026-03-02T10:00:00Z',
      { from: ALEX.id, to: PRIYA.id },
      { people: [ALEX, PRIYA] },
    );
    expect(describeAuditEvent(assigned)).toEqual({
      what: 'Assigned',
      details: 'From Alex Morgan to Priya Shah.',
    });
    expect(
      describeAuditEvent(
        event('report.assigned', '2026-03-02T10:00:00Z', { from: null, to: PRIYA.id }, { people: [PRIYA] }),
      ).details,
    ).toBe('To Priya Shah.');
    expect(
      describeAuditEvent(event('report.assigned', '2026-03-02T10:00:00Z', { from: GONE, to: null })),
    ).toEqual({
      what: 'Unassigned',
      details: 'Was assigned to someone no longer in the organisation.',
    });
  });

  it('says what changed, not which record holds it', () => {
    expect(
      describeAuditEvent(
        event('report.status-changed', '2026-03-02T10:00:00Z', { from: 'new', to: 'in-review' }),
      ),
    ).toEqual({ what: 'Status changed', details: 'New → In review.' });
    expect(
      describeAuditEvent(
        event('report.status-changed', '2026-03-02T10:00:00Z', {
          from: 'escalated',
          to: 'closed',
          outcome: 'Passed to the authorities.',
        }),
      ).details,
    ).toBe('Escalated → Closed. Outcome told to the reporter: “Passed to the authorities.”');
    const note = describeAuditEvent(event('report.note-added', '2026-03-02T10:00:00Z', { noteId: PRIYA.id }));
    expect(note.details).not.toContain(PRIYA.id);
    const screenshot = describeAuditEvent(
      event('attachment.added', '2026-03-02T10:00:00Z', {
        attachmentId: PRIYA.id,
        fileName: 'message.png',
        contentType: 'image/png',
        sizeBytes: 204_800,
        sha256: '4b8df2f4e1d0c9b8a7f6e5d4c3b2a1904b8df2f4e1d0c9b8a7f6e5d4c3b2a190',
      }),
    );
    expect(screenshot).toEqual({ what: 'Screenshot added', details: '“message.png” (PNG image, 200 KB).' });
  });

  it('runs the views of one person together, and keeps views apart that other events separate', () => {
    const rows = auditRows([
      event('report.created', '2026-03-02T09:00:00Z', { rating: 'high' }, { actor: PRIYA }),
      event('report.viewed', '2026-03-02T10:02:00Z'),
      event('report.viewed', '2026-03-02T10:15:00Z'),
      event('report.viewed', '2026-03-02T10:40:00Z'),
      event('report.viewed', '2026-03-02T10:41:00Z', {}, { actor: PRIYA }),
      event('report.status-changed', '2026-03-02T10:45:00Z', { from: 'new', to: 'in-review' }),
      event('report.viewed', '2026-03-02T11:00:00Z'),
    ]);
    expect(rows.map((r) => [r.who, r.what])).toEqual([
      ['Alex Morgan', 'Viewed'],
      ['Alex Morgan', 'Status changed'],
      ['Priya Shah', 'Viewed'],
      ['Alex Morgan', 'Viewed 3 times'],
      ['Priya Shah', 'Reported'],
    ]);
    expect(rows[3]!.count).toBe(3);
    expect(rows[3]!.when).toMatch(/^2 Mar 2026, \d\d:02 – \d\d:40$/);
  });

  it('renders the table without a raw id or hash', () => {
    const html = renderToStaticMarkup(
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        <AuditTable
          entries={[
            event(
              'report.assigned',
              '2026-03-02T10:00:00Z',
              { from: null, to: PRIYA.id },
              { people: [PRIYA] },
            ),
            event('report.note-added', '2026-03-02T10:05:00Z', { noteId: ALEX.id }),
          ]}
        />
      </MantineProvider>,
    );
    expect(html).toContain('To Priya Shah.');
    expect(html).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(html).not.toContain('noteId');
  });
});
