import type { Locale } from '@tessera/i18n';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { Card, Flex, Typography } from 'antd';
import { useDrag } from 'react-dnd';
import type { RecordData } from '../api/types';
import { localized } from '../i18n/localized';
import type { Translate } from '../i18n/messages';
import { FieldCell } from '../objects/field-cell';
import { displayText } from './display-text';

export const CARD_TYPE = 'kanban-card';

/** What travels with a dragged card: the record as shown, so the PATCH carries the version seen. */
export interface DraggedCard {
  record: RecordData;
  from: string;
}

interface KanbanCardProps {
  object: ObjectDefinition;
  record: RecordData;
  column: string;
  fields: FieldDefinition[];
  pending: boolean;
  locale: Locale;
  t: Translate;
  onOpen: (recordId: string) => void;
}

export function KanbanCard({ object, record, column, fields, pending, locale, t, onOpen }: KanbanCardProps) {
  const [{ dragging }, drag] = useDrag<DraggedCard, unknown, { dragging: boolean }>(
    () => ({
      type: CARD_TYPE,
      item: { record, from: column },
      // A card whose move is still on its way stays put until the server answers.
      canDrag: () => !pending,
      collect: (monitor) => ({ dragging: monitor.isDragging() }),
    }),
    [record, column, pending],
  );

  return (
    <div
      ref={(node) => {
        drag(node);
      }}
      data-testid={`kanban-card-${record.id}`}
      data-dragging={dragging || undefined}
      style={{ opacity: dragging || pending ? 0.5 : 1 }}
    >
      <Card
        size="small"
        hoverable
        role="button"
        tabIndex={0}
        onClick={() => onOpen(record.id)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onOpen(record.id);
          }
        }}
        style={{ cursor: pending ? 'progress' : 'grab' }}
      >
        <Flex vertical gap={4}>
          <Typography.Text strong ellipsis>
            {displayText(object, record)}
          </Typography.Text>
          {fields.map((field) =>
            record[field.id] === null || record[field.id] === undefined ? null : (
              <Flex key={field.id} gap={6} align="baseline" style={{ minWidth: 0, fontSize: 12 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
                  {localized(field.label, locale, field.id)}
                </Typography.Text>
                <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  <FieldCell field={field} record={record} locale={locale} t={t} />
                </span>
              </Flex>
            ),
          )}
        </Flex>
      </Card>
    </div>
  );
}
