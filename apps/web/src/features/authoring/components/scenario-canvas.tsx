import '@xyflow/react/dist/style.css';
import type { ModuleContent } from '@countersign/scenario-engine';
import {
  applyNodeChanges,
  Background,
  Controls,
  getNodesBounds,
  MarkerType,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { autoLayout } from '../editor/content-ops';
import type { Selection } from '../editor/selection';
import { ChoiceEdge, type ChoiceEdgeType } from './choice-edge';
import classes from './scenario-canvas.module.css';
import { StepNode, type StepNodeType } from './step-node';

const nodeTypes = { step: StepNode };
const edgeTypes = { choice: ChoiceEdge };

interface ScenarioCanvasProps {
  content: ModuleContent;
  selection: Selection;
  stepsWithErrors: ReadonlySet<string>;
  onSelect: (selection: Selection) => void;
  onMoveStep: (stepId: string, position: { x: number; y: number }) => void;
  onConnect: (fromStepId: string, toStepId: string) => void;
  onDelete: (stepIds: string[], choices: { stepId: string; choiceId: string }[]) => void;
  /** Changes when the view should be refitted to show every step (after an auto-layout or an added step). */
  fitKey: number;
  /** A step to bring into view, e.g. one picked in the steps list; `key` changes on each request. */
  reveal: { stepId: string; key: number } | null;
}

/** Below this zoom step titles are too small to read. */
const READABLE_ZOOM = 0.75;

/**
 * Shows the whole scenario when it fits at a readable zoom; otherwise its left part (where the
 * start is) at that zoom, so the author starts reading instead of squinting at a thumbnail.
 * The controls' "fit view" button still shows everything.
 */
function useShowScenario() {
  const { getNodes, setViewport } = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (duration: number) => {
      const nodes = getNodes();
      if (nodes.length === 0) return;
      const { width, height } = store.getState();
      const bounds = getNodesBounds(nodes);
      const pad = 40;
      const fit = Math.min((width - 2 * pad) / bounds.width, (height - 2 * pad) / bounds.height);
      const zoom = Math.min(1, Math.max(READABLE_ZOOM, fit));
      const place = (size: number, start: number, room: number) =>
        size * zoom <= room - 2 * pad ? (room - size * zoom) / 2 - start * zoom : pad - start * zoom;
      void setViewport(
        { x: place(bounds.width, bounds.x, width), y: place(bounds.height, bounds.y, height), zoom },
        { duration },
      );
    },
    [getNodes, setViewport, store],
  );
}

/**
 * Shows the scenario on open, and again whenever the canvas changes size until the author moves
 * the view themselves: the canvas widens after it opens (the app's navigation collapses, the
 * steps list or the step panel comes and goes), and a view fitted to the first size would leave
 * the scenario in a corner.
 */
function FitView({ fitKey, moved }: { fitKey: number; moved: RefObject<boolean> }) {
  const show = useShowScenario();
  const initialised = useNodesInitialized();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  useEffect(() => {
    if (!initialised || moved.current) return;
    const frame = requestAnimationFrame(() => show(0));
    return () => cancelAnimationFrame(frame);
  }, [initialised, width, height, show, moved]);
  useEffect(() => {
    if (fitKey === 0) return;
    // Wait a frame so new nodes are measured first.
    const frame = requestAnimationFrame(() => show(200));
    return () => cancelAnimationFrame(frame);
  }, [fitKey, show]);
  return null;
}

/**
 * Brings the step into view: if it is already wholly visible nothing moves (so the author keeps
 * the overview they arranged); otherwise it pans (at the current zoom) to the middle of the canvas.
 */
function Reveal({ reveal }: { reveal: ScenarioCanvasProps['reveal'] }) {
  const { getNode, getZoom, getViewport, setCenter } = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    if (!reveal) return;
    // Wait for the canvas to settle: opening the step panel narrows it.
    const timer = setTimeout(() => {
      const node = getNode(reveal.stepId);
      if (!node) return;
      const width = node.measured?.width ?? 200;
      const height = node.measured?.height ?? 60;
      const { x, y, zoom } = getViewport();
      const { width: canvasWidth, height: canvasHeight } = store.getState();
      const left = node.position.x * zoom + x;
      const top = node.position.y * zoom + y;
      const margin = 16;
      const visible =
        zoom >= READABLE_ZOOM &&
        left >= margin &&
        top >= margin &&
        left + width * zoom <= canvasWidth - margin &&
        top + height * zoom <= canvasHeight - margin;
      if (visible) return;
      void setCenter(node.position.x + width / 2, node.position.y + height / 2, {
        zoom: Math.max(getZoom(), READABLE_ZOOM),
        duration: 250,
      });
    }, 80);
    return () => clearTimeout(timer);
  }, [reveal, getNode, getZoom, getViewport, setCenter, store]);
  return null;
}

export const edgeId = (stepId: string, choiceId: string) => `${stepId}::${choiceId}`;

