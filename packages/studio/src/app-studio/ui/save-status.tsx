import { Button, Flex, Typography } from 'antd';
import { saveDraftNow } from '../hooks/save-draft';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useStudioT } from '../i18n/use-studio-t';

/** Where the draft stands: saved as revision N, unsaved, saving, or a failure with a retry. */
export function SaveStatus() {
  const t = useStudioT();
  const store = useStudioStore();
  const save = useStudio((s) => s.save);
  const revision = useStudio((s) => s.revision);
  const dirty = useStudio((s) => s.document !== s.savedDocument);
  if (save.status === 'failed')
    return (
      <Flex gap={8} align="center" data-testid="save-status" data-status="failed">
        <Typography.Text type="danger">
          {t('studio.saveFailed', { reason: save.error instanceof Error ? save.error.message : String(save.error) })}
        </Typography.Text>
        <Button size="small" onClick={() => void saveDraftNow(store)}>
          {t('studio.retry')}
        </Button>
      </Flex>
    );
  const status = save.status === 'saving' ? 'saving' : save.status === 'conflict' ? 'conflict' : dirty ? 'dirty' : 'saved';
  const text = status === 'saving' ? t('studio.saving') : status === 'saved' ? t('studio.saved', { revision }) : t('studio.unsaved');
  return (
    <Typography.Text type="secondary" data-testid="save-status" data-status={status} data-revision={revision}>
      {text}
    </Typography.Text>
  );
}
