// Loaded with the pages that show it, not with the first page (see app/providers.tsx).
import '@mantine/charts/styles.css';
import type { CorpusEvaluation } from '@countersign/approach-checker';
import { BarChart } from '@mantine/charts';
import { Alert, Badge, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { PlainList } from '../../../components/ui/plain-list';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { formatCount, formatPercent } from '../../../lib/format';
import { RatingBadge } from './report-badges';

const pct = (ratio: number) => Math.round(ratio * 1000) / 10;

const SERIES = [
  { name: 'Precision', color: 'navy.6' },
  { name: 'Recall', color: 'green.7' },
  { name: 'F1', color: 'orange.7' },
];

/**
 * One figure on both sets, labelled: the held-out value leads (it is what to expect on messages
 * the rules have not seen); the value on the corpus the rules were tuned on follows, smaller.
 */
function Figure({
  label,
  detail,
  holdout,
  tuned,
}: {
  label: string;
  detail: string;
  holdout: number;
  tuned: number;
}) {
  return (
    <div data-testid="rules-figure">
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        <Text span fz={28} fw={700} lh={1.2}>
          {formatPercent(pct(holdout))}
        </Text>{' '}
        <Text span size="sm" fw={600}>
          held out
        </Text>
        <Text size="sm">
          {formatPercent(pct(tuned))}{' '}
          <Text span c="dimmed">
            on the tuning corpus
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      </Text>
    </div>
  );
}

interface RulesEvaluationProps {
  /** On the built-in corpus: the messages the built-in rules were written and tuned on. */
  evaluation: CorpusEvaluation;
  /** On the held-out messages the rules were never tuned on. */
  holdout: CorpusEvaluation;
}

/**
 * How the rules do on example messages, on two sets side by side: the built-in corpus the rules
 * were tuned on (an optimistic figure) and the held-out messages they were not (what to expect).
 * Showing only the first told administrators the text rules catch 93 % of hostile messages when,
 * on wording they have not seen, they catch about a third.
 */
export function RulesEvaluation({ evaluation, holdout }: RulesEvaluationProps) {
  const sets = [
    { key: 'holdout', name: 'Held out', evaluation: holdout },
    { key: 'tuned', name: 'Tuning corpus', evaluation },
  ] as const;
  const chart = sets.flatMap(({ name, evaluation: e }) => [
    {
      level: `Messages, ${name.toLowerCase()}`,
      Precision: pct(e.messages.precision),
      Recall: pct(e.messages.recall),
      F1: pct(e.messages.f1),
    },
    {
      level: `Red flags, ${name.toLowerCase()}`,
      Precision: pct(e.flags.precision),
      Recall: pct(e.flags.recall),
      F1: pct(e.flags.f1),
    },
  ]);
  const wrong = sets.flatMap(({ key, name, evaluation: e }) =>
    e.outcomes
      .filter((outcome) => outcome.flagged !== outcome.hostile)
      .map((outcome) => ({ ...outcome, set: name, rowKey: `${key}-${outcome.id}` })),
  );
  const { flags } = evaluation;
  const perFlag = Object.entries(flags.perFlag).filter(
    (entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== undefined,
  );
  const describe = (e: CorpusEvaluation) =>
    `${formatCount(e.corpusSize)} messages (${formatCount(e.hostileCount)} hostile, ${formatCount(e.benignCount)} benign)`;

  return (
    <Stack gap="lg">
      <Text size="sm">
        Rules version {evaluation.rulesVersion}, each example checked as pasted text only; a message counts as
        flagged when it is rated medium or high. Measured on two sets:
      </Text>
      <PlainList gap={4}>
        <li>
          <Text size="sm">
            <Text span fw={600}>
              Held out
            </Text>
            : {describe(holdout)} the rules were never tuned on. This is what to expect of wording the rules
            have not seen.
          </Text>
        </li>
        <li>
          <Text size="sm">
            <Text span fw={600}>
              Tuning corpus
            </Text>
            : {describe(evaluation)} the built-in rules were written and tuned on. Its figures are optimistic.
          </Text>
        </li>
      </PlainList>
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm">
        On messages they have not seen, the text rules flag {formatPercent(pct(holdout.messages.recall))} of
        hostile ones ({formatPercent(pct(evaluation.messages.recall))} on the messages they were tuned on).
        They add evidence next to the employee’s answers, which carry the rating: a message they rate low is
        not cleared. Editing the rules until the held-out figures rise makes them a tuning set too.
      </Alert>
      <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="lg" m={0}>
        <Figure
          label="Message precision"
          holdout={holdout.messages.precision}
          tuned={evaluation.messages.precision}
          detail="of flagged messages were hostile"
        />
        <Figure
          label="Message recall"
          holdout={holdout.messages.recall}
          tuned={evaluation.messages.recall}
          detail="of hostile messages were flagged"
        />
        <Figure
          label="Flag precision"
          holdout={holdout.flags.precision}
          tuned={evaluation.flags.precision}
          detail="of raised flags were expected"
        />
        <Figure
          label="Flag recall"
          holdout={holdout.flags.recall}
          tuned={evaluation.flags.recall}
          detail="of expected flags were raised"
        />
      </SimpleGrid>
      <div>
        <BarChart
          h={260}
          data={chart}
          dataKey="level"
          series={SERIES}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ domain: [0, 100] }}
          valueFormatter={(value) => `${value}%`}
          gridAxis="y"
          maxBarWidth={40}
        />
        <Text size="xs" c="dimmed" mt="xs">
          The same figures appear above and in the table below.
        </Text>
      </div>
      <ScrollTable label="Precision and recall" minWidth={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Level</Table.Th>
            <Table.Th>Messages measured</Table.Th>
            <Table.Th>Precision</Table.Th>
            <Table.Th>Recall</Table.Th>
            <Table.Th>F1</Table.Th>
            <Table.Th>True / false positives</Table.Th>
            <Table.Th>Missed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sets.flatMap(({ key, name, evaluation: e }) =>
            [
              { level: 'Messages', counts: e.messages },
              { level: 'Red flags', counts: e.flags },
            ].map(({ level, counts }) => (
              <Table.Tr key={`${key}-${level}`}>
                <Table.Td fw={500}>{level}</Table.Td>
                <Table.Td>
                  {name} ({formatCount(e.corpusSize)})
                </Table.Td>
                <Table.Td>{formatPercent(pct(counts.precision))}</Table.Td>
                <Table.Td>{formatPercent(pct(counts.recall))}</Table.Td>
                <Table.Td>{formatPercent(pct(counts.f1))}</Table.Td>
                <Table.Td>
                  {formatCount(counts.truePositives)} / {formatCount(counts.falsePositives)}
                </Table.Td>
                <Table.Td>{formatCount(counts.falseNegatives)}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </ScrollTable>

      <Stack gap="xs">
        <Title order={3} fz="h5">
          Messages the rules get wrong ({wrong.length})
        </Title>
        {wrong.length === 0 ? (
          <Text size="sm" c="dimmed">
            Every example message is rated as its label says.
          </Text>
        ) : (
          <ScrollTable label="Messages the rules get wrong" minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Example</Table.Th>
                <Table.Th>Set</Table.Th>
                <Table.Th>Label</Table.Th>
                <Table.Th>Rated</Table.Th>
                <Table.Th>Score</Table.Th>
                <Table.Th>Missed flags</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {wrong.map((outcome) => (
                <Table.Tr key={outcome.rowKey}>
                  <Table.Td ff="monospace" fz="sm">
                    {outcome.id}
                  </Table.Td>
                  <Table.Td fz="sm">{outcome.set}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={outcome.hostile ? 'red' : 'gray'}>
                      {outcome.hostile ? 'Hostile' : 'Benign'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RatingBadge rating={outcome.rating} />
                  </Table.Td>
                  <Table.Td>{outcome.score}</Table.Td>
                  <Table.Td fz="sm">{outcome.missedFlags.join(', ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>

      {perFlag.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="h5">
            By red flag, on the tuning corpus
          </Title>
          <ScrollTable label="Precision and recall by red flag" minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Red flag</Table.Th>
                <Table.Th>Precision</Table.Th>
                <Table.Th>Recall</Table.Th>
                <Table.Th>Raised correctly</Table.Th>
                <Table.Th>Raised wrongly</Table.Th>
                <Table.Th>Missed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {perFlag.map(([key, counts]) => (
                <Table.Tr key={key}>
                  <Table.Td ff="monospace" fz="sm" style={noWrap}>
                    {key}
                  </Table.Td>
                  <Table.Td>{formatPercent(pct(counts.precision))}</Table.Td>
                  <Table.Td>{formatPercent(pct(counts.recall))}</Table.Td>
                  <Table.Td>{formatCount(counts.truePositives)}</Table.Td>
                  <Table.Td>{formatCount(counts.falsePositives)}</Table.Td>
                  <Table.Td>{formatCount(counts.falseNegatives)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Stack>
      )}
    </Stack>
  );
}
