import { Card, Col, Row, Steps, Tabs, Typography } from 'antd';
import type { RecordData } from '../api/types';
import { localized } from '../i18n/localized';
import { useSessionStore } from '../stores/session-store';
import type { LayoutGroup, LayoutItem } from './form-layout';
import { RecordValue } from './record-value';

interface RecordDetailsProps {
  layout: LayoutGroup[];
  record: RecordData;
}

/** The record's fields laid out as its form places them: sections as cards, then columns, tabs and steps inside. */
export function RecordDetails({ layout, record }: RecordDetailsProps) {
  const locale = useSessionStore((s) => s.locale);
  return (
    <div className="record-page-stack" data-testid="record-details">
      {layout.map((group) => (
        <Card
          key={group.id}
          size="small"
          className="record-page-card"
          title={group.label ? localized(group.label, locale) : undefined}
          data-testid={`record-section-${group.id}`}
        >
          <LayoutItems items={group.kind === 'section' ? group.children : [group]} record={record} />
        </Card>
      ))}
    </div>
  );
}

/** Runs of fields become a two-column grid (one column on a phone); containers render in between. */
function LayoutItems({ items, record }: { items: LayoutItem[]; record: RecordData }) {
  const locale = useSessionStore((s) => s.locale);
  const blocks: (LayoutItem | LayoutItem[])[] = [];
  for (const item of items) {
    const last = blocks.at(-1);
    if (item.kind === 'field' && Array.isArray(last)) last.push(item);
    else blocks.push(item.kind === 'field' ? [item] : item);
  }
  return blocks.map((block) => {
    if (Array.isArray(block)) {
      return (
        <Row key={block[0]?.id} gutter={[24, 0]}>
          {block.map(
            (item) =>
              item.kind === 'field' && (
                <Col
                  key={item.id}
                  xs={24}
                  sm={item.field.type === 'child_table' ? 24 : 12}
                  className="record-page-field"
                  data-testid={`record-field-${item.field.id}`}
                >
                  <Typography.Text type="secondary" className="record-page-field-label">
                    {localized(item.field.label, locale, item.field.id)}
                  </Typography.Text>
                  <div className="record-page-field-value">
                    <RecordValue field={item.field} record={record} />
                  </div>
                </Col>
              ),
          )}
        </Row>
      );
    }
    if (block.kind === 'field') return null;
    const title = block.label ? localized(block.label, locale) : undefined;
    const groups = block.children.filter((c): c is LayoutGroup => c.kind !== 'field');
    switch (block.kind) {
      case 'columns':
        return (
          <Row key={block.id} gutter={[24, 0]}>
            {groups.map((column) => (
              <Col key={column.id} xs={24} md={Math.max(6, Math.floor(24 / Math.max(1, groups.length)))}>
                <LayoutItems items={column.children} record={record} />
              </Col>
            ))}
          </Row>
        );
      case 'tabs':
        return (
          <Tabs
            key={block.id}
            size="small"
            items={groups.map((tab) => ({
              key: tab.id,
              label: tab.label ? localized(tab.label, locale, tab.id) : tab.id,
              children: <LayoutItems items={tab.children} record={record} />,
            }))}
          />
        );
      case 'steps':
        // Steps guide data entry; read back, they are the headings of consecutive parts.
        return (
          <div key={block.id}>
            <Steps
              size="small"
              orientation="vertical"
              current={-1}
              items={groups.map((step) => ({
                key: step.id,
                title: step.label ? localized(step.label, locale, step.id) : step.id,
                description: <LayoutItems items={step.children} record={record} />,
              }))}
            />
          </div>
        );
      default:
        return (
          <div key={block.id} className="record-page-subsection">
            {title && <Typography.Text strong>{title}</Typography.Text>}
            <LayoutItems items={block.children} record={record} />
          </div>
        );
    }
  });
}
