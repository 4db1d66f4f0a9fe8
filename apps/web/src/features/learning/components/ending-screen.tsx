import type { AttemptState } from '@countersign/contracts/learning';
import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ArtefactView } from './artefacts/artefact-view';
import { Narrative } from './narrative';
import { PathReview } from './path-review';
import { RedFlagList } from './red-flag-list';
import { ScreenHeading } from './screen-heading';

const OUTCOME = {
  safe: {
    label: 'Safe outcome',
    summary: 'You protected yourself and your organisation.',
    color: 'green',
    Icon: IconShieldCheck,
  },
  compromised: {
    label: 'Compromised',
    summary: 'The approach worked. See where it could have gone differently.',
    color: 'red',
    Icon: IconShieldX,
  },
} as const;

interface EndingScreenProps {
  state: AttemptState & { ending: NonNullable<AttemptState['ending']> };
  onStartQuiz: () => void;
  /** Instead of "Go to the quiz": the way back to a retry, when the quiz was tried before. */
  quizAction?: ReactNode;
}

/** How the scenario ended, why, and the red flags met on the way; then on to the quiz. */
export function EndingScreen({ state, onStartQuiz, quizAction }: EndingScreenProps) {
  const { ending, step } = state;
  const outcome = OUTCOME[ending.outcome];
  return (
    <Stack gap="xl" data-testid="ending" data-outcome={ending.outcome}>
      <Stack gap="sm">
        <ScreenHeading>{step.title}</ScreenHeading>
        <Paper
          withBorder
          radius="md"
          p="md"
          bg={`${outcome.color}.0`}
          style={{ borderLeft: `6px solid var(--mantine-color-${outcome.color}-8)` }}
        >
          <Group gap="md" wrap="nowrap">
            <ThemeIcon color={outcome.color} size={48} radius="xl" aria-hidden>
              <outcome.Icon size={28} />
            </ThemeIcon>
            <div>
              <Text fw={700} fz="lg" c={`${outcome.color}.9`}>
                {outcome.label}
              </Text>
              <Text size="sm">{outcome.summary}</Text>
            </div>
          </Group>
        </Paper>
        <Narrative text={step.narrative} />
      </Stack>
      {step.artefacts.map((artefact, index) => (
        <ArtefactView key={index} artefact={artefact} />
      ))}
      <Stack gap="xs">
        <Title order={3} fz="h5">
          Debrief
        </Title>
        <Narrative text={ending.debrief} />
      </Stack>
      <RedFlagList flags={ending.redFlags} title="Red flags on your path" />
      <PathReview history={state.history} />
      {state.quiz && quizAction}
      {state.quiz && !quizAction && (
        <Group justify="flex-end">
          <Button size="md" rightSection={<IconArrowRight size={18} aria-hidden />} onClick={onStartQuiz}>
            Go to the quiz
          </Button>
        </Group>
      )}
    </Stack>
  );
}
