import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_REPORT,
} from '@countersign/contracts/approaches';
import {
  ActionIcon,
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  Paper,
  Progress,
  Stack,
  Text,
} from '@mantine/core';
import {
  IconAlertCircle,
  IconCircleCheck,
  IconClock,
  IconPhotoPlus,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { PlainList } from '../../../components/ui/plain-list';
import { formatBytes } from '../../../lib/format';

export interface PickedFile {
  id: string;
  file: File;
  status: 'waiting' | 'uploading' | 'done' | 'failed';
  /** 0 to 1 while uploading. */
  progress: number;
  error?: string;
}

const ACCEPT = ATTACHMENT_TYPES.join(',');
const MAX_MB = MAX_ATTACHMENT_BYTES / (1024 * 1024);

/** Keeps the acceptable files and says, per file, why the others were refused. */
export function screenFiles(
  incoming: readonly File[],
  current: readonly PickedFile[],
): { accepted: PickedFile[]; rejected: string[] } {
  const accepted: PickedFile[] = [];
  const rejected: string[] = [];
  const same = (a: File, b: File) =>
    a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
  for (const file of incoming) {
    if ([...current, ...accepted].some((picked) => same(picked.file, file))) continue;
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
      rejected.push(`${file.name}: only PNG, JPEG or WebP images can be attached.`);
    } else if (file.size > MAX_ATTACHMENT_BYTES) {
      rejected.push(`${file.name}: ${formatBytes(file.size)} is over the ${MAX_MB} MB limit.`);
    } else if (current.length + accepted.length >= MAX_ATTACHMENTS_PER_REPORT) {
      rejected.push(`${file.name}: a report can have at most ${MAX_ATTACHMENTS_PER_REPORT} screenshots.`);
    } else {
      accepted.push({
        id: `${file.name}-${file.size}-${file.lastModified}`,
        file,
        status: 'waiting',
        progress: 0,
      });
    }
  }
  return { accepted, rejected };
}

function Thumbnail({ file }: { file: File }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    const url = URL.createObjectURL(file);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return <Image src={src} alt="" w={56} h={56} radius="sm" fit="cover" bg="gray.1" />;
}

function FileStatus({ picked }: { picked: PickedFile }) {
  switch (picked.status) {
    case 'waiting':
      return (
        <Group gap={4} c="dimmed" wrap="nowrap">
          <IconClock size={14} aria-hidden />
          <Text size="xs">{formatBytes(picked.file.size)} · uploads when you send the report</Text>
        </Group>
      );
    case 'uploading':
      return (
        <Stack gap={2}>
          <Group gap={4} wrap="nowrap">
            <IconUpload size={14} aria-hidden />
            <Text size="xs">Uploading… {Math.round(picked.progress * 100)}%</Text>
          </Group>
          <Progress value={picked.progress * 100} size="sm" aria-label={`Uploading ${picked.file.name}`} />
        </Stack>
      );
    case 'done':
      return (
        <Group gap={4} c="green.8" wrap="nowrap">
          <IconCircleCheck size={14} aria-hidden />
          <Text size="xs" fw={600}>
            Uploaded
          </Text>
        </Group>
      );
    case 'failed':
      return (
        <Group gap={4} c="red.8" wrap="nowrap" align="flex-start">
          <IconAlertCircle size={14} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="xs" fw={600}>
            Not uploaded: {picked.error ?? 'the upload failed.'}
          </Text>
        </Group>
      );
  }
}

interface ScreenshotPickerProps {
  files: PickedFile[];
  onChange: (files: PickedFile[]) => void;
  /** While the report is being sent, or once it was: no more changes. */
  locked: boolean;
}

/** Screenshots: checked for type, size and number before anything is sent; upload status per file. */
export function ScreenshotPicker({ files, onChange, locked }: ScreenshotPickerProps) {
  const labelId = useId();
  const descriptionId = useId();
  const [rejected, setRejected] = useState<string[]>([]);
  const full = files.length >= MAX_ATTACHMENTS_PER_REPORT;

  const add = (incoming: File[]) => {
    const screened = screenFiles(incoming, files);
    setRejected(screened.rejected);
    if (screened.accepted.length > 0) onChange([...files, ...screened.accepted]);
  };

  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId} aria-describedby={descriptionId}>
      <div>
        <Text id={labelId} size="sm" fw={500}>
          Screenshots (optional)
        </Text>
        <Text id={descriptionId} size="xs" c="dimmed">
          Of the profile and the messages. PNG, JPEG or WebP, up to {MAX_MB} MB each, at most{' '}
          {MAX_ATTACHMENTS_PER_REPORT}.
        </Text>
      </div>
      {files.length > 0 && (
        <PlainList gap="xs" aria-label="Chosen screenshots">
          {files.map((picked) => (
            <Paper component="li" key={picked.id} withBorder radius="md" p="xs">
              <Group gap="sm" wrap="nowrap">
                <Thumbnail file={picked.file} />
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>
                    {picked.file.name}
                  </Text>
                  <FileStatus picked={picked} />
                </Stack>
                {!locked && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove ${picked.file.name}`}
                    onClick={() => onChange(files.filter((other) => other.id !== picked.id))}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </Paper>
          ))}
        </PlainList>
      )}
      {rejected.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden />}
          title={rejected.length === 1 ? 'One file was not added' : `${rejected.length} files were not added`}
          role="alert"
          p="sm"
        >
          <Stack gap={2}>
            {rejected.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {!locked && (
        <Group>
          <FileButton
            multiple
            accept={ACCEPT}
            onChange={add}
            disabled={full}
            inputProps={{ 'aria-label': 'Screenshots', 'aria-describedby': descriptionId }}
          >
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconPhotoPlus size={18} aria-hidden />}
                disabled={full}
                aria-describedby={descriptionId}
              >
                {files.length === 0 ? 'Add screenshots' : 'Add more screenshots'}
              </Button>
            )}
          </FileButton>
          {full && (
            <Text size="sm" c="dimmed">
              That is the most a report can have.
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
