import type { Tooltip as MantineTooltip, TooltipProps } from '@mantine/core';
import {
  cloneElement,
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type PointerEvent,
  type ReactElement,
  type Ref,
} from 'react';

type TooltipComponent = typeof MantineTooltip;
interface TriggerProps {
  ref?: Ref<HTMLElement>;
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
}

let loaded: TooltipComponent | null = null;
let loading: Promise<TooltipComponent> | null = null;
const loadTooltip = () => (loading ??= import('./tooltip-impl').then((module) => (loaded = module.Tooltip)));

/**
 * Mantine's Tooltip, fetched with the first hover on or focus of its target, for the app shell:
 * its positioning code (floating-ui) would otherwise be a tenth of the first page's download.
 * Until then the target renders alone; a disabled one never fetches it. When it arrives the target
 * is rendered anew inside it, and keeps the keyboard focus if it had it.
 */
export function TooltipOnDemand({ children, disabled, ...props }: TooltipProps & { children: ReactElement }) {
  const [Tooltip, setTooltip] = useState<TooltipComponent | null>(() => loaded);
  const target = useRef<HTMLElement | null>(null);
  const refocus = useRef(false);
  const child = children as ReactElement<TriggerProps>;

  useEffect(() => {
    if (Tooltip && refocus.current) {
      refocus.current = false;
      target.current?.focus();
    }
  }, [Tooltip]);

  const setRef = (node: HTMLElement | null) => {
    target.current = node;
    const ref = child.props.ref;
    if (typeof ref === 'function') ref(node);
    else if (ref) (ref as { current: HTMLElement | null }).current = node;
  };

  if (Tooltip) {
    return (
      <Tooltip {...props} disabled={disabled}>
        {cloneElement(child, { ref: setRef })}
      </Tooltip>
    );
  }
  if (disabled) return children;
  const want = () =>
    void loadTooltip().then((component) => {
      refocus.current = target.current !== null && target.current === document.activeElement;
      setTooltip(() => component);
    });
  return cloneElement(child, {
    ref: setRef,
    onPointerEnter: (event) => {
      child.props.onPointerEnter?.(event);
      want();
    },
    onFocus: (event) => {
      child.props.onFocus?.(event);
      want();
    },
  });
}
