import { CreateCoreSchema1764270000000 } from './1764270000000-CreateCoreSchema.js';
import { TrackAssignmentStatus1795817919768 } from './1795817919768-TrackAssignmentStatus.js';

/** Every migration, oldest first. `npm run migration:create -- Name` appends here. */
export const migrations = [CreateCoreSchema1764270000000, TrackAssignmentStatus1795817919768];
