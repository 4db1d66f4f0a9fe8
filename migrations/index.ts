import { CreateCoreSchema1764270000000 } from './1764270000000-CreateCoreSchema.js';
import { TrackAssignmentStatus1795817919768 } from './1795817919768-TrackAssignmentStatus.js';
import { CreateAuditTrail1795818629471 } from './1795818629471-CreateAuditTrail.js';
import { CreateNotifications1795818630870 } from './1795818630870-CreateNotifications.js';
import { CreateApproachReports1795818632597 } from './1795818632597-CreateApproachReports.js';
import { AddOutboxDelivery1795820521946 } from './1795820521946-AddOutboxDelivery.js';
import { AddDraftRevisions1795820667722 } from './1795820667722-AddDraftRevisions.js';
import { CreateMediaAssets1795823543804 } from './1795823543804-CreateMediaAssets.js';
import { IndexAssignmentCompletedAt1795828338290 } from './1795828338290-IndexAssignmentCompletedAt.js';
import { AddVersionChangeNote1795829535300 } from './1795829535300-AddVersionChangeNote.js';
import { ForbidEvidenceDeletes1795900000000 } from './1795900000000-ForbidEvidenceDeletes.js';
import { AddQuizRetryRecords1796230635546 } from './1796230635546-AddQuizRetryRecords.js';
import { AddPersonRecords1796232624624 } from './1796232624624-AddPersonRecords.js';
import { AddCredentialTokens1796237651270 } from './1796237651270-AddCredentialTokens.js';
import { CreateJobQueue1796310000000 } from './1796310000000-CreateJobQueue.js';
import { AddProgrammeRules1796320000000 } from './1796320000000-AddProgrammeRules.js';
import { CreateCertificates1796330000000 } from './1796330000000-CreateCertificates.js';
import { AddAuditRetention1796340000000 } from './1796340000000-AddAuditRetention.js';
import { AddProgressCounters1796360000000 } from './1796360000000-AddProgressCounters.js';
import { TimeOrderedIds1796365000000 } from './1796365000000-TimeOrderedIds.js';
import { CoverPeopleListIndexes1796366000000 } from './1796366000000-CoverPeopleListIndexes.js';
import { AddSecondFactors1796370000000 } from './1796370000000-AddSecondFactors.js';
import { AddScimProvisioning1796380000000 } from './1796380000000-AddScimProvisioning.js';
import { AddSingleSignOn1796390000000 } from './1796390000000-AddSingleSignOn.js';

/** Every migration, oldest first. `npm run migration:create -- Name` appends here. */
export const migrations = [
  CreateCoreSchema1764270000000,
  TrackAssignmentStatus1795817919768,
  CreateAuditTrail1795818629471,
  CreateNotifications1795818630870,
  CreateApproachReports1795818632597,
  AddOutboxDelivery1795820521946,
  AddDraftRevisions1795820667722,
  CreateMediaAssets1795823543804,
  IndexAssignmentCompletedAt1795828338290,
  AddVersionChangeNote1795829535300,
  ForbidEvidenceDeletes1795900000000,
  AddQuizRetryRecords1796230635546,
  AddPersonRecords1796232624624,
  AddCredentialTokens1796237651270,
  CreateJobQueue1796310000000,
  AddProgrammeRules1796320000000,
  CreateCertificates1796330000000,
  AddAuditRetention1796340000000,
  AddProgressCounters1796360000000,
  TimeOrderedIds1796365000000,
  CoverPeopleListIndexes1796366000000,
  AddSecondFactors1796370000000,
  AddScimProvisioning1796380000000,
  AddSingleSignOn1796390000000,
];
