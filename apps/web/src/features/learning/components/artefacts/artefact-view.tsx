import type { Artefact } from '@countersign/scenario-engine';
import { ArtefactFrame } from './artefact-frame';
import { EmailView } from './email-view';
import { InvitationCard } from './invitation-card';
import { MessageThread } from './message-thread';
import { ProfileCard } from './profile-card';

export function ArtefactView({ artefact }: { artefact: Artefact }) {
  switch (artefact.kind) {
    case 'profile':
      return (
        <ArtefactFrame caption="Profile on a professional networking site">
          <ProfileCard profile={artefact} />
        </ArtefactFrame>
      );
    case 'thread':
      return (
        <ArtefactFrame caption="Private messages">
          <MessageThread thread={artefact} />
        </ArtefactFrame>
      );
    case 'email':
      return (
        <ArtefactFrame caption="Email">
          <EmailView email={artefact} />
        </ArtefactFrame>
      );
    case 'invitation':
      return (
        <ArtefactFrame caption="Invitation">
          <InvitationCard invitation={artefact} />
        </ArtefactFrame>
      );
  }
}
