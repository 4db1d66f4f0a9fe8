import { Assignment } from '../modules/assignments/assignment.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { Attempt } from '../modules/learning/attempt.entity.js';
import { AttemptEvent } from '../modules/learning/attempt-event.entity.js';
import { Completion } from '../modules/learning/completion.entity.js';
import { Department } from '../modules/organisations/department.entity.js';
import { Organisation } from '../modules/organisations/organisation.entity.js';
import { ModuleVersion } from '../modules/training/module-version.entity.js';
import { TrainingModule } from '../modules/training/training-module.entity.js';
import { User } from '../modules/users/user.entity.js';

export const ENTITIES = [
  Organisation,
  Department,
  User,
  Session,
  TrainingModule,
  ModuleVersion,
  Assignment,
  Attempt,
  AttemptEvent,
  Completion,
];
