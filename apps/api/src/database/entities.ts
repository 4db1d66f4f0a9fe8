import {
  ApproachAttachment,
  ApproachAttachmentContent,
} from '../modules/approaches/approach-attachment.entity.js';
import { ApproachReport } from '../modules/approaches/approach-report.entity.js';
import { ApproachReportNote } from '../modules/approaches/approach-report-note.entity.js';
import { ApproachReportStatusChange } from '../modules/approaches/approach-report-status-change.entity.js';
import { ApproachRuleSet } from '../modules/approaches/approach-rule-set.entity.js';
import { Assignment } from '../modules/assignments/assignment.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { Attempt } from '../modules/learning/attempt.entity.js';
import { AttemptEvent } from '../modules/learning/attempt-event.entity.js';
import { Completion } from '../modules/learning/completion.entity.js';
import { MediaAsset, MediaAssetContent } from '../modules/media/media-asset.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { OutboundEmail } from '../modules/notifications/outbound-email.entity.js';
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
  AuditEvent,
  Notification,
  OutboundEmail,
  ApproachRuleSet,
  ApproachReport,
  ApproachReportStatusChange,
  ApproachReportNote,
  ApproachAttachment,
  ApproachAttachmentContent,
  MediaAsset,
  MediaAssetContent,
];
