import type { ModuleContent, ValidationIssue } from '@countersign/scenario-engine';
import { Alert, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { PlainList } from '../../../components/ui/plain-list';
import { stepOfIssue } from '../editor/content-ops';

interface ValidationPanelProps {
  content: ModuleContent;
  issues: readonly ValidationIssue[];
  onSelectStep: (stepId: string) => void;
  onSelectQuiz: () => void;
}

/** The problems found at the last save; each one leads to the step (or the quiz) at fault. */
export function ValidationPanel({ content, issues, onSelectStep, onSelectQuiz }: ValidationPanelProps) {
  if (issues.length === 0) {
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        p="sm"
        data-testid="validation-ok"
      >
        No problems found: the module can be published.
      </Alert>
    );
  }
  return (
    <Stack gap="xs" data-testid="validation-issues">
      <Text size="sm" c="red.8" fw={600} role="status">
        {issues.length === 1 ? '1 problem' : `${issues.length} problems`} to fix before publishing
      </Text>
      <PlainList gap={6}>
        {issues.map((issue, index) => {
          const stepId = stepOfIssue(content, issue);
          const inQuiz = !stepId && (issue.questionId !== undefined || issue.path.startsWith('quiz'));
          const target = stepId ?? (inQuiz ? 'quiz' : undefined);
          return (
            <li key={`${issue.path}-${issue.code}-${index}`}>
              <UnstyledButton
                onClick={() => (stepId ? onSelectStep(stepId) : inQuiz && onSelectQuiz())}
                disabled={!target}
                style={{ display: 'flex', gap: 8, alignItems: 'flex-start', textAlign: 'left' }}
              >
                <IconAlertCircle
                  size={16}
                  color="var(--mantine-color-red-7)"
                  aria-hidden
                  style={{ flexShrink: 0 }}
                />
                <Text size="sm" td={target ? 'underline' : undefined}>
                  {issue.message}
                </Text>
              </UnstyledButton>
            </li>
          );
        })}
      </PlainList>
    </Stack>
  );
}
