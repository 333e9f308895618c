import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/error-message';
import type { RecordFilter, RecordSort } from '../api/types';
import { useT } from '../i18n/use-t';
import { downloadExport } from './imports-api';

/** Export the list as the user sees it — its filters, sort and columns — as .xlsx or .csv. */
export function ExportButton({
  appId,
  objectId,
  filters,
  sort,
  columns,
}: {
  appId: string;
  objectId: string;
  filters: RecordFilter[];
  sort: RecordSort[];
  columns: string[];
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    try {
      await downloadExport(appId, objectId, { format, filters, sort, columns });
    } catch (error) {
      void message.error(t('export.failed', { reason: errorMessage(error, t) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', label: <span data-testid="export-xlsx">{t('export.xlsx')}</span> },
          { key: 'csv', label: <span data-testid="export-csv">{t('export.csv')}</span> },
        ],
        onClick: ({ key }) => void download(key as 'xlsx' | 'csv'),
      }}
    >
      <Button loading={busy} data-testid="export-button">
        {t('export.button')}
      </Button>
    </Dropdown>
  );
}
