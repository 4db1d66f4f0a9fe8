import { Box, Mark, Text } from '@mantine/core';

const CONTEXT = 70;

/** Where an excerpt (whitespace-collapsed, maybe cut with "…") sits in the message, if anywhere. */
export function locateExcerpt(message: string, excerpt: string): { start: number; end: number } | undefined {
  const words = excerpt.replace(/…$/u, '').trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return undefined;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const match = new RegExp(escaped.join('\\s+'), 'u').exec(message);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

/** Cuts `from` back (or `to` forward) to a word boundary, so context never starts mid-word. */
function contextBounds(message: string, start: number, end: number): { from: number; to: number } {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(message.length, end + CONTEXT);
  if (from > 0) {
    const space = message.indexOf(' ', from);
    from = space === -1 || space >= start ? from : space + 1;
  }
  if (to < message.length) {
    const space = message.lastIndexOf(' ', to);
    to = space <= end ? to : space;
  }
  return { from, to };
}

const tidy = (text: string) => text.replace(/\s+/gu, ' ');

interface EvidenceExcerptProps {
  /** The message the check ran on; without it only the excerpt itself is shown. */
  message?: string | null;
  excerpt?: string;
  start?: number;
  end?: number;
}

/** The words of the message that raised a flag, highlighted (and bold, not colour alone) in context. */
export function EvidenceExcerpt({ message, excerpt, start, end }: EvidenceExcerptProps) {
  let span =
    message && start !== undefined && end !== undefined && end > start && end <= message.length
      ? { start, end }
      : undefined;
  if (!span && message && excerpt) span = locateExcerpt(message, excerpt);

  if (!message || !span) {
    if (!excerpt) return null;
    return (
      <Text size="sm" component="q">
        <Mark fw={700}>{excerpt}</Mark>
      </Text>
    );
  }

  const { from, to } = contextBounds(message, span.start, span.end);
  return (
    <Box
      component="blockquote"
      m={0}
      pl="sm"
      py={4}
      style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {from > 0 && '…'}
        {tidy(message.slice(from, span.start))}
        <Mark fw={700}>{tidy(message.slice(span.start, span.end))}</Mark>
        {tidy(message.slice(span.end, to))}
        {to < message.length && '…'}
      </Text>
    </Box>
  );
}
