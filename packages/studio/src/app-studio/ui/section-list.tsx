import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { LocalizedText } from '@tessera/schemas';
import { Button, Empty, List, Popconfirm, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLabel } from '../i18n/use-label';

/** The texts a section's side list shows, in the admin's language. */
export interface SectionListTexts {
  none: string;
  add: string;
  deleteLabel: (name: string) => string;
  deleteConfirm: (name: string) => string;
}

export interface SectionListProps<T extends { id: string; label?: LocalizedText | undefined }> {
  /** The prefix of every test id: `<prefix>-list`, `<prefix>-list-<id>`, `<prefix>-delete-<id>`, `<prefix>-new`. */
  testPrefix: string;
  items: readonly T[];
  openId: string | null;
  texts: SectionListTexts;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
  onAdd: () => void;
  /** The grey line under an item's name. */
  describe: (item: T) => ReactNode;
  /** Controls before the delete button (a flow's on/off switch). */
  actions?: (item: T) => ReactNode[];
}

/**
 * The side list of a studio section (flows, dashboards, roles): open an item, delete it after
 * asking, add one. An item's name is a button, so the list is usable from the keyboard.
 */
export function SectionList<T extends { id: string; label?: LocalizedText | undefined }>(props: SectionListProps<T>) {
  const { testPrefix, items, openId, texts, onOpen, onDelete, onAdd, describe, actions } = props;
  const label = useLabel();
  return (
    <div data-testid={`${testPrefix}-list`}>
      {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={texts.none} />}
      <List
        size="small"
        dataSource={[...items]}
        renderItem={(item) => {
          const name = label(item.label, item.id);
          const open = item.id === openId;
          return (
            <List.Item
              data-testid={`${testPrefix}-list-${item.id}`}
              onClick={() => onOpen(item.id)}
              style={{ cursor: 'pointer', background: open ? '#e6f4ff' : undefined, paddingInline: 8 }}
              actions={[
                ...(actions?.(item) ?? []),
                <Popconfirm key="delete" title={texts.deleteConfirm(name)} onConfirm={() => onDelete(item.id)}>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={texts.deleteLabel(name)}
                    data-testid={`${testPrefix}-delete-${item.id}`}
                    onClick={(event) => event.stopPropagation()}
                  />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <button
                    type="button"
                    className="studio-list-open"
                    aria-current={open}
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(item.id);
                    }}
                  >
                    {name}
                  </button>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {describe(item)}
                  </Typography.Text>
                }
              />
            </List.Item>
          );
        }}
      />
      <Button type="dashed" block icon={<PlusOutlined />} onClick={onAdd} style={{ marginTop: 8 }} data-testid={`${testPrefix}-new`}>
        {texts.add}
      </Button>
    </div>
  );
}
