import type { AppDocument, FormDefinition, ObjectDefinition } from '@tessera/schemas';
import { useSessionStore } from '@tessera/ui';
import { FormPreview } from '@tessera/ui/form-preview';
import { Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useStudioT } from '../i18n/use-studio-t';
import { PreviewBoundary } from './preview-boundary';

/** A phone's width in CSS pixels, as a rep's phone shows the form. */
const PHONE_WIDTH = 390;

/** The form as end users will get it once published: the runtime's own renderer over the draft, at desktop or phone width. */
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
      <div className="studio-preview-frame" style={{ width: device === 'phone' ? PHONE_WIDTH : '100%' }} data-device={device}>
        <PreviewBoundary resetOn={document} message={t('studio.preview.failed')}>
          <FormPreview appId={appId} document={document} object={object} form={form} locale={locale} />
        </PreviewBoundary>
      </div>
    </Flex>
  );
}
