import { PaperClipOutlined } from '@ant-design/icons';
import type { FieldDefinition } from '@tessera/schemas';
import { Space, Typography } from 'antd';
import type { RecordData } from '../api/types';
import { fileRefs, recordFileUrl } from './file-values';
import { useCellFileSource } from './use-file-source';

const THUMB = 24;

/** Files in a table: how many, and the first one's name (an image: its small thumbnail). */
export function FileCell({ field, record }: { field: FieldDefinition; record: RecordData }) {
  const files = fileRefs(record[field.id]);
  const source = useCellFileSource(field, record);
  const first = files[0];
  if (!first) return null;
  const url = source?.objectId ? recordFileUrl(source.appId, source.objectId, record.id, first.id) : null;
  const showThumb = field.type === 'image' && url !== null && first.mime.startsWith('image/');
  return (
    <Space size={4} title={files.map((f) => f.name).join('\n')} data-testid={`file-cell-${field.id}`}>
      {showThumb ? (
        <img src={url} alt={first.name} width={THUMB} height={THUMB} loading="lazy" style={{ objectFit: 'cover', borderRadius: 2, display: 'block' }} />
      ) : (
        <PaperClipOutlined />
      )}
      <Typography.Text type="secondary">{files.length}</Typography.Text>
      <Typography.Text ellipsis style={{ maxWidth: 160 }}>
        {first.name}
      </Typography.Text>
    </Space>
  );
}
