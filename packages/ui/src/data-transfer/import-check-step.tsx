import { Alert, Flex, Table, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import type { ImportCounts } from './imports-api';
import type { ImportWizardState } from './use-import-wizard';

export const countsText = (t: ReturnType<typeof useT>, key: 'import.counts' | 'import.countsDone', counts: ImportCounts) =>
  t(key, { rows: counts.rows, created: counts.created, updated: counts.updated, skipped: counts.skipped, refused: counts.refused });

/** The dry run: what the import would do, and every row it would refuse, with the reason in the user's language. */
export function ImportCheckStep({ wizard }: { wizard: ImportWizardState }) {
  const t = useT();
  const result = wizard.dryRun;
  if (!result) return null;
  return (
    <Flex vertical gap={12}>
      <Alert
        type={result.counts.refused ? 'warning' : 'success'}
        showIcon
        title={<span data-testid="import-dry-counts">{countsText(t, 'import.counts', result.counts)}</span>}
      />
      {result.issueCount > 0 && (
        <>
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{t('import.issues', { count: result.issueCount })}</Typography.Text>
            {wizard.errorReportUrl && (
              <Typography.Link href={wizard.errorReportUrl} data-testid="import-error-report">
                {t('import.errorReport')}
              </Typography.Link>
            )}
          </Flex>
          <Table
            data-testid="import-issues"
            size="small"
            pagination={false}
            scroll={{ y: 280 }}
            rowKey={(issue) => `${issue.row}:${issue.field}:${issue.code}`}
            dataSource={result.issues}
            columns={[
              { title: t('import.issue.row'), dataIndex: 'row', width: 80 },
              { title: t('import.issue.column'), dataIndex: 'column', width: '25%' },
              { title: t('import.issue.reason'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
