import { theApproach } from './01-the-approach.js';
import { tooGoodToBeTrue } from './02-too-good-to-be-true.js';
import type { BuiltInModule } from './types.js';

export type { BuiltInModule, BuiltInTrack } from './types.js';
export { theApproach, tooGoodToBeTrue };

/**
 * The built-in "Think Before You Link" track, in track order. Modules 3–6 are added here as
 * they are written: one file per module (`NN-slug.ts`), with `order` matching its position.
 */
export const builtInModules: readonly BuiltInModule[] = Object.freeze([theApproach, tooGoodToBeTrue]);
