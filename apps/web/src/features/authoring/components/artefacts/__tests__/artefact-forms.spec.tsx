import type { Artefact } from '@countersign/scenario-engine';
import { MantineProvider } from '@mantine/core';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ARTEFACT_LIMITS, newArtefact } from '../artefact-ops';
import { EmailEditor } from '../email-editor';
import { InvitationEditor } from '../invitation-editor';
import { ProfileEditor } from '../profile-editor';
import { ThreadEditor } from '../thread-editor';

function render(element: ReactElement): string {
  return renderToStaticMarkup(
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      {element}
    </MantineProvider>,
  );
}

const ignore = () => undefined;
const of = <K extends Artefact['kind']>(kind: K) => newArtefact(kind) as Extract<Artefact, { kind: K }>;

const forms: [string, () => string][] = [
  ['profile', () => render(<ProfileEditor profile={of('profile')} onChange={ignore} />)],
  ['thread', () => render(<ThreadEditor thread={of('thread')} onChange={ignore} />)],
  ['email', () => render(<EmailEditor email={of('email')} onChange={ignore} />)],
  ['invitation', () => render(<InvitationEditor invitation={of('invitation')} onChange={ignore} />)],
];

/** The text of the `<label for=id>`, without the required asterisk. */
function labelFor(html: string, id: string): string | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`<label[^>]*for="${escaped}"[^>]*>(.*?)</label>`).exec(html);
  return match?.[1].replace(/<[^>]+>/g, '').replace(/\s*\*$/, '');
}

/** The named field's opening tag. */
function field(html: string, label: string): string {
  for (const tag of html.match(/<(input|textarea)\b[^>]*>/g) ?? []) {
    const id = /\sid="([^"]+)"/.exec(tag)?.[1];
    if (id && labelFor(html, id) === label) return tag;
  }
  throw new Error(`no field labelled ${label}`);
}

/** The opening tag of the button with this accessible name (aria-label or text). */
function button(html: string, name: string): string {
  const tags = html.match(/<button\b[^>]*>(?:(?!<\/button>).)*<\/button>/g) ?? [];
  const found = tags.find(
    (tag) => tag.includes(`aria-label="${name}"`) || tag.replace(/<[^>]+>/g, '') === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return /<button\b[^>]*>/.exec(found)![0];
}

describe('artefact forms', () => {
  it.each(forms)(
    '%s: every field has a visible label, or a name when it is the hidden file input',
    (_, draw) => {
      const html = draw();
      for (const tag of html.match(/<(input|textarea)\b[^>]*>/g) ?? []) {
        if (/type="file"/.test(tag)) {
          expect(tag).toMatch(/aria-label="Profile photo"/);
          continue;
        }
        const id = /\sid="([^"]+)"/.exec(tag)?.[1];
        expect({ tag, label: id && labelFor(html, id) }).toEqual({ tag, label: expect.any(String) });
      }
    },
  );

  it('profile: required fields and the model’s length limits', () => {
    const html = forms[0][1]();
    expect(field(html, 'Name')).toMatch(/required=""/);
    expect(field(html, 'Name')).toContain(`maxLength="${ARTEFACT_LIMITS.profile.name}"`);
    expect(field(html, 'Headline')).toContain(`maxLength="${ARTEFACT_LIMITS.profile.headline}"`);
    expect(field(html, 'Company')).not.toMatch(/required=""/);
    expect(field(html, 'About')).toContain(`maxLength="${ARTEFACT_LIMITS.profile.about}"`);
    expect(field(html, 'Period')).toContain(`maxLength="${ARTEFACT_LIMITS.profile.period}"`);
    expect(html).toContain('accept="image/png,image/jpeg,image/webp"');
  });

  it('profile: experience is a fieldset of fieldsets, each job with its own move and remove buttons', () => {
    const html = forms[0][1]();
    expect(html).toMatch(/<fieldset[^>]*>\s*<legend[^>]*>Experience \(1 of 20\)<\/legend>/);
    expect(html).toMatch(/<legend[^>]*>Job 1<\/legend>/);
    expect(html).toContain('aria-label="Move job 1 up"');
    expect(html).toContain('aria-label="Remove job 1"');
    expect(html).toMatch(/<legend[^>]*>Activity posts \(0 of 10\)<\/legend>/);
  });

  it('thread: a thread keeps at least one participant and one message', () => {
    const one = { ...of('thread'), participants: ['You'] };
    const html = render(<ThreadEditor thread={one} onChange={ignore} />);
    expect(button(html, 'Remove participant 1')).toContain('disabled=""');
    expect(button(html, 'Remove message 1')).toContain('disabled=""');
    expect(button(html, 'Add participant')).not.toContain('disabled=""');
    expect(field(html, 'Message')).toContain(`maxLength="${ARTEFACT_LIMITS.thread.body}"`);
  });

  it('email: an empty required field says what to enter', () => {
    const html = render(<EmailEditor email={{ ...of('email'), subject: '  ' }} onChange={ignore} />);
    expect(html).toContain('Enter a subject.');
    expect(field(html, 'Subject')).toMatch(/aria-invalid="true"/);
  });

  it('invitation: benefits can be added until the limit', () => {
    const full = {
      ...of('invitation'),
      benefits: Array(ARTEFACT_LIMITS.invitation.benefits).fill('Flights'),
    };
    const html = render(<InvitationEditor invitation={full} onChange={ignore} />);
    expect(button(html, 'Add benefit')).toContain('disabled=""');
    expect(html).toContain('That is the most allowed (10).');
  });
});
