import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { FieldDefinition } from '@tessera/schemas';
import { Alert, Button, Upload } from 'antd';
import type { FileRef } from '../api/types';
import { useT } from '../i18n/use-t';
import { fileRefs } from './file-values';
import { type FileSource, useFileUpload } from './use-file-upload';

interface FileUploadProps {
  field: FieldDefinition;
  source: FileSource;
  id?: string;
  value?: unknown;
  disabled?: boolean;
  onChange?: (value: FileRef[] | null) => void;
}

/**
 * Attachments (a list of links) and images (thumbnails). Each file is uploaded as soon as it is
 * picked; the field's value is what the server answered, saved with the record like any other.
 */
export function FileUpload({ field, source, id, value, disabled, onChange }: FileUploadProps) {
  const t = useT();
  const image = field.type === 'image';
  const upload = useFileUpload(field, fileRefs(value), source, onChange);
  const trigger = image ? (
    <div>
      <PlusOutlined />
      <div style={{ marginTop: 4 }}>{t('widget.fileAddImage')}</div>
    </div>
  ) : (
    <Button icon={<UploadOutlined />} disabled={disabled}>
      {t('widget.fileAdd')}
    </Button>
  );
  return (
    <div data-testid={`file-upload-${field.id}`}>
      <Upload
        id={id}
        fileList={upload.fileList}
        listType={image ? 'picture-card' : 'text'}
        multiple={upload.max > 1}
        disabled={disabled}
        beforeUpload={upload.beforeUpload}
        customRequest={upload.customRequest}
        onRemove={upload.onRemove}
        {...(image ? { accept: 'image/*' } : {})}
      >
        {upload.full || (image && disabled) ? null : trigger}
      </Upload>
      {upload.failures.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: upload.dismiss }}
          style={{ marginTop: 8 }}
          title={upload.failures.map((f) => <div key={f.uid}>{f.message}</div>)}
          data-testid={`file-upload-error-${field.id}`}
        />
      )}
    </div>
  );
}
