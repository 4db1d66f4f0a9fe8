import { Box, Paper, SegmentedControl, Text, Textarea, type TextareaProps } from '@mantine/core';
import { useState } from 'react';
import { Markdown } from '../../../components/ui/markdown';

type Mode = 'write' | 'preview';

interface MarkdownTextareaProps extends TextareaProps {
  /** Controlled: the Markdown source. */
  value: string;
}

/**
 * A Textarea for authored text that learners see as Markdown, with a Write / Preview switch
 * and a one-line reminder of the syntax. The preview uses the same renderer as the player.
 */
const syntaxHelp = 'Formatting: **bold**, *italic*, - lists, [links](https://…)';

export function MarkdownTextarea({
  value,
  label,
  description,
  minRows = 3,
  ...textareaProps
}: MarkdownTextareaProps) {
  const [mode, setMode] = useState<Mode>('write');
  const toggleLabel = typeof label === 'string' ? `${label}: write or preview` : 'Write or preview';

  return (
    <Textarea
      label={label}
      value={value}
      minRows={minRows}
      autosize
      description={
        description ? (
          <>
            {description} {syntaxHelp}
          </>
        ) : (
          syntaxHelp
        )
      }
      {...textareaProps}
      inputContainer={(input) => (
        <>
          {mode === 'write' ? (
            input
          ) : (
            <Paper
              withBorder
              radius="sm"
              px="sm"
              py="xs"
              mih={minRows * 26 + 16}
              data-testid="markdown-preview"
              aria-label={typeof label === 'string' ? `Preview of ${label}` : 'Preview'}
              role="region"
            >
              {value.trim() ? (
                <Markdown text={value} size="sm" />
              ) : (
                <Text size="sm" c="dimmed">
                  Nothing to preview yet.
                </Text>
              )}
            </Paper>
          )}
          <Box mt={6}>
            <SegmentedControl
              size="xs"
              aria-label={toggleLabel}
              value={mode}
              onChange={(next) => setMode(next as Mode)}
              data={[
                { value: 'write', label: 'Write' },
                { value: 'preview', label: 'Preview' },
              ]}
            />
          </Box>
        </>
      )}
    />
  );
}
