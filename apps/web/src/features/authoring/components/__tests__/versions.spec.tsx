import type { VersionDiffResponse, VersionHistoryEntry } from '@countersign/contracts/authoring';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ApiError } from '../../../../lib/api-client';
import { importProblems, readModuleDocument } from '../import-document';
import { VersionDiff } from '../version-diff';
import { VersionHistoryTable } from '../version-history-table';
import { comparedPair } from '../version-pair';

function render(element: ReactElement): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        {element}
      </MantineProvider>
    </QueryClientProvider>,
  );
}

/** The visible text, tags dropped and whitespace folded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

const alex = { id: 'u1', name: 'Alex Morgan' };
const versions: VersionHistoryEntry[] = [
  {
    id: 'v3',
    version: 3,
    status: 'draft',
    createdAt: '2026-03-03T10:00:00Z',
    publishedAt: null,
    publishedBy: null,
    changeNote: null,
    completions: 0,
  },
  {
    id: 'v2',
    version: 2,
    status: 'published',
    createdAt: '2026-03-02T10:00:00Z',
    publishedAt: '2026-03-02T11:00:00Z',
    publishedBy: alex,
    changeNote: 'New step on fake invoices.\nQuiz: <b>two</b> questions reworded.',
    completions: 1204,
  },
  {
    id: 'v1',
    version: 1,
    status: 'published',
    createdAt: '2026-03-01T10:00:00Z',
    publishedAt: '2026-03-01T11:00:00Z',
    publishedBy: null,
    changeNote: null,
    completions: 1,
  },
];

describe('reading a module file for import', () => {
  const file = (content: string, name = 'module.json') =>
    new File([content], name, { type: 'application/json' });

  it('passes the document on untouched, with its title for the confirmation', async () => {
    const document = {
      format: 'countersign.module',
      module: { title: 'Phishing 101' },
      media: [{ id: 'm1' }],
    };
    const chosen = await readModuleDocument(file(JSON.stringify(document)));
    expect(chosen).toMatchObject({ state: 'ready', title: 'Phishing 101', document });
  });

  it('says so when the file is not JSON, naming the file', async () => {
    const chosen = await readModuleDocument(file('this is { not json', 'notes.json'));
    expect(chosen.state).toBe('invalid');
    expect(chosen.state === 'invalid' && chosen.message).toMatch(/^“notes\.json” is not valid JSON/);
  });

  it('refuses JSON that cannot be a module document, and accepts one without a title', async () => {
    for (const content of ['[1, 2]', '"text"', 'null', '42']) {
      const chosen = await readModuleDocument(file(content));
      expect(chosen.state === 'invalid' && chosen.message).toMatch(/holds JSON, but not a module document/);
    }
    expect(await readModuleDocument(file('{"content": {}}'))).toMatchObject({ state: 'ready', title: null });
  });
});

describe('the problems of a refused import', () => {
  it('lists schema problems (400) and graph problems (422) by JSON path', () => {
    const schema = new ApiError(400, 'validation_failed', 'Invalid module document', [
      { field: 'content.scenario.steps[3].choices[0].next', message: 'use lower-case letters' },
      { field: 'formatVersion', message: 'Invalid input: expected 1' },
    ]);
    expect(importProblems(schema)).toEqual([
      { path: 'content.scenario.steps[3].choices[0].next', message: 'use lower-case letters' },
      { path: 'formatVersion', message: 'Invalid input: expected 1' },
    ]);
    const graph = new ApiError(422, 'invalid_module', 'The module has problems', [
      { code: 'dead_end', severity: 'error', path: 'scenario.steps[2]', message: 'leads nowhere' },
    ]);
    expect(importProblems(graph)).toEqual([{ path: 'scenario.steps[2]', message: 'leads nowhere' }]);
  });

  it('has none to list for other failures', () => {
    expect(importProblems(new ApiError(413, 'payload_too_large', 'Too large'))).toEqual([]);
    expect(importProblems(new Error('offline'))).toEqual([]);
  });
});

describe('the versions compared', () => {
  it('defaults to the previous version against the latest', () => {
    expect(comparedPair(versions, new URLSearchParams())).toEqual({ from: 2, to: 3 });
  });

  it('takes the pair from the address when both are versions of the module', () => {
    expect(comparedPair(versions, new URLSearchParams('from=3&to=1'))).toEqual({ from: 3, to: 1 });
    expect(comparedPair(versions, new URLSearchParams('from=1&to=9'))).toEqual({ from: 2, to: 3 });
    expect(comparedPair(versions, new URLSearchParams('from=x&to=1'))).toEqual({ from: 2, to: 3 });
  });

  it('has nothing to compare while there is one version', () => {
    expect(comparedPair(versions.slice(2), new URLSearchParams('from=1&to=1'))).toBeNull();
  });
});

describe('the version history table', () => {
  const html = render(
    <VersionHistoryTable moduleId="m1" slug="phishing" versions={versions} onCompare={() => undefined} />,
  );

  it('has column headers and a row header per version', () => {
    const columns = [...html.matchAll(/<th[^>]*scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => text(m[1]));
    expect(columns).toEqual(['Version', 'Status', 'Published', 'Started', 'Completed by', 'Actions']);
    expect(html.match(/<th[^>]*scope="row"/g)).toHaveLength(3);
  });

  it('says who published each version, and marks the latest published one', () => {
    const visible = text(html);
    expect(visible).toContain('v2 Latest published');
    expect(visible).toContain('by Alex Morgan');
    expect(visible).toContain('Publisher not recorded');
    expect(visible).toContain('Not yet');
  });

  it('says how many people completed each published version', () => {
    const cells = [...html.matchAll(/<td[^>]*data-testid="version-completions"[^>]*>(.*?)<\/td>/gs)].map(
      (m) => text(m[1]!),
    );
    expect(cells).toEqual(['—', '1,204 people', '1 person']);
  });

  it('shows the note of what changed under the version that has one, as plain text', () => {
    const notes = [...html.matchAll(/<p[^>]*data-testid="change-note"[^>]*>(.*?)<\/p>/gs)].map((m) => m[1]);
    expect(notes).toHaveLength(1);
    expect(text(notes[0]!)).toBe(
      'What changed: New step on fake invoices. Quiz: &lt;b&gt;two&lt;/b&gt; questions reworded.',
    );
    expect(html).not.toContain('<b>two</b>');
  });

  it('offers an export of every version and a comparison with the one before', () => {
    for (const v of [1, 2, 3]) expect(html).toContain(`aria-label="Export JSON of version ${v}"`);
    expect(html).toContain('aria-label="Compare with v2: what changed in v3"');
    expect(html).toContain('aria-label="Compare with v1: what changed in v2"');
    expect(html).not.toContain('what changed in v1');
  });
});

describe('the readable diff', () => {
  const result: VersionDiffResponse = {
    from: 1,
    to: 2,
    diff: {
      start: null,
      steps: {
        added: [{ id: 'new-step', title: 'A new message' }],
        removed: [],
        changed: [
          {
            id: 'intro',
            title: 'The approach',
            fields: ['title', 'choices'],
            choices: { added: ['reply'], removed: [], changed: ['ignore'] },
          },
        ],
      },
      questions: {
        added: [],
        removed: [{ id: 'q1', prompt: 'What is a red flag?' }],
        changed: [{ id: 'q2', prompt: 'Which should you report?', fields: ['options', 'redFlags'] }],
      },
      passMark: { from: 70, to: 80 },
      shuffle: null,
      retryPolicy: {
        from: { cooldownMinutes: 0, reviewDebrief: false, notifyOfficersAfter: null },
        to: { cooldownMinutes: 30, reviewDebrief: true, notifyOfficersAfter: 3 },
      },
      identical: false,
    },
  };

  it('groups changes as steps, quiz questions and settings, each with its counts', () => {
    const visible = text(render(<VersionDiff result={result} />));
    expect(visible).toContain(
      'From v1 to v2: 2 steps, 2 quiz questions and 2 settings added, removed or changed.',
    );
    expect(visible).toContain('Steps 1 added, 1 changed');
    expect(visible).toContain('Quiz questions 1 removed, 1 changed');
    expect(visible).toContain('Settings 2 changed');
  });

  it('badges each change in words and names the fields that changed, with before and after where known', () => {
    const html = render(<VersionDiff result={result} />);
    const visible = text(html);
    expect(visible).toContain('Added A new message');
    expect(visible).toContain('Changed The approach Changed: title, choices');
    expect(visible).toContain('Choices added: reply');
    expect(visible).toContain('Choices changed: ignore');
    expect(visible).toContain('Removed What is a red flag?');
    expect(visible).toContain('Changed: options, red flags');
    expect(visible).toContain('Quiz pass mark was 70% , now 80%');
    expect(visible).toContain(
      'After a failed quiz round was retry at once , now 30 min pause before a retry; debrief read again first; officers told after 3 failed rounds',
    );
    expect(html.match(/data-change="added"/g)).toHaveLength(1);
    expect(html.match(/data-change="removed"/g)).toHaveLength(1);
    expect(html.match(/data-change="changed"/g)).toHaveLength(4);
  });

  it('says when two versions are the same for learners', () => {
    const same: VersionDiffResponse = {
      ...result,
      diff: {
        start: null,
        steps: { added: [], removed: [], changed: [] },
        questions: { added: [], removed: [], changed: [] },
        passMark: null,
        shuffle: null,
        retryPolicy: null,
        identical: true,
      },
    };
    expect(text(render(<VersionDiff result={same} />))).toContain('v1 and v2 are the same for learners');
  });
});
