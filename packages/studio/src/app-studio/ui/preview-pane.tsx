import type { AppDocument, FormDefinition, ObjectDefinition } from '@tessera/schemas';
import { useSessionStore } from '@tessera/ui';
import { FormPreview, RecordPicker } from '@tessera/ui/form-preview';
import { Alert, Divider, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useSampleRecord } from '../hooks/use-sample-record';
import { useStudioT } from '../i18n/use-studio-t';
import { PreviewBoundary } from './preview-boundary';
import { RuleExplanation } from './rule-explanation';

/** A phone's width in CSS pixels, as a rep's phone shows the form. */
const PHONE_WIDTH = 390;

/**
 * The form as end users will get it once published: the runtime's own renderer over the draft, at
 * desktop or phone width, empty as for a new record or filled from an existing one the admin picks;
 * below it, why the rules hide, lock or require fields for that record.
 */
export function PreviewPane({
  appId,
  document,
  object,
  form,
}: {
  appId: string;
  document: AppDocument;
  object: ObjectDefinition;
  form: FormDefinition | null;
}) {
  const t = useStudioT();
  const locale = useSessionStore((s) => s.locale);
  const [device, setDevice] = useState<'desktop' | 'phone'>('desktop');
  const sample = useSampleRecord(appId, object.id);
  const record = sample.record;
  const title = object.displayField ? record?.[object.displayField] : undefined;
  const recordName = record ? String(title ?? record.id) : null;
  return (
    <Flex vertical gap={8} data-testid="studio-preview">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('studio.preview')}</Typography.Text>
        <Segmented
          size="small"
          value={device}
          onChange={(value) => setDevice(value as 'desktop' | 'phone')}
          options={[
            { value: 'desktop', label: t('studio.preview.desktop') },
            { value: 'phone', label: t('studio.preview.phone') },
          ]}
          data-testid="preview-device"
        />
      </Flex>
      <Flex vertical gap={2} data-testid="preview-record">
        <Typography.Text type="secondary">{t('studio.preview.record')}</Typography.Text>
        <RecordPicker appId={appId} target={object} named={null} value={sample.recordId} onChange={sample.pick} />
        {sample.recordId && <Typography.Text type="secondary">{t('studio.preview.recordHint')}</Typography.Text>}
        {sample.failed && <Alert type="error" showIcon title={t('studio.preview.recordFailed')} />}
      </Flex>
      <div className="studio-preview-frame" style={{ width: device === 'phone' ? PHONE_WIDTH : '100%' }} data-device={device}>
        <PreviewBoundary resetOn={document} message={t('studio.preview.failed')}>
          <FormPreview appId={appId} document={document} object={object} form={form} locale={locale} record={record} />
        </PreviewBoundary>
      </div>
      <Divider style={{ margin: '4px 0' }} />
      <RuleExplanation document={document} object={object} form={form} record={record} recordName={recordName} />
    </Flex>
  );
}
