import type {
  Artefact,
  EmailArtefact,
  InvitationArtefact,
  MessageThreadArtefact,
  ModuleContent,
  ProfileCardArtefact,
} from '@countersign/scenario-engine';
import { updateStep } from '../../editor/content-ops';

/** Pure edits of a step's artefacts: each returns a new document and leaves the old one untouched. */

export type ArtefactKind = Artefact['kind'];

/**
 * The limits of the scenario model (libs/scenario-engine/src/model.ts), for the forms' hints and
 * `maxLength`s. The unit tests check them against the schemas, so they cannot drift.
 */
export const ARTEFACT_LIMITS = {
  perStep: 6,
  profile: {
    name: 120,
    headline: 200,
    company: 120,
    location: 120,
    connections: 100_000,
    accountAgeMonths: 600,
    about: 2000,
    history: 20,
    role: 120,
    organisation: 120,
    period: 60,
    activity: 10,
    post: 300,
  },
  thread: { platform: 60, participants: 10, participant: 120, messages: 50, from: 120, at: 60, body: 4000 },
  email: { from: 200, to: 200, subject: 300, sentAt: 60, body: 8000 },
  invitation: { event: 200, host: 200, location: 200, dates: 120, body: 4000, benefits: 10, benefit: 200 },
} as const;

export const ARTEFACT_KINDS: readonly { kind: ArtefactKind; label: string; description: string }[] = [
  { kind: 'profile', label: 'Recruiter profile', description: 'A profile on a professional networking site' },
  { kind: 'thread', label: 'Message thread', description: 'Private messages between people' },
  { kind: 'email', label: 'Email', description: 'An email as a mail client shows it' },
  { kind: 'invitation', label: 'Event invitation', description: 'A conference or event invitation' },
];

export function artefactKindLabel(kind: ArtefactKind): string {
  return ARTEFACT_KINDS.find((entry) => entry.kind === kind)?.label ?? kind;
}

/** A short name for an artefact in lists and confirmations: `Recruiter profile: Alex Morgan`. */
export function artefactSummary(artefact: Artefact): string {
  const detail = (() => {
    switch (artefact.kind) {
      case 'profile':
        return artefact.name;
      case 'thread':
        return artefact.participants.join(', ');
      case 'email':
        return artefact.subject;
      case 'invitation':
        return artefact.event;
    }
  })().trim();
  return detail ? `${artefactKindLabel(artefact.kind)}: ${detail}` : artefactKindLabel(artefact.kind);
}

/** Starter content that passes validation and shows the author what each field is for. */
export function newArtefact(kind: ArtefactKind): Artefact {
  switch (kind) {
    case 'profile':
      return {
        kind: 'profile',
        name: 'Alex Morgan',
        headline: 'Senior Talent Partner at Example Consulting | Connecting experts with opportunities',
        company: 'Example Consulting',
        location: 'London, United Kingdom',
        connections: 120,
        accountAgeMonths: 6,
        about: 'I help experienced specialists find rewarding advisory work. Always happy to talk.',
        history: [
          { role: 'Senior Talent Partner', organisation: 'Example Consulting', period: '2024 – present' },
        ],
        activity: [],
      } satisfies ProfileCardArtefact;
    case 'thread':
      return {
        kind: 'thread',
        platform: 'Professional network',
        participants: ['Alex Morgan', 'You'],
        messages: [
          {
            from: 'Alex Morgan',
            at: 'Today, 09:14',
            body: 'Hello! I came across your profile and was impressed by your experience. Do you have time for a short call this week?',
          },
        ],
      } satisfies MessageThreadArtefact;
    case 'email':
      return {
        kind: 'email',
        from: 'Alex Morgan <alex.morgan@example.com>',
        to: 'You <you@example.org>',
        subject: 'An opportunity that may interest you',
        sentAt: 'Mon 3 Mar, 10:42',
        body: 'Dear colleague,\n\nI am writing with an opportunity that matches your expertise. Could we arrange a short call?\n\nKind regards,\nAlex',
      } satisfies EmailArtefact;
    case 'invitation':
      return {
        kind: 'invitation',
        event: 'International Forum on Emerging Technology',
        host: 'Example Institute for Strategic Studies',
        location: 'Singapore',
        dates: '14–16 October',
        body: 'We would be honoured if you would join our panel of distinguished speakers.',
        benefits: ['Return flights in business class', 'Four nights in a five-star hotel'],
      } satisfies InvitationArtefact;
  }
}

/** `items` with the one at `from` moved to `to`; out-of-range moves answer `items` unchanged. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

/** An optional text field: empty (or only spaces) means "not set", which the model requires. */
export function optionalText(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

const artefactsOf = (content: ModuleContent, stepId: string): readonly Artefact[] | undefined =>
  content.scenario.steps.find((step) => step.id === stepId)?.artefacts;

/**
 * Appends a new artefact of `kind` unless the step already has the most it may. An edit that
 * changes nothing answers `content` itself, so it leaves no empty undo step.
 */
export function addArtefact(content: ModuleContent, stepId: string, kind: ArtefactKind): ModuleContent {
  const artefacts = artefactsOf(content, stepId);
  if (!artefacts || artefacts.length >= ARTEFACT_LIMITS.perStep) return content;
  return updateStep(content, stepId, (step) => ({
    ...step,
    artefacts: [...step.artefacts, newArtefact(kind)],
  }));
}

export function removeArtefact(content: ModuleContent, stepId: string, index: number): ModuleContent {
  const artefacts = artefactsOf(content, stepId);
  if (!artefacts || index < 0 || index >= artefacts.length) return content;
  return updateStep(content, stepId, (step) => ({ ...step, artefacts: removeAt(step.artefacts, index) }));
}

export function moveArtefact(
  content: ModuleContent,
  stepId: string,
  from: number,
  to: number,
): ModuleContent {
  const artefacts = artefactsOf(content, stepId);
  if (!artefacts || from === to || [from, to].some((i) => i < 0 || i >= artefacts.length)) return content;
  return updateStep(content, stepId, (step) => ({ ...step, artefacts: moveItem(step.artefacts, from, to) }));
}

/**
 * Changes the artefact at `index`, if it is of `kind` (an undo may have replaced it meanwhile).
 * The change keeps the artefact's kind, so a profile edit cannot produce anything but a profile.
 */
export function updateArtefact<K extends ArtefactKind>(
  content: ModuleContent,
  stepId: string,
  index: number,
  kind: K,
  change: (artefact: Extract<Artefact, { kind: K }>) => Extract<Artefact, { kind: K }>,
): ModuleContent {
  const current = artefactsOf(content, stepId)?.[index];
  if (current?.kind !== kind) return content;
  const changed = change(current as Extract<Artefact, { kind: K }>);
  return updateStep(content, stepId, (step) => ({
    ...step,
    artefacts: replaceAt<Artefact>(step.artefacts, index, changed),
  }));
}
