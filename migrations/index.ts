import { CreateCoreSchema1764270000000 } from './1764270000000-CreateCoreSchema.js';

/** Every migration, oldest first. `npm run migration:create -- Name` appends here. */
export const migrations = [CreateCoreSchema1764270000000];
