import { Button, Group } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import {
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import classes from './editor-workspace.module.css';

const PANEL_MIN = 440;
const PANEL_DEFAULT = 500;
const STEPS_WIDTH = 250;
/** The canvas keeps at least this much room when the panel is widened. */
const CANVAS_MIN = 320;
const STEP = 40;
const MIN_HEIGHT = 600;

interface EditorWorkspaceProps {
  /** Buttons above the canvas; the steps list's toggle comes first. */
  toolbar: ReactNode;
  /** The steps list: the keyboard's way to every step. */
  steps: ReactNode;
  canvas: ReactNode;
  /** The selected step's editor; null closes the panel and gives the canvas its room back. */
  panel: ReactNode | null;
}

/**
 * The scenario tab's working area, as tall as the window: a collapsible steps column, the canvas
 * taking whatever room is left, and the step panel on the right, resizable by its edge (drag it,
 * or focus it and use the arrow keys). Widths are remembered per browser.
 */
export function EditorWorkspace({ toolbar, steps, canvas, panel }: EditorWorkspaceProps) {
  const [stepsOpen, setStepsOpen] = useLocalStorage({
    key: 'countersign.editor.steps-open',
    defaultValue: typeof window === 'undefined' || window.innerWidth >= 1600,
    getInitialValueInEffect: false,
  });
  const [panelWidth, setPanelWidth] = useLocalStorage({
    key: 'countersign.editor.panel-width',
    defaultValue: PANEL_DEFAULT,
    getInitialValueInEffect: false,
  });
  const root = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState<number | null>(null);

  // Down to the window's bottom edge (at least MIN_HEIGHT). Measured after every render, as
  // what stands above (alerts, the problems list) changes.
  useLayoutEffect(() => {
    const measure = () => {
      if (!root.current) return;
      const top = root.current.getBoundingClientRect().top + window.scrollY;
      const next = Math.max(MIN_HEIGHT, Math.round(window.innerHeight - top - 16));
      setHeight((current) => (current === next ? current : next));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });

  const maxWidth = () =>
    Math.max(PANEL_MIN, (root.current?.clientWidth ?? 1200) - CANVAS_MIN - (stepsOpen ? STEPS_WIDTH : 0));
  const clamp = (width: number) => Math.round(Math.min(maxWidth(), Math.max(PANEL_MIN, width)));

  const startResize = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = panelWidth;
    const move = (e: globalThis.PointerEvent) => setPanelWidth(clamp(startWidth + startX - e.clientX));
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
  };

  const resizeByKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = { ArrowLeft: STEP, ArrowRight: -STEP, Home: Infinity, End: -Infinity }[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    setPanelWidth(clamp(panelWidth + delta));
  };

  return (
    <>
      <Group gap="xs" mb="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={
            stepsOpen ? (
              <IconLayoutSidebarLeftCollapse size={14} aria-hidden />
            ) : (
              <IconLayoutSidebarLeftExpand size={14} aria-hidden />
            )
          }
          aria-expanded={stepsOpen}
          aria-controls="editor-steps-list"
          onClick={() => setStepsOpen((open) => !open)}
        >
          {stepsOpen ? 'Hide steps list' : 'Show steps list'}
        </Button>
        {toolbar}
      </Group>
      <div
        ref={root}
        className={classes.workspace}
        style={
          {
            '--panel-width': `${clamp(panelWidth)}px`,
            ...(height ? { '--workspace-height': `${height}px` } : {}),
          } as CSSProperties
        }
      >
        <div id="editor-steps-list" className={classes.steps} hidden={!stepsOpen}>
          {steps}
        </div>
        <div className={classes.canvas}>{canvas}</div>
        {panel && (
          <>
            <div
              role="separator"
              aria-orientation="vertical"
              aria-label="Resize the step panel"
              aria-valuenow={clamp(panelWidth)}
              aria-valuemin={PANEL_MIN}
              aria-valuemax={maxWidth()}
              tabIndex={0}
              className={classes.resizer}
              onPointerDown={startResize}
              onKeyDown={resizeByKey}
            />
            <div className={classes.panel}>{panel}</div>
          </>
        )}
      </div>
    </>
  );
}
