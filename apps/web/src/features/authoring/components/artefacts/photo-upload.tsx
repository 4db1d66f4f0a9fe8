import { Alert, Avatar, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { initials } from '../../../../lib/format';
import { imageFileProblem, MAX_MEDIA_MB, MEDIA_ACCEPT, uploadMedia } from '../../api/media';

interface PhotoUploadProps {
  /** The profile's name, for the initials shown when there is no photo. */
  name: string;
  photoUrl: string | undefined;
  onChange: (photoUrl: string | undefined) => void;
}

/** The profile photo: upload (checked here for type and size first), replace or remove. */
export function PhotoUpload({ name, photoUrl, onChange }: PhotoUploadProps) {
  const labelId = useId();
  const descriptionId = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);
  const abort = useRef<AbortController | null>(null);
  // Closing the editor mid-upload cancels the upload.
  useEffect(() => () => abort.current?.abort(), []);

  const pick = async (file: File | null) => {
    resetRef.current?.(); // so picking the same file again after a failure fires onChange
    if (!file) return;
    const problem = imageFileProblem(file);
    setError(problem ?? null);
    if (problem) return;
    const controller = new AbortController();
    abort.current = controller;
    setProgress(0);
    try {
      const asset = await uploadMedia(file, setProgress, controller.signal);
      onChange(asset.url);
    } catch (failure) {
      if (controller.signal.aborted) return;
      setError(
        `The photo was not uploaded: ${failure instanceof Error ? failure.message : 'something went wrong.'}`,
      );
    } finally {
      if (!controller.signal.aborted) setProgress(null);
    }
  };

  const uploading = progress !== null;
  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId} aria-describedby={descriptionId}>
      <div>
        <Text id={labelId} size="sm" fw={500}>
          Photo (optional)
        </Text>
        <Text id={descriptionId} size="xs" c="dimmed">
          PNG, JPEG or WebP, up to {MAX_MEDIA_MB} MB. Use a picture you have the right to use; location and
          camera details are removed on upload.
        </Text>
      </div>
      <Group gap="sm" wrap="nowrap" align="center">
        <Avatar src={photoUrl} alt="" size={56} radius={999} color="navy" variant="filled">
          {initials(name)}
        </Avatar>
        <Group gap="xs">
          <FileButton
            accept={MEDIA_ACCEPT}
            onChange={(file) => void pick(file)}
            resetRef={resetRef}
            disabled={uploading}
            inputProps={{ 'aria-label': 'Profile photo', 'aria-describedby': descriptionId }}
          >
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                leftSection={<IconPhotoPlus size={14} aria-hidden />}
                loading={uploading}
                aria-describedby={descriptionId}
                data-testid="profile-photo-upload"
              >
                {photoUrl ? 'Replace photo' : 'Upload photo'}
              </Button>
            )}
          </FileButton>
          {photoUrl && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              disabled={uploading}
              onClick={() => {
                setError(null);
                onChange(undefined);
              }}
            >
              Remove photo
            </Button>
          )}
        </Group>
      </Group>
      {uploading && (
        <Stack gap={2}>
          <Text size="xs" aria-live="polite">
            Uploading… {Math.round(progress * 100)}%
          </Text>
          <Progress value={progress * 100} size="sm" aria-label="Uploading the photo" />
        </Stack>
      )}
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" p="xs">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
