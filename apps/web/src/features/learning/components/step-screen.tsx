import type { StepView } from '@countersign/scenario-engine';
import { Stack } from '@mantine/core';
import { ArtefactView } from './artefacts/artefact-view';
import { ChoiceList } from './choice-list';
import { Narrative } from './narrative';
import { ScreenHeading } from './screen-heading';

interface StepScreenProps {
  step: StepView;
  pendingChoiceId: string | null;
  onChoose: (choiceId: string) => void;
}

export function StepScreen({ step, pendingChoiceId, onChoose }: StepScreenProps) {
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <ScreenHeading>{step.title}</ScreenHeading>
        <Narrative text={step.narrative} size="md" />
      </Stack>
      {step.artefacts.map((artefact, index) => (
        <ArtefactView key={index} artefact={artefact} />
      ))}
      <ChoiceList choices={step.choices} pendingChoiceId={pendingChoiceId} onChoose={onChoose} />
    </Stack>
  );
}
