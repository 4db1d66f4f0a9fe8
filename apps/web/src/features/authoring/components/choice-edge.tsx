import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import classes from './scenario-canvas.module.css';

export interface ChoiceEdgeData extends Record<string, unknown> {
  /** The choice's whole label: the edge shows two lines of it, the tooltip all of it. */
  label: string;
  onSelect: () => void;
}

export type ChoiceEdgeType = Edge<ChoiceEdgeData, 'choice'>;

/**
 * A choice between two steps, its label on a card at the middle of the line: 13 px text on an
 * opaque background, wrapped to two lines that fit between the columns of the auto-layout (a
 * bare SVG label is 10 px on one line and runs into the steps).
 */
export function ChoiceEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerEnd,
  selected,
  data,
}: EdgeProps<ChoiceEdgeType>) {
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  const label = data?.label.trim() ?? '';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      {label && (
        <EdgeLabelRenderer>
          <div
            className={`${classes.edgeLabel} nodrag nopan`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-selected={selected || undefined}
            title={label}
            onClick={data?.onSelect}
            data-testid="choice-label"
          >
            <span className={classes.edgeLabelText}>{label}</span>
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
