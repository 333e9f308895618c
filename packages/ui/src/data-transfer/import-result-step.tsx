import { Alert, Button, Flex, Popconfirm, Progress, Result, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { countsText } from './import-check-step';
import type { ImportWizardState } from './use-import-wizard';

/** The run: progress while the job works, then what it did, the error report and undo. */
export function ImportResultStep({ wizard }: { wizard: ImportWizardState }) {
  const t = useT();
  const { status, undone } = wizard;
  if (!status) return null;
  if (status.status === 'running') {
    const total = wizard.dryRun?.counts.rows ?? 0;
    const rows = status.progress?.rows ?? 0;
    return (
      <Flex vertical gap={8} data-testid="import-running">
        <Typography.Text>{t('import.running', { rows })}</Typography.Text>
        <Progress percent={total ? Math.min(99, Math.round((rows / total) * 100)) : 0} status="active" />
      </Flex>
    );
  }
  const failed = status.status === 'failed' || (status.status === 'done' && !status.committed);
  return (
    <Result
      status={failed ? 'error' : status.counts?.refused ? 'warning' : 'success'}
      title={<span data-testid="import-result">{failed ? t('import.failed') : t('import.done')}</span>}
      subTitle={
        <Flex vertical gap={4}>
          {status.counts && <span data-testid="import-result-counts">{countsText(t, 'import.countsDone', status.counts)}</span>}
          {status.error && <span>{status.error.message}</span>}
        </Flex>
      }
      extra={
        <Flex gap={8} justify="center" wrap>
          {status.issueCount > 0 && wizard.errorReportUrl && (
            <Button href={wizard.errorReportUrl} data-testid="import-result-report">
              {t('import.errorReport')}
            </Button>
          )}
          {status.status === 'done' && (
            <Popconfirm title={t('import.undoConfirm')} onConfirm={wizard.undo} okText={t('import.undo')} cancelText={t('common.cancel')}>
              <Button danger loading={wizard.busy} data-testid="import-undo">
                {t('import.undo')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      {undone && <Alert type="info" showIcon data-testid="import-undone" title={t('import.undone', undone)} />}
    </Result>
  );
}
