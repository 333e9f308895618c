import { Button, Drawer, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isAbort } from '../api/http';
import type { RecordList } from '../api/types';
import { useT } from '../i18n/use-t';
import { searchWithFilters } from '../list-view/list-link';
import { useObjectDefinition } from '../stores/current-app-store';
import { useRouteStore } from '../stores/route-store';
import { type DrillDown, dashboardsApi } from './dashboards-api';

/**
 * The records behind a data point, asked from the records list with the drill-down's filters
 * and formula — exactly the rows the number counted, under the same access; each opens its page.
 */
export function DrillDrawer({ appId, target, onClose }: { appId: string; target: { title: string; drill: DrillDown } | null; onClose: () => void }) {
  const t = useT();
  const navigate = useRouteStore((s) => s.navigate);
  const object = useObjectDefinition(target?.drill.object ?? '');
  const [list, setList] = useState<RecordList | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setList(null);
    setFailed(false);
    if (!target) return;
    const controller = new AbortController();
    dashboardsApi.drill(appId, target.drill, controller.signal).then(setList, (error: unknown) => {
      if (!isAbort(error)) setFailed(true);
    });
    return () => controller.abort();
  }, [appId, target]);

  const display = object?.displayField ?? object?.fields[0]?.id ?? 'id';
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={target?.title}
      size={480}
      destroyOnHidden
      data-testid="drill-drawer"
      extra={
        // The list can show conditions, not formulas: offered when the conditions alone select these records.
        target && !target.drill.where ? (
          <Button
            data-testid="drill-open-list"
            onClick={() => {
              const filters = target.drill.filters.map((f) => ({ field: f.field, op: f.op, value: f.value }));
              navigate({ name: 'app', appId, objectId: target.drill.object }, { search: searchWithFilters('', filters) });
            }}
          >
            {t('dashboard.drill.openList')}
          </Button>
        ) : null
      }
    >
      {failed && <Typography.Text type="danger">{t('dashboard.drill.failed')}</Typography.Text>}
      {list && (
        <>
          <Typography.Text type="secondary" data-testid="drill-total">
            {t('dashboard.drill.total', { count: list.total ?? list.items.length })}
          </Typography.Text>
          <List
            loading={!list && !failed}
            dataSource={list.items}
            renderItem={(record) => (
              <List.Item
                data-testid="drill-record"
                style={{ cursor: 'pointer' }}
                onClick={() => navigate({ name: 'record', appId, objectId: target?.drill.object ?? '', recordId: String(record.id) })}
              >
                {String(record[display] ?? record.id)}
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
