import { Modal, Result, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { skipReasons } from './bulk-result';
import type { BulkReport } from './use-bulk-actions';

/** How a bulk action went: how many records were changed, how many were skipped and why. */
export function BulkReportModal({ report, onClose }: { report: BulkReport; onClose: () => void }) {
  const t = useT();
  const { done, skipped } = report.result;
  const reasons = skipReasons(report.result);
  const doneText = t(report.kind === 'update' ? 'listView.bulk.updated' : 'listView.bulk.deleted', { count: done });

  return (
    <Modal
      open
      title={t(report.kind === 'update' ? 'listView.bulk.editDone' : 'listView.bulk.deleteDone')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('common.close')}
    >
      <Result
        status={skipped.length === 0 ? 'success' : done === 0 ? 'error' : 'warning'}
        title={<span data-testid="bulk-report-done">{doneText}</span>}
        subTitle={skipped.length > 0 ? <span data-testid="bulk-report-skipped">{t('listView.bulk.skipped', { count: skipped.length })}</span> : undefined}
        style={{ paddingBlock: 8 }}
      >
        {reasons.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="bulk-report-reasons">
            {reasons.map((r) => (
              <li key={r.code}>
                <Typography.Text>{t('listView.skip.line', { reason: t(r.message, { code: r.code }), count: r.count })}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Result>
    </Modal>
  );
}
