import type { Question, RuleSet } from '@countersign/approach-checker';
import { Box, Code, Table, Text } from '@mantine/core';
import { ScrollTable } from '../../../components/ui/scroll-table';

const weightText = (weight: number | undefined) => (weight === undefined ? 'Catalogue' : String(weight));

/** Patterns in a scroll box; focusable, so that keyboard users can scroll it too. */
function PatternList({ patterns, label }: { patterns: readonly string[]; label: string }) {
  return (
    <Box mah={180} style={{ overflowY: 'auto' }} tabIndex={0} role="group" aria-label={label}>
      {patterns.map((pattern, index) => (
        <Code
          key={index}
          fz="xs"
          p={6}
          mb={4}
          style={{ display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {pattern}
        </Code>
      ))}
    </Box>
  );
}

interface AnswerRulesTableProps {
  rules: RuleSet['answerRules'];
  questions: readonly Question[];
}

/** Rules that turn a guided answer into a red flag. */
export function AnswerRulesTable({ rules, questions }: AnswerRulesTableProps) {
  if (rules.length === 0) return <Text c="dimmed">No answer rules.</Text>;
  const byId = new Map(questions.map((question) => [question.id, question]));
  return (
    <ScrollTable label="Answer rules" minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rule</Table.Th>
          <Table.Th>Question</Table.Th>
          <Table.Th>Answers that fire it</Table.Th>
          <Table.Th>Red flag</Table.Th>
          <Table.Th>Weight</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((rule) => {
          const question = byId.get(rule.questionId);
          return (
            <Table.Tr key={rule.id}>
              <Table.Td ff="monospace" fz="sm">
                {rule.id}
              </Table.Td>
              <Table.Td fz="sm">{question?.prompt ?? rule.questionId}</Table.Td>
              <Table.Td fz="sm">
                {rule.optionIds
                  .map((id) => question?.options.find((option) => option.id === id)?.label ?? id)
                  .join('; ')}
                {rule.explanation && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {rule.explanation}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace" fz="sm">
                {rule.flag}
              </Table.Td>
              <Table.Td>{weightText(rule.weight)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** Rules that find red flags in a pasted message, with their patterns. */
export function TextRulesTable({ rules }: { rules: RuleSet['textRules'] }) {
  if (rules.length === 0) return <Text c="dimmed">No text rules.</Text>;
  return (
    <ScrollTable label="Text rules" minWidth={1000}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rule</Table.Th>
          <Table.Th>Looks for</Table.Th>
          <Table.Th>Patterns</Table.Th>
          <Table.Th>Unless</Table.Th>
          <Table.Th>Red flag</Table.Th>
          <Table.Th>Weight</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((rule) => (
          <Table.Tr key={rule.id} style={{ verticalAlign: 'top' }}>
            <Table.Td ff="monospace" fz="sm">
              {rule.id}
            </Table.Td>
            <Table.Td fz="sm" miw={200} maw={260}>
              {rule.description}
              {rule.sentences && rule.sentences > 1 && (
                <Text size="xs" c="dimmed" mt={4}>
                  Matches across up to {rule.sentences} sentences.
                </Text>
              )}
            </Table.Td>
            <Table.Td miw={260}>
              <PatternList patterns={rule.patterns} label={`Patterns of ${rule.id}`} />
            </Table.Td>
            <Table.Td miw={200}>
              {rule.unless && rule.unless.length > 0 ? (
                <PatternList patterns={rule.unless} label={`Exceptions of ${rule.id}`} />
              ) : (
                '—'
              )}
            </Table.Td>
            <Table.Td ff="monospace" fz="sm">
              {rule.flag}
            </Table.Td>
            <Table.Td>{weightText(rule.weight)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
