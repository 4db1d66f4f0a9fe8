import { IconMapQuestion } from '@tabler/icons-react';
import { MessagePage } from './message-page';

export function NotFoundPage() {
  return (
    <MessagePage icon={<IconMapQuestion size={32} />} title="Page not found">
      There is nothing at this address. It may have moved, or the link may be mistyped.
    </MessagePage>
  );
}