function parseEdgeId(id: string): { stepId: string; choiceId: string } {
  const [stepId, choiceId] = id.split('::');
  return { stepId, choiceId };
}

/** The scenario as a graph: steps are nodes, choices are edges. */
export function ScenarioCanvas({
  content,
  selection,
  stepsWithErrors,
  onSelect,
  onMoveStep,
  onConnect,
  onDelete,
  fitKey,
  reveal,
}: ScenarioCanvasProps) {
  const [nodes, setNodes] = useState<StepNodeType[]>([]);

  // Steps without a saved position (content written by hand) are placed by the auto-layout.
  const fallback = useMemo(
    () => new Map(autoLayout(content).scenario.steps.map((step) => [step.id, step.position])),
    [content],
  );

  // Nodes follow the content; what xyflow measured is kept so nodes don't flicker.
  useEffect(() => {
    setNodes((previous) => {
      const byId = new Map(previous.map((node) => [node.id, node]));
      return content.scenario.steps.map((step) => {
        const old = byId.get(step.id);
        return {
          id: step.id,
          type: 'step',
          position: step.position ?? fallback.get(step.id) ?? { x: 0, y: 0 },
          measured: old?.measured,
          selected: selection?.kind === 'step' && selection.stepId === step.id,
          ariaLabel: `Step: ${step.title}`,
          data: {
            title: step.title,
            isStart: step.id === content.scenario.start,
            outcome: step.ending?.outcome ?? null,
            hasErrors: stepsWithErrors.has(step.id),
          },
        };
      });
    });
  }, [content, selection, stepsWithErrors, fallback]);

  const edges = useMemo<ChoiceEdgeType[]>(
    () =>
      content.scenario.steps.flatMap((step) =>
        step.choices.map((choice) => ({
          id: edgeId(step.id, choice.id),
          type: 'choice' as const,
          source: step.id,
          target: choice.next,
          data: {
            label: choice.label,
            onSelect: () => onSelect({ kind: 'choice', stepId: step.id, choiceId: choice.id }),
          },
          selected:
            selection?.kind === 'choice' && selection.stepId === step.id && selection.choiceId === choice.id,
          markerEnd: { type: MarkerType.ArrowClosed },
          ariaLabel: `Choice: ${choice.label}`,
        })),
      ),
    [content, selection, onSelect],
  );
  /** Whether the author has panned or zoomed (programmatic moves come without an event). */
  const moved = useRef(false);

  const handleNodesChange = useCallback(
    (changes: NodeChange<StepNodeType>[]) => {
      for (const change of changes) {
        if (change.type === 'select' && change.selected) onSelect({ kind: 'step', stepId: change.id });
        if (change.type === 'position' && change.dragging === false && change.position) {
          onMoveStep(change.id, change.position);
        }
      }
      // Removal goes through onDelete, which edits the content the nodes follow.
      setNodes((current) =>
        applyNodeChanges(
          changes.filter((c) => c.type !== 'remove' && c.type !== 'select'),
          current,
        ),
      );
    },
    [onSelect, onMoveStep],
  );

  const handleEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      for (const change of changes) {
        if (change.type === 'select' && change.selected)
          onSelect({ kind: 'choice', ...parseEdgeId(change.id) });
      }
    },
    [onSelect],
  );

  const handleConnect = useCallback(
    (connection: Connection) => {
      if (connection.source && connection.target) onConnect(connection.source, connection.target);
    },
    [onConnect],
  );

  return (
    <div className={classes.canvas} data-testid="scenario-canvas">
      <ReactFlow<StepNodeType, ChoiceEdgeType>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onMoveStart={(event) => {
          if (event) moved.current = true;
        }}
        onNodesChange={handleNodesChange}
        onEdgesChange={handleEdgesChange}
        onConnect={handleConnect}
        onDelete={({ nodes: gone, edges: goneEdges }) =>
          onDelete(
            gone.map((n) => n.id),
            goneEdges.map((e) => parseEdgeId(e.id)),
          )
        }
        onPaneClick={() => onSelect(null)}
        deleteKeyCode={['Delete', 'Backspace']}
        fitViewOptions={{ minZoom: 0.2, maxZoom: 1 }}
        minZoom={0.2}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        <MiniMap
          pannable
          zoomable
          ariaLabel="Overview of the scenario"
          nodeColor={(node: StepNodeType) =>
            node.data.outcome === 'safe'
              ? 'var(--mantine-color-green-4)'
              : node.data.outcome === 'compromised'
                ? 'var(--mantine-color-red-4)'
                : node.data.isStart
                  ? 'var(--mantine-color-blue-4)'
                  : 'var(--mantine-color-gray-4)'
          }
          nodeStrokeWidth={0}
          style={{ width: 160, height: 100 }}
        />
        <FitView fitKey={fitKey} moved={moved} />
        <Reveal reveal={reveal} />
      </ReactFlow>
    </div>
  );
}
