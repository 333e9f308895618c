import { Alert, App, Button, Flex } from 'antd';
import { overwriteDraft, reloadDraft } from '../hooks/save-draft';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useStudioT } from '../i18n/use-studio-t';

/** Another admin saved the draft first: nothing was overwritten; the admin chooses their version or, on purpose, theirs over it. */
export function ConflictBanner() {
  const t = useStudioT();
  const { message } = App.useApp();
  const store = useStudioStore();
  const save = useStudio((s) => s.save);
  const revision = useStudio((s) => s.revision);
  if (save.status !== 'conflict') return null;
  const fail = (error: unknown) => void message.error(error instanceof Error ? error.message : String(error));
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="studio-conflict"
      title={t('studio.conflictTitle')}
      description={t('studio.conflictDetail', { theirs: save.theirs, yours: revision })}
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
