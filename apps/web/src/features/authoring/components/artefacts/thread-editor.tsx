import type { MessageThreadArtefact } from '@countersign/scenario-engine';
import {
  Autocomplete,
  Button,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId } from 'react';
import { formatCount } from '../../../../lib/format';
import { ARTEFACT_LIMITS, moveItem, removeAt, replaceAt } from './artefact-ops';
import {
  countedLegend,
  focusSoon,
  ItemActions,
  lengthHint,
  requiredError,
  TextListEditor,
  type ArtefactChange,
} from './form-parts';

const LIMIT = ARTEFACT_LIMITS.thread;
type Message = MessageThreadArtefact['messages'][number];

interface ThreadEditorProps {
  thread: MessageThreadArtefact;
  onChange: ArtefactChange<MessageThreadArtefact>;
}

/** The next sender: whoever did not send the last message, so a conversation alternates. */
function nextSender(thread: MessageThreadArtefact): string {
  const last = thread.messages.at(-1)?.from;
  return thread.participants.find((name) => name !== last) ?? thread.participants[0] ?? 'You';
}

/** A private-message conversation: platform, who takes part, and the messages in order. */
export function ThreadEditor({ thread, onChange }: ThreadEditorProps) {
  const messagesGroup = useId();
  const senders = [...new Set(thread.participants.map((name) => name.trim()).filter(Boolean))];

  const setMessages = (messages: Message[]) => onChange((t) => ({ ...t, messages }));
  const setMessage = (index: number, patch: Partial<Message>, key: string) =>
    onChange(
      (t) => ({ ...t, messages: replaceAt(t.messages, index, { ...t.messages[index], ...patch }) }),
      `messages.${index}.${key}`,
    );

  return (
    <Stack gap="sm" data-testid="thread-editor">
      <TextInput
        label="Platform"
        data-autofocus
        description="Shown in the thread’s header, e.g. “Professional network”."
        value={thread.platform}
        onChange={(e) => {
          const platform = e.currentTarget.value;
          onChange((t) => ({ ...t, platform }), 'platform');
        }}
        maxLength={LIMIT.platform}
        error={requiredError(thread.platform, 'the platform')}
        required
      />
      <TextListEditor
        legend="Participants"
        itemLabel="Participant"
        noun="participant"
        values={thread.participants}
        min={1}
        max={LIMIT.participants}
        maxLength={LIMIT.participant}
        newValue="New participant"
        onChange={(participants, key) =>
          onChange((t) => ({ ...t, participants }), key === undefined ? undefined : `participants.${key}`)
        }
        description="Name the learner “You”: their messages then appear on the right."
      />

      <Fieldset
        legend={countedLegend('Messages', thread.messages.length, LIMIT.messages)}
        variant="filled"
        p="sm"
        data-testid="thread-messages"
      >
        <Stack gap="xs">
          {thread.messages.map((message, index) => (
            <Fieldset key={index} legend={`Message ${index + 1}`} p="xs" variant="default">
              <Group justify="flex-end" mt={-8} mb={4}>
                <ItemActions
                  group={messagesGroup}
                  name={`message ${index + 1}`}
                  index={index}
                  count={thread.messages.length}
                  onMove={(from, to) => setMessages(moveItem(thread.messages, from, to))}
                  onRemove={() => {
                    setMessages(removeAt(thread.messages, index));
                    focusSoon(`${messagesGroup}-add`);
                  }}
                  canRemove={thread.messages.length > 1}
                />
              </Group>
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
                  <Autocomplete
                    id={`${messagesGroup}-${index}-input`}
                    label="From"
                    description="A participant, or any name."
                    data={senders}
                    value={message.from}
                    onChange={(from) => setMessage(index, { from }, 'from')}
                    maxLength={LIMIT.from}
                    error={requiredError(message.from, 'who sent it')}
                    required
                  />
                  <TextInput
                    label="Sent"
                    description="e.g. “Today, 09:14”."
                    value={message.at}
                    onChange={(e) => setMessage(index, { at: e.currentTarget.value }, 'at')}
                    maxLength={LIMIT.at}
                    error={requiredError(message.at, 'when it was sent')}
                    required
                  />
                </SimpleGrid>
                <Textarea
                  label="Message"
                  description={lengthHint(message.body, LIMIT.body)}
                  value={message.body}
                  onChange={(e) => setMessage(index, { body: e.currentTarget.value }, 'body')}
                  maxLength={LIMIT.body}
                  error={requiredError(message.body, 'the message')}
                  autosize
                  minRows={2}
                  maxRows={10}
                  required
                />
              </Stack>
            </Fieldset>
          ))}
          <Group gap="sm">
            <Button
              id={`${messagesGroup}-add`}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={thread.messages.length >= LIMIT.messages}
              onClick={() => {
                setMessages([
                  ...thread.messages,
                  { from: nextSender(thread), at: 'Today', body: 'New message' },
                ]);
                focusSoon(`${messagesGroup}-${thread.messages.length}-input`);
              }}
            >
              Add message
            </Button>
            {thread.messages.length >= LIMIT.messages && (
              <Text size="xs" c="dimmed">
                That is the most allowed ({formatCount(LIMIT.messages)}).
              </Text>
            )}
          </Group>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
