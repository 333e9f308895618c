import { diffDocuments } from '@tessera/meta/validate';
import { Alert, App, Button, Flex } from 'antd';
import { overwriteDraft, reloadDraft } from '../hooks/save-draft';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useChangeText } from '../i18n/use-change-text';
import { useStudioT } from '../i18n/use-studio-t';

/** Another admin saved the draft first: nothing was overwritten; the admin chooses their version or, on purpose, theirs over it. */
export function ConflictBanner() {
  const t = useStudioT();
  const { message } = App.useApp();
  const store = useStudioStore();
  const save = useStudio((s) => s.save);
  const revision = useStudio((s) => s.revision);
  const changeText = useChangeText();
  const savedDocument = useStudio((s) => s.savedDocument);
  if (save.status !== 'conflict') return null;
  // What they changed since the draft this studio last saved or loaded: the ground both started from.
  const theirChanges = save.theirDocument && savedDocument ? diffDocuments(savedDocument, save.theirDocument) : [];
  const fail = (error: unknown) => void message.error(error instanceof Error ? error.message : String(error));
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="studio-conflict"
      title={t('studio.conflictTitle')}
      description={
        <>
          <div>{t('studio.conflictDetail', { theirs: save.theirs, yours: revision })}</div>
          {theirChanges.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="conflict-their-changes">
              {theirChanges.map((change) => (
                <li key={JSON.stringify(change)}>{changeText(change)}</li>
              ))}
            </ul>
          )}
        </>
      }
      action={
        <Flex vertical gap={8}>
          <Button size="small" onClick={() => reloadDraft(store).catch(fail)} data-testid="conflict-load-theirs">
            {t('studio.loadTheirs')}
          </Button>
          <Button size="small" danger onClick={() => overwriteDraft(store).catch(fail)} data-testid="conflict-overwrite">
            {t('studio.overwrite')}
          </Button>
        </Flex>
      }
    />
  );
}
