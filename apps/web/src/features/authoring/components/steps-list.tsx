import type { ModuleContent } from '@countersign/scenario-engine';
import { Badge, Group, NavLink, Stack, Text, Title } from '@mantine/core';

interface StepsListProps {
  content: ModuleContent;
  selectedStepId: string | null;
  stepsWithErrors: ReadonlySet<string>;
  onSelect: (stepId: string) => void;
}

/** Every step as a plain list: the keyboard- and screen-reader-friendly way to the step editor. */
export function StepsList({ content, selectedStepId, stepsWithErrors, onSelect }: StepsListProps) {
  return (
    <Stack gap={4} component="nav" aria-label="Steps">
      <Title order={2} fz="h5">
        Steps ({content.scenario.steps.length})
      </Title>
      {content.scenario.steps.map((step) => (
        <NavLink
          key={step.id}
          component="button"
          active={step.id === selectedStepId}
          aria-current={step.id === selectedStepId ? 'true' : undefined}
          onClick={() => onSelect(step.id)}
          label={
            <Text size="sm" lineClamp={2} title={step.title} style={{ overflowWrap: 'anywhere' }}>
              {step.title || 'Untitled step'}
            </Text>
          }
          description={
            <Group gap={4} mt={2}>
              {step.id === content.scenario.start && (
                <Badge size="xs" color="blue.9">
                  Start
                </Badge>
              )}
              {step.ending && (
                <Badge size="xs" color={step.ending.outcome === 'safe' ? 'green' : 'red'} variant="light">
                  {step.ending.outcome === 'safe' ? 'Safe ending' : 'Compromised'}
                </Badge>
              )}
              {stepsWithErrors.has(step.id) && (
                <Badge size="xs" color="red" variant="outline">
                  Problems
                </Badge>
              )}
            </Group>
          }
        />
      ))}
    </Stack>
  );
}
