import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A simulated artefact as a figure, captioned so nobody mistakes it for a real page. */
export function ArtefactFrame({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <Box component="figure" m={0} maw={640} w="100%">
      <Text
        component="figcaption"
        size="xs"
        fw={600}
        tt="uppercase"
        c="dimmed"
        mb={6}
        style={{ letterSpacing: 0.6 }}
      >
        {caption}
      </Text>
      {children}
    </Box>
  );
}
