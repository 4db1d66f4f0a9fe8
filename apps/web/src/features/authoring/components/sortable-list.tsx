import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DraggableAttributes,
  type Modifier,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Box } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** What a drag handle needs from its item: the activator ref, ARIA attributes and listeners. */
export interface DragHandleBinding {
  ref: (element: HTMLElement | null) => void;
  attributes: DraggableAttributes;
  listeners: ReturnType<typeof useSortable>['listeners'];
}

interface SortableListProps {
  /** The items' ids, in their current order. */
  ids: readonly string[];
  /** How an item is named in screen-reader announcements, e.g. `question “Which of these…”`. */
  describe: (id: string) => string;
  /** Called once per completed drag that changed the order. */
  onMove: (from: number, to: number) => void;
  children: ReactNode;
}

const screenReaderInstructions = {
  draggable:
    'To reorder, press Space or Enter to pick this item up, use the Up and Down arrow keys to move it, ' +
    'then press Space or Enter to drop it, or Escape to cancel.',
};

/** Items only move up and down: a sideways drag would suggest a meaning the list does not have. */
const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A vertical list reordered by dragging a handle, with the pointer or the keyboard (Space, arrows,
 * Space), announcing each move to screen readers by the item's name and position.
 */
export function SortableList({ ids, describe, onMove, children }: SortableListProps) {
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const total = ids.length;
  const position = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;
  const name = (id: UniqueIdentifier) => describe(String(id));

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${name(active.id)}. It is in position ${position(active.id)} of ${total}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${capitalise(name(active.id))} is now in position ${position(over.id)} of ${total}.`
        : `${capitalise(name(active.id))} is no longer over the list.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${capitalise(name(active.id))} dropped in position ${position(over.id)} of ${total}.`
        : `${capitalise(name(active.id))} dropped back in position ${position(active.id)} of ${total}.`,
    onDragCancel: ({ active }) =>
      `Reordering cancelled. ${capitalise(name(active.id))} is back in position ${position(active.id)} of ${total}.`,
  };

  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from !== -1 && to !== -1) onMove(from, to);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[verticalOnly]}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragEnd={handleDragEnd}
    >
      <SortableContext items={[...ids]} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/** One item of a `SortableList`; `children` receives the binding for its drag handle. */
export function SortableItem({
  id,
  children,
}: {
  id: string;
  children: (handle: DragHandleBinding, isDragging: boolean) => ReactNode;
}) {
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, transform, transition, isDragging } =
    useSortable({ id });
  return (
    <Box
      ref={setNodeRef}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
      }}
    >
      {children({ ref: setActivatorNodeRef, attributes, listeners }, isDragging)}
    </Box>
  );
}

/** The grip an item is dragged by: a real button, so it is reachable with Tab. */
export function DragHandle({ handle, label }: { handle: DragHandleBinding; label: string }) {
  return (
    <ActionIcon
      ref={handle.ref}
      variant="subtle"
      color="gray"
      aria-label={label}
      {...handle.attributes}
      {...handle.listeners}
      style={{ cursor: 'grab', touchAction: 'none' }}
      data-testid="drag-handle"
    >
      <IconGripVertical size={16} aria-hidden />
    </ActionIcon>
  );
}
