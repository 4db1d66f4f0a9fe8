import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  type TextareaProps,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useId } from 'react';
import { formatCount } from '../../../../lib/format';
import { moveItem, removeAt, replaceAt } from './artefact-ops';

/** How an artefact form reports a change: `key` names the field, so typing coalesces into one undo step. */
export type ArtefactChange<A> = (change: (artefact: A) => A, key?: string) => void;

/** The hint under a required field left empty (the model refuses blank text). */
export function requiredError(value: string, what: string): string | undefined {
  return value.trim() === '' ? `Enter ${what}.` : undefined;
}

/** For text the learner sees as Markdown (the live preview shows the result). */
export const MARKDOWN_HINT = 'Formatting: **bold**, *italic*, - lists, [links](https://…).';

/** `312 of 4,000 characters` under long text, so the limit is no surprise. */
export function lengthHint(value: string, max: number, hint?: string): string {
  const count = `${formatCount(value.length)} of ${formatCount(max)} characters`;
  return hint ? `${hint} ${count}.` : `${count}.`;
}

/** Focuses an element once React has rendered it (a row just added, a control that moved). */
export function focusSoon(id: string, fallbackId?: string): void {
  requestAnimationFrame(() => {
    const wanted = document.getElementById(id) as HTMLButtonElement | null;
    const target =
      wanted && !wanted.disabled ? wanted : fallbackId ? document.getElementById(fallbackId) : null;
    target?.focus();
  });
}

/**
 * Moves focus to the same control of the item that just moved, so a keyboard user can keep
 * pressing "Move up". Falls back to the other arrow when the item reached an end.
 */
export function useFollowMove(group: string) {
  return useCallback(
    (to: number, direction: 'up' | 'down') =>
      focusSoon(`${group}-${to}-${direction}`, `${group}-${to}-${direction === 'up' ? 'down' : 'up'}`),
    [group],
  );
}

interface ItemActionsProps {
  /** Unique per list (from useId): the controls' ids, for moving focus after a move. */
  group: string;
  /** `experience 2`: completes "Move … up", "Remove …". */
  name: string;
  index: number;
  count: number;
  onMove?: (from: number, to: number) => void;
  onRemove: () => void;
  /** False when the list is at its minimum. */
  canRemove?: boolean;
}

/** Move up, move down and remove buttons for one item of a repeated group. */
export function ItemActions({
  group,
  name,
  index,
  count,
  onMove,
  onRemove,
  canRemove = true,
}: ItemActionsProps) {
  const follow = useFollowMove(group);
  const move = (to: number, direction: 'up' | 'down') => {
    onMove?.(index, to);
    follow(to, direction);
  };
  return (
    <Group gap={2} wrap="nowrap">
      {onMove && (
        <>
          <ActionIcon
            id={`${group}-${index}-up`}
            variant="subtle"
            color="gray"
            aria-label={`Move ${name} up`}
            disabled={index === 0}
            onClick={() => move(index - 1, 'up')}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            id={`${group}-${index}-down`}
            variant="subtle"
            color="gray"
            aria-label={`Move ${name} down`}
            disabled={index === count - 1}
            onClick={() => move(index + 1, 'down')}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
        </>
      )}
      <ActionIcon
        id={`${group}-${index}-remove`}
        variant="subtle"
        color="red"
        aria-label={`Remove ${name}`}
        disabled={!canRemove}
        onClick={onRemove}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

/** A repeated group's legend with its count and limit: `Experience (2 of 20)`. */
export function countedLegend(label: string, count: number, max: number): string {
  return `${label} (${count} of ${max})`;
}

interface TextListEditorProps {
  /** The fieldset's legend, e.g. "Activity posts". */
  legend: string;
  /** One item's label, numbered: "Post" → "Post 1". */
  itemLabel: string;
  /** Lower-case noun for hints and buttons: "post". */
  noun: string;
  values: readonly string[];
  min?: number;
  max: number;
  maxLength: number;
  /** Text of a newly added item. */
  newValue: string;
  onChange: (values: string[], key?: string) => void;
  multiline?: boolean;
  description?: string;
  reorderable?: boolean;
  textareaProps?: Partial<TextareaProps>;
}

/** A list of short texts (posts, benefits, participants): add, edit, remove and optionally reorder. */
export function TextListEditor({
  legend,
  itemLabel,
  noun,
  values,
  min = 0,
  max,
  maxLength,
  newValue,
  onChange,
  multiline = false,
  description,
  reorderable = false,
  textareaProps,
}: TextListEditorProps) {
  const group = useId();
  const descriptionId = `${group}-description`;
  const full = values.length >= max;
  return (
    <Fieldset
      legend={countedLegend(legend, values.length, max)}
      variant="filled"
      p="sm"
      aria-describedby={description ? descriptionId : undefined}
    >
      <Stack gap="xs">
        {description && (
          <Text id={descriptionId} size="xs" c="dimmed">
            {description}
          </Text>
        )}
        {values.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        )}
        {values.map((value, index) => {
          const label = `${itemLabel} ${index + 1}`;
          const set = (next: string) => onChange(replaceAt(values, index, next), `${index}`);
          return (
            <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
              {multiline ? (
                <Textarea
                  id={`${group}-${index}-input`}
                  label={label}
                  value={value}
                  onChange={(e) => set(e.currentTarget.value)}
                  maxLength={maxLength}
                  error={requiredError(value, `the ${noun} or remove it`)}
                  autosize
                  minRows={2}
                  required
                  style={{ flex: 1 }}
                  {...textareaProps}
                />
              ) : (
                <TextInput
                  id={`${group}-${index}-input`}
                  label={label}
                  value={value}
                  onChange={(e) => set(e.currentTarget.value)}
                  maxLength={maxLength}
                  error={requiredError(value, `the ${noun} or remove it`)}
                  required
                  style={{ flex: 1 }}
                />
              )}
              <Group mt={26}>
                <ItemActions
                  group={group}
                  name={`${noun} ${index + 1}`}
                  index={index}
                  count={values.length}
                  onMove={reorderable ? (from, to) => onChange(moveItem(values, from, to)) : undefined}
                  onRemove={() => {
                    onChange(removeAt(values, index));
                    focusSoon(`${group}-add`);
                  }}
                  canRemove={values.length > min}
                />
              </Group>
            </Group>
          );
        })}
        <Group gap="sm">
          <Button
            id={`${group}-add`}
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={full}
            onClick={() => {
              onChange([...values, newValue]);
              focusSoon(`${group}-${values.length}-input`);
            }}
          >
            Add {noun}
          </Button>
          {full && (
            <Text size="xs" c="dimmed">
              That is the most allowed ({formatCount(max)}).
            </Text>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
