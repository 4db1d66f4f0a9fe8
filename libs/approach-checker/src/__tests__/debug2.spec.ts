import { HOLDOUT_MESSAGES } from '../corpus/holdout.js';
import { evaluateCorpus } from '../evaluate.js';
import { DEFAULT_RULES } from '../rules.js';
import { checkApproach } from '../check.js';

test('debug holdout', () => {
  const e = evaluateCorpus(DEFAULT_RULES, HOLDOUT_MESSAGES);
  const lines = [JSON.stringify({ m: e.messages, f: { ...e.flags, perFlag: undefined } })];
  for (const [k, v] of Object.entries(e.flags.perFlag))
    lines.push(`${k}: tp${v.truePositives} fp${v.falsePositives} fn${v.falseNegatives}`);
  for (const o of e.outcomes) {
    const bad = o.flagged !== o.hostile || o.missedFlags.length || o.extraFlags.length;
    if (bad) {
      const r = checkApproach({ messageText: HOLDOUT_MESSAGES.find((m) => m.id === o.id)!.text });
      lines.push(
        `${o.id} ${o.hostile ? 'H' : 'B'} ${o.rating} ${o.score} missed=${o.missedFlags} extra=${o.extraFlags} :: ` +
          r.flags.map((f) => f.evidence.map((ev) => `${f.key}[${ev.excerpt}]`).join(' ')).join(' '),
      );
    }
  }
  console.log(lines.join('\n'));
});
