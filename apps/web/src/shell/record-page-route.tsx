import { RecordPage } from '@tessera/ui/record-page';
import { UserMenu } from '../auth/user-menu';
import { ApprovalsButton } from './approvals-button';

interface RecordPageRouteProps {
  appId: string;
  objectId: string;
  recordId: string;
}

/**
 * The record page (`/apps/:appId/objects/:objectId/records/:recordId`) with the host's account
 * menu in its header. Its own module, loaded with `import()`: the page and the menu travel in one
 * chunk, as they did before the runtime moved to @tessera/ui, which keeps the first load as small.
 */
export function RecordPageRoute({ appId, objectId, recordId }: RecordPageRouteProps) {
  return (
    <RecordPage
      appId={appId}
      objectId={objectId}
      recordId={recordId}
      userMenu={
        <>
          <ApprovalsButton compact />
          <UserMenu compact />
        </>
      }
    />
  );
}
