import {
  DEFAULT_CORPUS,
  DEFAULT_RULES,
  evaluateCorpus,
  HOLDOUT_MESSAGES,
} from '@countersign/approach-checker';
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { RulesEvaluation } from '../rules-evaluation';
import { textOf } from '../../../../__tests__/static-render';

const percent = (ratio: number) => {
  const value = Math.round(ratio * 1000) / 10;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
};

describe('the checker rules measured on two sets', () => {
  const tuned = evaluateCorpus(DEFAULT_RULES, DEFAULT_CORPUS);
  const holdout = evaluateCorpus(DEFAULT_RULES, HOLDOUT_MESSAGES);
  const html = textOf(
    renderToStaticMarkup(
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        <RulesEvaluation evaluation={tuned} holdout={holdout} />
      </MantineProvider>,
    ),
  );

  it('shows the held-out recall beside the recall on the corpus the rules were tuned on, each labelled', () => {
    // The measured figures, whatever they are today (0.36 and 0.929 when this was written).
    expect(holdout.messages.recall).toBeLessThan(tuned.messages.recall);
    expect(html).toContain(
      `Message recall ${percent(holdout.messages.recall)} held out ${percent(tuned.messages.recall)} on the tuning corpus`,
    );
    expect(html).toContain(
      `the text rules flag ${percent(holdout.messages.recall)} of hostile ones (${percent(tuned.messages.recall)} on the messages they were tuned on)`,
    );
  });

  it('says what each set is and how many messages it holds', () => {
    expect(html).toContain(
      `Held out : ${HOLDOUT_MESSAGES.length} messages (${holdout.hostileCount} hostile, ${holdout.benignCount} benign) the rules were never tuned on`,
    );
    expect(html).toContain(`Tuning corpus : ${DEFAULT_CORPUS.length} messages`);
    expect(html).toContain(`Messages Held out (${HOLDOUT_MESSAGES.length})`);
    expect(html).toContain(`Messages Tuning corpus (${DEFAULT_CORPUS.length})`);
  });
});
