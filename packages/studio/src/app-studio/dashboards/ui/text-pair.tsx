import type { LocalizedText } from '@tessera/schemas';
import { Form, Input } from 'antd';

/** One input per language for a name people read; both empty: undefined (the key leaves the document). */
export function TextPair({
  value,
  onChange,
  labels,
  testId,
}: {
  value: LocalizedText | undefined;
  onChange: (next: LocalizedText | undefined) => void;
  labels: readonly [zh: string, en: string];
  testId: string;
}) {
  const set = (locale: 'zh-CN' | 'en', text: string) => {
    const next: LocalizedText = { ...value };
    if (text) next[locale] = text;
    else delete next[locale];
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <>
      <Form.Item label={labels[0]} style={{ marginBottom: 8 }}>
        <Input value={value?.['zh-CN'] ?? ''} onChange={(e) => set('zh-CN', e.target.value)} data-testid={`${testId}-zh`} lang="zh-CN" />
      </Form.Item>
      <Form.Item label={labels[1]} style={{ marginBottom: 8 }}>
        <Input value={value?.en ?? ''} onChange={(e) => set('en', e.target.value)} data-testid={`${testId}-en`} lang="en" />
      </Form.Item>
    </>
  );
}
