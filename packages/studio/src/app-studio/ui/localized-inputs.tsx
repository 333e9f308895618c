import type { LocalizedText } from '@tessera/schemas';
import { Form, Input } from 'antd';
import type { StudioKey } from '../i18n/use-studio-t';
import { useStudioT } from '../i18n/use-studio-t';

interface LocalizedInputsProps {
  value: LocalizedText | undefined;
  /** The next text, or undefined when both languages are empty (the key leaves the document). */
  onChange: (next: LocalizedText | undefined) => void;
  labels: readonly [zh: StudioKey, en: StudioKey];
  testId: string;
}

/** One input per language for a text admins write for people (labels, help, placeholders). */
export function LocalizedInputs({ value, onChange, labels, testId }: LocalizedInputsProps) {
  const t = useStudioT();
  const set = (locale: 'zh-CN' | 'en', text: string) => {
    const next: LocalizedText = { ...value };
    if (text) next[locale] = text;
    else delete next[locale];
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <>
      <Form.Item label={t(labels[0])} style={{ marginBottom: 8 }}>
        <Input value={value?.['zh-CN'] ?? ''} onChange={(e) => set('zh-CN', e.target.value)} data-testid={`${testId}-zh`} lang="zh-CN" />
      </Form.Item>
      <Form.Item label={t(labels[1])} style={{ marginBottom: 8 }}>
        <Input value={value?.en ?? ''} onChange={(e) => set('en', e.target.value)} data-testid={`${testId}-en`} lang="en" />
      </Form.Item>
    </>
  );
}
