import { lazy } from 'react';
import { useT } from '../i18n/use-t';
import { LazyWidget } from './lazy-widget';
import type { RichTextEditorProps } from './rich-text-editor';

// TipTap and ProseMirror (~100 kB gzipped) load only when a form shows a rich text field.
const RichTextEditor = lazy(() => import('./rich-text-editor').then((m) => ({ default: m.RichTextEditor })));

/** Holds the editor's place (and height) while its chunk loads, so the form does not jump. */
function RichTextLoading() {
  const t = useT();
  return (
    <div style={{ minHeight: 160, border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 11px', color: 'rgba(0, 0, 0, 0.25)' }}>
      {t('widgets.loading')}
    </div>
  );
}

/** The rich text field of a form (field-widget.tsx): the lazily loaded TipTap editor. */
export function RichTextInput(props: RichTextEditorProps) {
  return (
    <LazyWidget loading={<RichTextLoading />}>
      <RichTextEditor {...props} />
    </LazyWidget>
  );
}
