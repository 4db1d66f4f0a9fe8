import { isStorableText, storableJsonSchema, textSchema, UNSTORABLE_TEXT } from '../text.js';

describe('storable text', () => {
  it('refuses NUL and lone surrogates, and keeps every real character', () => {
    expect(isStorableText('Plain text, accents é, emoji 😀, CJK 漢字, RTL שלום, tabs\tand\nnewlines')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud800b')).toBe(false); // high surrogate, nothing after it
    expect(isStorableText('\ud83d')).toBe(false); // half an emoji, at the end
    expect(isStorableText('\ude00z')).toBe(false); // low surrogate without its high half
    expect(isStorableText('\ude00\ud83d')).toBe(false); // both halves, in the wrong order
  });

  it('marks the refusal so the API can tell it from other problems, and chains like any string', () => {
    const title = textSchema.trim().min(1).max(10);
    expect(title.parse('  ok  ')).toBe('ok');
    const result = title.safeParse('a\u0000');
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ code: 'custom', params: { reason: UNSTORABLE_TEXT } }),
    ]);
  });

  it('walks a JSON value of any shape, naming the path of each unstorable string or key', () => {
    expect(storableJsonSchema.safeParse({ a: ['ok', { b: 1, c: null }], 'é😀': true }).success).toBe(true);
    const result = storableJsonSchema.safeParse({ a: ['ok', { b: 'x\ud800' }], ['k\u0000']: 1 });
    expect(result.error!.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual(
      expect.arrayContaining([
        { path: ['a', 1, 'b'], message: expect.stringMatching(/not allowed/) },
        { path: [], message: expect.stringMatching(/^has a key that/) },
      ]),
    );
  });

  it('refuses a value nested too deep to walk or store, without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = storableJsonSchema.safeParse(deep);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/nested more than 64 levels/);
  });
});
