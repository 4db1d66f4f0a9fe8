import { Badge, Group, Text } from '@mantine/core';
import { IconFlag, IconPlayerPlay } from '@tabler/icons-react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import classes from './scenario-canvas.module.css';

export interface StepNodeData extends Record<string, unknown> {
  title: string;
  isStart: boolean;
  outcome: 'safe' | 'compromised' | null;
  hasErrors: boolean;
}

export type StepNodeType = Node<StepNodeData, 'step'>;

/** One step on the canvas; authored text is rendered as plain text. */
export function StepNode({ data, selected }: NodeProps<StepNodeType>) {
  return (
    <div
      className={classes.node}
      data-selected={selected || undefined}
      data-errors={data.hasErrors || undefined}
      data-testid="step-node"
    >
      <Handle type="target" position={Position.Left} title="Incoming choices" />
      <Group gap={4} mb={4} wrap="nowrap">
        {data.isStart && (
          <Badge
            size="xs"
            color="blue"
            variant="filled"
            leftSection={<IconPlayerPlay size={10} aria-hidden />}
          >
            Start
          </Badge>
        )}
        {data.outcome && (
          <Badge
            size="xs"
            color={data.outcome === 'safe' ? 'green' : 'red'}
            variant="light"
            leftSection={<IconFlag size={10} aria-hidden />}
          >
            {data.outcome === 'safe' ? 'Safe ending' : 'Compromised'}
          </Badge>
        )}
        {data.hasErrors && (
          <Badge size="xs" color="red" variant="outline">
            Problems
          </Badge>
        )}
      </Group>
      <Text size="sm" fw={600} lineClamp={2} title={data.title} style={{ overflowWrap: 'anywhere' }}>
        {data.title || 'Untitled step'}
      </Text>
      {!data.outcome && (
        <Handle type="source" position={Position.Right} title="Drag to another step to add a choice" />
      )}
    </div>
  );
}
