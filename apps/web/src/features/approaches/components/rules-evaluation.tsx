// Loaded with the pages that show it, not with the first page (see app/providers.tsx).
import '@mantine/charts/styles.css';
import type { CorpusEvaluation } from '@countersign/approach-checker';
import { BarChart } from '@mantine/charts';
import { Badge, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { formatCount, formatPercent } from '../../../lib/format';
import { RatingBadge } from './report-badges';

const pct = (ratio: number) => Math.round(ratio * 1000) / 10;

const SERIES = [
  { name: 'Precision', color: 'navy.6' },
  { name: 'Recall', color: 'green.7' },
  { name: 'F1', color: 'orange.7' },
];

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        <Text span fz={28} fw={700} lh={1.2}>
          {value}
        </Text>
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      </Text>
    </div>
  );
}

/** How the rules do on the built-in corpus of benign and hostile example messages. */
export function RulesEvaluation({ evaluation }: { evaluation: CorpusEvaluation }) {
  const { messages, flags } = evaluation;
  const chart = [
    {
      level: 'Messages',
      Precision: pct(messages.precision),
      Recall: pct(messages.recall),
      F1: pct(messages.f1),
    },
    { level: 'Red flags', Precision: pct(flags.precision), Recall: pct(flags.recall), F1: pct(flags.f1) },
  ];
  const wrong = evaluation.outcomes.filter((outcome) => outcome.flagged !== outcome.hostile);
  const perFlag = Object.entries(flags.perFlag).filter(
    (entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== undefined,
  );

  return (
    <Stack gap="lg">
      <Text size="sm">
        Rules version {evaluation.rulesVersion}, measured on {formatCount(evaluation.corpusSize)} example
        messages ({formatCount(evaluation.hostileCount)} hostile, {formatCount(evaluation.benignCount)}{' '}
        benign), each checked as pasted text only. A message counts as flagged when it is rated medium or
        high.
      </Text>
      <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="lg" m={0}>
        <Figure
          label="Message precision"
          value={formatPercent(pct(messages.precision))}
          detail="of flagged messages were hostile"
        />
        <Figure
          label="Message recall"
          value={formatPercent(pct(messages.recall))}
          detail="of hostile messages were flagged"
        />
        <Figure
          label="Flag precision"
          value={formatPercent(pct(flags.precision))}
          detail="of raised flags were expected"
        />
        <Figure
          label="Flag recall"
          value={formatPercent(pct(flags.recall))}
          detail="of expected flags were raised"
        />
      </SimpleGrid>
      <div>
        <BarChart
          h={220}
          data={chart}
          dataKey="level"
          series={SERIES}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ domain: [0, 100] }}
          valueFormatter={(value) => `${value}%`}
          gridAxis="y"
          maxBarWidth={56}
        />
        <Text size="xs" c="dimmed" mt="xs">
          The same figures appear above and in the table below.
        </Text>
      </div>
      <ScrollTable label="Precision and recall" minWidth={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Level</Table.Th>
            <Table.Th>Precision</Table.Th>
            <Table.Th>Recall</Table.Th>
            <Table.Th>F1</Table.Th>
            <Table.Th>True / false positives</Table.Th>
            <Table.Th>Missed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[
            { name: 'Messages', counts: messages },
            { name: 'Red flags', counts: flags },
          ].map(({ name, counts }) => (
            <Table.Tr key={name}>
              <Table.Td fw={500}>{name}</Table.Td>
              <Table.Td>{formatPercent(pct(counts.precision))}</Table.Td>
              <Table.Td>{formatPercent(pct(counts.recall))}</Table.Td>
              <Table.Td>{formatPercent(pct(counts.f1))}</Table.Td>
              <Table.Td>
                {formatCount(counts.truePositives)} / {formatCount(counts.falsePositives)}
              </Table.Td>
              <Table.Td>{formatCount(counts.falseNegatives)}</Table.Td>
            </Table.Tr>
          ))}
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
                <Table.Th>Label</Table.Th>
                <Table.Th>Rated</Table.Th>
                <Table.Th>Score</Table.Th>
                <Table.Th>Missed flags</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {wrong.map((outcome) => (
                <Table.Tr key={outcome.id}>
                  <Table.Td ff="monospace" fz="sm">
                    {outcome.id}
                  </Table.Td>
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
            By red flag
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
