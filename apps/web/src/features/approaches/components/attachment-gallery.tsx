import type { AttachmentView } from '@countersign/contracts/approaches';
import { Anchor, Image, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { apiHref } from '../../../lib/api-client';
import { formatBytes } from '../../../lib/format';

/** Screenshots as thumbnails; each opens full size in a new tab (served only to those allowed). */
export function AttachmentGallery({ attachments }: { attachments: readonly AttachmentView[] }) {
  if (attachments.length === 0) return <Text c="dimmed">No screenshots were attached.</Text>;
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 2, sm: 3, md: 4 }}
      spacing="md"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
    >
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <Anchor href={apiHref(attachment.url)} target="_blank" rel="noopener noreferrer" underline="never">
            <Stack gap={4}>
              <Image
                src={apiHref(attachment.url)}
                alt={`Screenshot ${attachment.fileName}`}
                h={140}
                fit="cover"
                radius="md"
                bg="gray.1"
                style={{ border: '1px solid var(--mantine-color-gray-3)' }}
              />
              <Text size="xs" c="dimmed" truncate>
                <IconExternalLink size={12} aria-hidden /> {attachment.fileName} ·{' '}
                {formatBytes(attachment.sizeBytes)}
                <VisuallyHidden> (opens full size in a new tab)</VisuallyHidden>
              </Text>
            </Stack>
          </Anchor>
        </li>
      ))}
    </SimpleGrid>
  );
}
