import { Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFlag, IconMessage, IconQuestionMark } from '@tabler/icons-react';
import { PlainList } from '../../../components/ui/plain-list';
import { EvidenceExcerpt } from './evidence-excerpt';

/** What a flag needs to be shown: a checker finding (with offsets) or a report's stored flag. */
export interface FlagLike {
  key: string;
  title: string;
  explanation: string;
  advice: string;
  evidence: readonly {
    source: 'answer' | 'text';
    excerpt?: string;
    start?: number;
    end?: number;
    note?: string;
  }[];
}

interface FlagListProps {
  flags: readonly FlagLike[];
  /** The message the flags were found in, to show each text match in context. */
  message?: string | null;
  /** Level of each flag's heading. */
  headingOrder?: 3 | 4;
  /** Whether to show each flag's "what to do" (the reporter's view; officers know). */
  withAdvice?: boolean;
  /** Whose answers raised a flag, as the reader would say it. */
  answersLabel?: string;
}

/** Each red flag: what it is, what in the answers or the message raised it, and what to do. */
export function FlagList({
  flags,
  message,
  headingOrder = 3,
  withAdvice = true,
  answersLabel = 'From your answers',
}: FlagListProps) {
  if (flags.length === 0) {
    return <Text c="dimmed">No red flags were found.</Text>;
  }
  return (
    <PlainList gap="md" data-testid="red-flags">
      {flags.map((flag) => (
        <Paper component="li" key={flag.key} withBorder radius="md" p="md">
          <Stack gap="xs">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconFlag size={20} color="var(--mantine-color-red-8)" aria-hidden style={{ flexShrink: 0 }} />
              <Title order={headingOrder} fz="h5" lh={1.3}>
                {flag.title}
              </Title>
            </Group>
            <Text size="sm">{flag.explanation}</Text>
            {flag.evidence.length > 0 && (
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  Why it was raised
                </Text>
                <PlainList gap={6}>
                  {flag.evidence.map((evidence, index) => (
                    <Group component="li" key={index} gap="xs" wrap="nowrap" align="flex-start">
                      <ThemeIcon variant="light" color="gray" size="sm" radius="xl" aria-hidden>
                        {evidence.source === 'text' ? (
                          <IconMessage size={12} />
                        ) : (
                          <IconQuestionMark size={12} />
                        )}
                      </ThemeIcon>
                      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                        {evidence.source === 'text' ? (
                          <>
                            <Text size="xs" c="dimmed">
                              In the message
                            </Text>
                            <EvidenceExcerpt
                              message={message}
                              excerpt={evidence.excerpt}
                              start={evidence.start}
                              end={evidence.end}
                            />
                            {evidence.note && (
                              <Text size="xs" c="dimmed">
                                {evidence.note}
                              </Text>
                            )}
                          </>
                        ) : evidence.note || evidence.excerpt ? (
                          <>
                            <Text size="xs" c="dimmed">
                              {answersLabel}
                            </Text>
                            <Text size="sm">{evidence.note ?? evidence.excerpt}</Text>
                          </>
                        ) : (
                          <Text size="sm">{answersLabel} to the checker’s questions</Text>
                        )}
                      </Stack>
                    </Group>
                  ))}
                </PlainList>
              </Stack>
            )}
            {withAdvice && (
              <Text size="sm">
                <Text component="span" fw={700} size="sm">
                  What to do:{' '}
                </Text>
                {flag.advice}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </PlainList>
  );
}
