import { IconLock } from '@tabler/icons-react';
import { MessagePage } from './message-page';

export function ForbiddenPage() {
  return (
    <MessagePage icon={<IconLock size={32} />} title="No access">
      Your role does not include this page. If you need it, ask your Countersign administrator.
    </MessagePage>
  );
}
