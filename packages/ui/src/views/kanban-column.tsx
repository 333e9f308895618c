import type { Locale } from '@tessera/i18n';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { useDrop } from 'react-dnd';
import { errorMessage } from '../api/error-message';
import type { RecordData } from '../api/types';
import { localized } from '../i18n/localized';
import type { Translate } from '../i18n/messages';
import type { KanbanColumn as Column, ColumnState } from './kanban-board';
import { CARD_TYPE, type DraggedCard, KanbanCard } from './kanban-card';
import { totalText } from './kanban-totals';

export const COLUMN_WIDTH = 272;

interface KanbanColumnProps {
  object: ObjectDefinition;
  column: Column;
  state: ColumnState;
  cardFields: FieldDefinition[];
  /** The field whose total the column shows; null when the object has no amount the reader may see. */
  sumField: FieldDefinition | null;
  pending: Record<string, unknown>;
  locale: Locale;
  t: Translate;
  onMove: (record: RecordData, from: string, to: string) => void;
  onLoadMore: (key: string) => void;
  onRetry: () => void;
  onOpen: (recordId: string) => void;
}

export function KanbanColumn({ object, column, state, cardFields, sumField, pending, locale, t, onMove, onLoadMore, onRetry, onOpen }: KanbanColumnProps) {
  const [{ over }, drop] = useDrop<DraggedCard, unknown, { over: boolean }>(
    () => ({
      accept: CARD_TYPE,
      canDrop: (item) => item.from !== column.key,
      drop: (item) => onMove(item.record, item.from, column.key),
      collect: (monitor) => ({ over: monitor.isOver() && monitor.canDrop() }),
    }),
    [column.key, onMove],
  );
  const testKey = column.key || 'empty';
  const count = state.total === null ? '' : new Intl.NumberFormat(locale).format(state.total);
  const total = sumField && state.sum !== null ? totalText(sumField, state.sum, locale) : null;

  return (
    <Flex
      vertical
      gap={8}
      ref={(node) => {
        drop(node);
      }}
      data-testid={`kanban-column-${testKey}`}
      data-drop-over={over || undefined}
      style={{
        flex: `0 0 ${COLUMN_WIDTH}px`,
        // The whole column takes a drop, as tall as the board however few cards it holds.
        minHeight: 0,
        padding: 8,
        borderRadius: 8,
        background: over ? 'rgba(22, 119, 255, 0.08)' : 'rgba(0, 0, 0, 0.03)',
        outline: over ? '2px dashed #1677ff' : 'none',
        // The top border carries the option's colour, as the tag does in the table.
        borderTop: `3px solid ${column.color ?? '#d9d9d9'}`,
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '0 4px' }}>
        <Typography.Text strong ellipsis>
          {column.label ?? t('kanban.empty')}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid={`kanban-count-${testKey}`}>
          {count}
        </Typography.Text>
      </Flex>
      {total !== null && (
        <Typography.Text
          type="secondary"
          data-testid={`kanban-total-${testKey}`}
          title={sumField ? localized(sumField.label, locale, sumField.id) : undefined}
          style={{ padding: '0 4px', fontSize: 12, fontVariantNumeric: 'tabular-nums' }}
        >
          {total}
        </Typography.Text>
      )}
      {/* Cards scroll inside the column: the column itself stays the drop place at full height. */}
      <Flex vertical gap={8} style={{ flex: '1 1 auto', minHeight: 0, overflowY: 'auto' }} data-testid={`kanban-cards-${testKey}`}>
        {state.status === 'loading' && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
        {state.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(state.error, t)}
            action={
              <Button size="small" onClick={onRetry}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {state.items.map((record) => (
          <KanbanCard
            key={record.id}
            object={object}
            record={record}
            column={column.key}
            fields={cardFields}
            pending={record.id in pending}
            locale={locale}
            t={t}
            onOpen={onOpen}
          />
        ))}
        {state.status === 'ready' && state.items.length === 0 && (
          <Typography.Text type="secondary" style={{ textAlign: 'center', padding: '16px 0' }}>
            {t('kanban.noCards')}
          </Typography.Text>
        )}
        {state.status === 'ready' && state.error !== null && <Alert type="error" showIcon title={errorMessage(state.error, t)} />}
        {state.nextCursor && (
          <Button size="small" loading={state.loadingMore} onClick={() => onLoadMore(column.key)} data-testid={`kanban-load-more-${testKey}`}>
            {t('list.loadMore')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
