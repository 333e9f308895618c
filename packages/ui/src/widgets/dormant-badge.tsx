import type { ObjectDefinition } from '@tessera/schemas';
import { Tag, Tooltip } from 'antd';
import type { RecordData } from '../api/types';
import { useT } from '../i18n/use-t';

/** "Dormant" on a record the server flags (no activity the reader may see in the object's days); nothing otherwise. */
export function DormantBadge({ object, record }: { object: ObjectDefinition; record: RecordData }) {
  const t = useT();
  if (record._dormant !== true) return null;
  return (
    <Tooltip title={t('record.dormantHint', { days: object.quality?.dormantAfterDays ?? 0 })}>
      <Tag color="orange" data-testid="dormant-badge" style={{ marginInlineStart: 8 }}>
        {t('record.dormant')}
      </Tag>
    </Tooltip>
  );
}
