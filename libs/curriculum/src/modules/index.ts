import { theApproach } from './01-the-approach.js';
import { tooGoodToBeTrue } from './02-too-good-to-be-true.js';
import { allExpensesPaid } from './03-all-expenses-paid.js';
import { whatYourProfileTellsThem } from './04-what-your-profile-tells-them.js';
import { whenItTurnsToPressure } from './05-when-it-turns-to-pressure.js';
import { reportIt } from './06-report-it.js';
import type { BuiltInModule } from './types.js';

export type { BuiltInModule, BuiltInTrack } from './types.js';
export {
  theApproach,
  tooGoodToBeTrue,
  allExpensesPaid,
  whatYourProfileTellsThem,
  whenItTurnsToPressure,
  reportIt,
};

/**
 * The built-in "Think Before You Link" track, in track order: one file per module
 * (`NN-slug.ts`), with `order` matching its position.
 */
export const builtInModules: readonly BuiltInModule[] = Object.freeze([
  theApproach,
  tooGoodToBeTrue,
  allExpensesPaid,
  whatYourProfileTellsThem,
  whenItTurnsToPressure,
  reportIt,
]);
