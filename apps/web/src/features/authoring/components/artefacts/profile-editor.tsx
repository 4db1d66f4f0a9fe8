import type { ProfileCardArtefact } from '@countersign/scenario-engine';
import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId } from 'react';
import { ARTEFACT_LIMITS, moveItem, optionalText, removeAt, replaceAt } from './artefact-ops';
import {
  countedLegend,
  focusSoon,
  ItemActions,
  lengthHint,
  MARKDOWN_HINT,
  requiredError,
  TextListEditor,
  type ArtefactChange,
} from './form-parts';
import { PhotoUpload } from './photo-upload';

const LIMIT = ARTEFACT_LIMITS.profile;
type Job = ProfileCardArtefact['history'][number];

interface ProfileEditorProps {
  profile: ProfileCardArtefact;
  onChange: ArtefactChange<ProfileCardArtefact>;
}

/** The fields of a recruiter (or any) profile card. */
export function ProfileEditor({ profile, onChange }: ProfileEditorProps) {
  const set = (patch: Partial<ProfileCardArtefact>, key: string) =>
    onChange((p) => ({ ...p, ...patch }), key);
  const historyGroup = useId();

  const setHistory = (history: Job[], key?: string) => onChange((p) => ({ ...p, history }), key);
  const setJob = (index: number, patch: Partial<Job>, key: string) =>
    onChange(
      (p) => ({ ...p, history: replaceAt(p.history, index, { ...p.history[index], ...patch }) }),
      `history.${index}.${key}`,
    );

  return (
    <Stack gap="sm" data-testid="profile-editor">
      <TextInput
        label="Name"
        data-autofocus
        value={profile.name}
        onChange={(e) => set({ name: e.currentTarget.value }, 'name')}
        maxLength={LIMIT.name}
        error={requiredError(profile.name, 'a name')}
        required
      />
      <TextInput
        label="Headline"
        description="The line under the name, e.g. job title and company."
        value={profile.headline}
        onChange={(e) => set({ headline: e.currentTarget.value }, 'headline')}
        maxLength={LIMIT.headline}
        error={requiredError(profile.headline, 'a headline')}
        required
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          label="Company"
          value={profile.company ?? ''}
          onChange={(e) => set({ company: optionalText(e.currentTarget.value) }, 'company')}
          maxLength={LIMIT.company}
        />
        <TextInput
          label="Location"
          value={profile.location ?? ''}
          onChange={(e) => set({ location: optionalText(e.currentTarget.value) }, 'location')}
          maxLength={LIMIT.location}
        />
        <NumberInput
          label="Connections"
          description="500 or more shows as “500+”."
          value={profile.connections}
          onChange={(value) => set({ connections: typeof value === 'number' ? value : 0 }, 'connections')}
          min={0}
          max={LIMIT.connections}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          required
        />
        <NumberInput
          label="Account age (months)"
          description="Leave empty to hide; 0 means this month."
          value={profile.accountAgeMonths ?? ''}
          onChange={(value) =>
            set({ accountAgeMonths: typeof value === 'number' ? value : undefined }, 'accountAgeMonths')
          }
          min={0}
          max={LIMIT.accountAgeMonths}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
        />
      </SimpleGrid>
      <PhotoUpload
        name={profile.name}
        photoUrl={profile.photoUrl}
        onChange={(photoUrl) => onChange((p) => ({ ...p, photoUrl }))}
      />
      <Textarea
        label="About"
        description={lengthHint(profile.about ?? '', LIMIT.about, `Optional. ${MARKDOWN_HINT}`)}
        value={profile.about ?? ''}
        onChange={(e) => set({ about: optionalText(e.currentTarget.value) }, 'about')}
        maxLength={LIMIT.about}
        autosize
        minRows={3}
        maxRows={10}
      />

      <Fieldset
        legend={countedLegend('Experience', profile.history.length, LIMIT.history)}
        variant="filled"
        p="sm"
        data-testid="profile-history"
      >
        <Stack gap="xs">
          {profile.history.length === 0 && (
            <Text size="sm" c="dimmed">
              No jobs listed. A profile with no history is itself a warning sign.
            </Text>
          )}
          {profile.history.map((job, index) => (
            <Fieldset key={index} legend={`Job ${index + 1}`} p="xs" variant="default">
              <Group justify="flex-end" mt={-8} mb={4}>
                <ItemActions
                  group={historyGroup}
                  name={`job ${index + 1}`}
                  index={index}
                  count={profile.history.length}
                  onMove={(from, to) => setHistory(moveItem(profile.history, from, to))}
                  onRemove={() => {
                    setHistory(removeAt(profile.history, index));
                    focusSoon(`${historyGroup}-add`);
                  }}
                />
              </Group>
              <Stack gap="xs">
                <TextInput
                  id={`${historyGroup}-${index}-input`}
                  label="Role"
                  value={job.role}
                  onChange={(e) => setJob(index, { role: e.currentTarget.value }, 'role')}
                  maxLength={LIMIT.role}
                  error={requiredError(job.role, 'the role')}
                  required
                />
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
                  <TextInput
                    label="Organisation"
                    value={job.organisation}
                    onChange={(e) => setJob(index, { organisation: e.currentTarget.value }, 'organisation')}
                    maxLength={LIMIT.organisation}
                    error={requiredError(job.organisation, 'the organisation')}
                    required
                  />
                  <TextInput
                    label="Period"
                    placeholder="2019 – present"
                    value={job.period}
                    onChange={(e) => setJob(index, { period: e.currentTarget.value }, 'period')}
                    maxLength={LIMIT.period}
                    error={requiredError(job.period, 'the period')}
                    required
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>
          ))}
          <Group gap="sm">
            <Button
              id={`${historyGroup}-add`}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={profile.history.length >= LIMIT.history}
              onClick={() => {
                setHistory([
                  ...profile.history,
                  { role: 'Role', organisation: 'Organisation', period: '2024 – present' },
                ]);
                focusSoon(`${historyGroup}-${profile.history.length}-input`);
              }}
            >
              Add job
            </Button>
            {profile.history.length >= LIMIT.history && (
              <Text size="xs" c="dimmed">
                That is the most allowed ({LIMIT.history}).
              </Text>
            )}
          </Group>
        </Stack>
      </Fieldset>

      <TextListEditor
        legend="Activity posts"
        itemLabel="Post"
        noun="post"
        values={profile.activity}
        max={LIMIT.activity}
        maxLength={LIMIT.post}
        newValue="Shared an article about…"
        onChange={(activity, key) =>
          onChange((p) => ({ ...p, activity }), key === undefined ? undefined : `activity.${key}`)
        }
        multiline
        description={`Recent posts shown under the profile, up to ${LIMIT.post} characters each.`}
      />
    </Stack>
  );
}
