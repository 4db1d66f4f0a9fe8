import type { ChoiceFeedback } from '@countersign/contracts/learning';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Narrative } from './narrative';
import { RedFlagList } from './red-flag-list';
import { ScreenHeading } from './screen-heading';
import classes from './player.module.css';

interface FeedbackScreenProps {
  feedback: ChoiceFeedback;
  onContinue: () => void;
}

/** What the last choice meant, and the red flags it involved. */
export function FeedbackScreen({ feedback, onContinue }: FeedbackScreenProps) {
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} data-testid="choice-feedback">
      <Stack gap="lg">
        <ScreenHeading>Feedback on your choice</ScreenHeading>
        <Stack gap={4} className={classes.choiceQuote}>
          <Text size="sm" c="dimmed">
            {feedback.stepTitle} · you chose
          </Text>
          <Text fw={600}>{feedback.choiceLabel}</Text>
        </Stack>
        <Narrative text={feedback.feedback} />
        <RedFlagList flags={feedback.redFlags} title="Red flags in this step" />
        <Group justify="flex-end">
          <Button size="md" rightSection={<IconArrowRight size={18} aria-hidden />} onClick={onContinue}>
            Continue
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
