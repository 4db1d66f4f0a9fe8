import { Stack, Text, type TextProps } from '@mantine/core';
import { paragraphs } from '../../../lib/format';

/** Authored text as plain paragraphs (React escapes it; it is never parsed as HTML). */
export function Narrative({ text, ...textProps }: { text: string } & TextProps) {
  return (
    <Stack gap="sm">
      {paragraphs(text).map((paragraph, index) => (
        <Text key={index} {...textProps}>
          {paragraph}
        </Text>
      ))}
    </Stack>
  );
}
