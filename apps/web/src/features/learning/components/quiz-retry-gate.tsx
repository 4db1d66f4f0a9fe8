import type { QuizGate } from '@countersign/contracts/learning';
import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBook, IconClock, IconRefresh } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';

/** The clock, ticking every second until `until` (then it stops); fixed when `fixed` is given. */
function useNow(until: number | null, fixed?: number): number {
  const [now, setNow] = useState(() => fixed ?? Date.now());
  useEffect(() => {
    if (fixed !== undefined || until === null) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until, fixed]);
  return fixed ?? now;
}

/** 754 000 ms → "12 min 34 s"; an hour or more → "1 h 05 min". */
export function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes} min ${String(rest).padStart(2, '0')} s` : `${rest} s`;
}

/** "14:35" today, "3 Mar, 14:35" on another day. */
function formatOpening(at: number, now: number): string {
  const opening = dayjs(at);
  return opening.isSame(dayjs(now), 'day') ? opening.format('HH:mm') : opening.format('D MMM, HH:mm');
}

interface QuizRetryGateProps {
  /** What the module's retry policy still asks before the open round (null: nothing). */
  gate: QuizGate | null;
  /** On the ending screen the debrief is being read: only a pause can still hold the round. */
  readingDebrief?: boolean;
  onReadDebrief: () => void;
  onTryAgain: () => void;
  /** Tests fix the time; the player lets it tick. */
  now?: number;
}

/**
 * The way to the next quiz round after a failed one, and what stands in it: the debrief to read
 * again, a pause with its countdown. The button stays disabled until both are cleared, and the
 * text says why; the server refuses an early round anyway.
 */
export function QuizRetryGate({
  gate,
  readingDebrief = false,
  onReadDebrief,
  onTryAgain,
  now: fixed,
}: QuizRetryGateProps) {
  const opensAt = gate?.opensAt ? Date.parse(gate.opensAt) : null;
  const now = useNow(opensAt, fixed);
  const waiting = opensAt !== null && now < opensAt;
  const needsDebrief = Boolean(gate?.reviewDebrief) && !readingDebrief;
  const tryAgain = (
    <Button
      size="md"
      leftSection={<IconRefresh size={18} aria-hidden />}
      disabled={waiting || needsDebrief}
      onClick={onTryAgain}
      data-testid="quiz-try-again"
    >
      {readingDebrief ? 'Go to the quiz' : 'Try the quiz again'}
    </Button>
  );
  if (!waiting && !needsDebrief) return <Group justify="flex-end">{tryAgain}</Group>;

  return (
    <Paper withBorder radius="md" p="md" data-testid="quiz-retry-gate">
      <Stack gap="sm">
        {needsDebrief && (
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" radius="xl" size={32} aria-hidden>
              <IconBook size={18} />
            </ThemeIcon>
            <Text>
              Before the next round, read the scenario’s ending and debrief again: they explain what the
              questions ask about.
            </Text>
          </Group>
        )}
        {waiting && opensAt !== null && (
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" color="orange" radius="xl" size={32} aria-hidden>
              <IconClock size={18} />
            </ThemeIcon>
            <Stack gap={2}>
              <Text>
                This module asks for a pause after a round that was not passed. The next round opens at{' '}
                <Text span fw={700}>
                  {formatOpening(opensAt, now)}
                </Text>
                . Use the time to look over the explanations above.
              </Text>
              <Text size="sm" c="dimmed" role="timer" aria-live="off">
                Opens in {formatWait(opensAt - now)}
              </Text>
            </Stack>
          </Group>
        )}
        <Group justify="flex-end">
          {needsDebrief && (
            <Button size="md" leftSection={<IconBook size={18} aria-hidden />} onClick={onReadDebrief}>
              Read the debrief again
            </Button>
          )}
          {tryAgain}
        </Group>
      </Stack>
    </Paper>
  );
}
