import { Button, Stack, Title } from '@mantine/core';
import type { StepView } from '@countersign/scenario-engine';
import classes from './player.module.css';

interface ChoiceListProps {
  choices: StepView['choices'];
  pendingChoiceId: string | null;
  onChoose: (choiceId: string) => void;
}

/** The step's options as large buttons; each button's accessible name is the choice's label. */
export function ChoiceList({ choices, pendingChoiceId, onChoose }: ChoiceListProps) {
  return (
    <Stack gap="sm" data-testid="choices">
      <Title order={3} fz="h4">
        What do you do?
      </Title>
      {choices.map((choice, index) => (
        <Button
          key={choice.id}
          variant="default"
          size="lg"
          fullWidth
          justify="flex-start"
          className={classes.choice}
          leftSection={
            <span className={classes.choiceKey} aria-hidden>
              {String.fromCharCode(65 + index)}
            </span>
          }
          loading={pendingChoiceId === choice.id}
          disabled={pendingChoiceId !== null && pendingChoiceId !== choice.id}
          onClick={() => onChoose(choice.id)}
        >
          {choice.label}
        </Button>
      ))}
    </Stack>
  );
}
