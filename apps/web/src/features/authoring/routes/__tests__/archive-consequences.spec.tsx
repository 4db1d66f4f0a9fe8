import type { LibraryModule } from '@countersign/contracts/authoring';
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { ArchiveConsequences } from '../module-library-page';

const module: LibraryModule = {
  id: 'm1',
  slug: 'the-approach',
  title: 'The approach',
  summary: '',
  estimatedMinutes: 15,
  builtIn: true,
  status: 'published',
  publishedVersion: 1,
  draftVersion: null,
  lastEditedBy: null,
  lastEditedAt: null,
  assignees: 42,
  openAssignees: 12,
  completedAssignees: 30,
};

const text = (m: LibraryModule) =>
  renderToStaticMarkup(
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      <ArchiveConsequences module={m} />
    </MantineProvider>,
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the archive dialog says what happens to the people assigned the module', () => {
  it('counts who has it open and says they can still finish it, and that completed records stay', () => {
    const said = text(module);
    expect(said).toContain('“The approach” can no longer be assigned');
    expect(said).toContain('12 people have it open (not started or in progress). They keep it');
    expect(said).toContain('can still finish it');
    expect(said).toContain('30 completed records stay as they are');
  });

  it('speaks of one person in the singular, and says so when nobody is affected', () => {
    expect(text({ ...module, openAssignees: 1, completedAssignees: 1 })).toContain('1 person has it open');
    const none = text({ ...module, assignees: 0, openAssignees: 0, completedAssignees: 0 });
    expect(none).toContain('Nobody has it open');
    expect(none).toContain('Nobody has completed it yet.');
  });
});
