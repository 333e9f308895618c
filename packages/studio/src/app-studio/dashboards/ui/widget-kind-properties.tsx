import type { DashboardWidget } from '@tessera/schemas';
import { RichTextInput } from '@tessera/ui/rich-text-input';
import { Form, InputNumber } from 'antd';
import { useDashboardT } from '../i18n/use-dashboard-t';
import type { updateWidget } from '../model/dashboard-edits';

type Change = (patch: Parameters<typeof updateWidget>[3], merge?: string) => void;

const numberOrUndefined = (value: number | string | null) => (typeof value === 'number' ? value : undefined);

/** A gauge's dial: where it ends, and the target marked on it (the dial ends at the target when no max is set). */
export function GaugeProperties({ widget, change }: { widget: DashboardWidget; change: Change }) {
  const t = useDashboardT();
  return (
    <>
      <Form.Item label={t('dash.max')} style={{ marginBottom: 8 }}>
        <InputNumber
          style={{ width: '100%' }}
          min={0}
          value={widget.max ?? null}
          data-testid="dash-widget-max"
          onChange={(max) => change({ max: numberOrUndefined(max) }, `dash-max-${widget.id}`)}
        />
      </Form.Item>
      <Form.Item label={t('dash.target')} style={{ marginBottom: 8 }}>
        <InputNumber
          style={{ width: '100%' }}
          value={widget.target ?? null}
          data-testid="dash-widget-target"
          onChange={(target) => change({ target: numberOrUndefined(target) }, `dash-target-${widget.id}`)}
        />
      </Form.Item>
    </>
  );
}

/** A note's text in each language, with the same rich text editor as a form's field; the server sanitizes it when it is served. */
export function NoteProperties({ widget, change }: { widget: DashboardWidget; change: Change }) {
  const t = useDashboardT();
  const edit = (locale: 'zh-CN' | 'en', html: string | null) => {
    const { [locale]: _old, ...others } = widget.text ?? {};
    const text = html && html !== '<p></p>' ? { ...others, [locale]: html } : others;
    change({ text: Object.keys(text).length > 0 ? text : undefined }, `dash-note-${widget.id}-${locale}`);
  };
  return (
    <>
      {(['zh-CN', 'en'] as const).map((locale) => (
        <Form.Item key={locale} label={t(locale === 'zh-CN' ? 'dash.noteZh' : 'dash.noteEn')} style={{ marginBottom: 8 }}>
          <div data-testid={`dash-note-${locale}`}>
            <RichTextInput value={widget.text?.[locale] ?? ''} onChange={(html) => edit(locale, html)} />
          </div>
        </Form.Item>
      ))}
    </>
  );
}
