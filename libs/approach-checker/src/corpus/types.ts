import { RED_FLAG_KEYS, type RedFlagKey } from '@countersign/curriculum';
import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from '../questions.js';

/**
 * One example message of a test corpus. Organisations may keep their own corpus next to their
 * edited rules (the admin UI runs `evaluateCorpus` on it), so the shape is a zod schema too.
 *
 * How the labels are decided (the same for the built-in corpus and, we suggest, for yours):
 * - `hostile`: whether the message, read as a whole, is a hostile approach that should be
 *   reported. This is the message-level ground truth.
 * - `expectedFlags`: the catalogue flags whose warning sign the text itself shows, judged by a
 *   careful reader without looking at the rules, and whatever the sender's intent: a friend
 *   suggesting WhatsApp does show `move-off-platform`, and a genuine recruiter's "I came across
 *   your profile" does show `unsolicited-approach`. A first contact counts as unsolicited when the
 *   text signals it ("came across your profile", "hope you don't mind me reaching out", "we have
 *   not met", "thanks for accepting my request", or a self-introduction such as "I'm a reporter
 *   at…" or "I work for…"). Flags the text cannot show (a profile's anomalies) are never expected.
 */
export const corpusMessageSchema = z.strictObject({
  id: z.string().min(1).max(64),
  text: z.string().min(1).max(MAX_MESSAGE_LENGTH),
  hostile: z.boolean(),
  expectedFlags: z
    .array(z.enum(RED_FLAG_KEYS))
    .refine((flags) => new Set(flags).size === flags.length, 'a flag is listed more than once'),
  /** Optional remark for reviewers: why the labels are what they are. */
  note: z.string().max(500).optional(),
});

export type CorpusMessage = {
  readonly id: string;
  readonly text: string;
  readonly hostile: boolean;
  readonly expectedFlags: readonly RedFlagKey[];
  readonly note?: string;
};

export const corpusSchema = z
  .array(corpusMessageSchema)
  .refine(
    (messages) => new Set(messages.map((message) => message.id)).size === messages.length,
    'message ids must be unique',
  );
