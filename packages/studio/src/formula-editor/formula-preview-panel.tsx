import { type Locale, translate } from '@tessera/i18n';
import type { CSSProperties } from 'react';
import type { FormulaPreview } from './formula-preview-model';

// Plain elements rather than antd: the editor chunk then shares only React with the app's first
// load, and adding it does not reshuffle the app's initial chunks.
const STYLES = {
  panel: { marginTop: 8, display: 'flex', flexDirection: 'column', gap: 4, fontSize: 14, lineHeight: 1.5715 },
  caption: { color: 'rgba(0,0,0,0.45)', fontSize: 12 },
  muted: { color: 'rgba(0,0,0,0.45)' },
  error: { color: '#ff4d4f' },
  warning: { color: '#faad14' },
  row: { display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' },
  value: {
    fontFamily: 'Menlo, Monaco, Consolas, "Courier New", monospace',
    fontSize: 15,
    padding: '1px 6px',
    background: 'rgba(150,150,150,0.1)',
    border: '1px solid rgba(100,100,100,0.2)',
    borderRadius: 3,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
  },
  type: { fontSize: 12, padding: '0 7px', border: '1px solid #d9d9d9', borderRadius: 4, background: '#fafafa' },
} satisfies Record<string, CSSProperties>;

/** The value of the formula against the sample record, its type, or the first error. */
export function FormulaPreviewPanel({ preview, locale, hasSample }: { preview: FormulaPreview; locale: Locale; hasSample: boolean }) {
  const t = (key: string, params?: Record<string, string>) => translate(locale, key, params);
  const typed = preview.kind === 'typed' || preview.kind === 'value' ? preview : null;
  return (
    <div className="tessera-formula-preview" data-testid="formula-preview" data-kind={preview.kind} style={STYLES.panel} aria-live="polite">
      <span style={STYLES.caption}>{t('studio.formula.preview')}</span>
      {preview.kind === 'empty' && <span style={STYLES.muted}>{t('studio.formula.previewEmpty')}</span>}
      {preview.kind === 'error' && (
        <span style={STYLES.error} data-testid="formula-preview-error">
          {preview.message}
        </span>
      )}
      {typed && (
        <div style={STYLES.row}>
          {typed.kind === 'value' && (
            <code style={STYLES.value} data-testid="formula-preview-value">
              {typed.text}
            </code>
          )}
          <span style={STYLES.type} data-testid="formula-preview-type" data-type={typed.type}>
            {t('studio.formula.type', { type: typed.typeLabel })}
          </span>
          {typed.kind === 'typed' && !hasSample && <span style={STYLES.muted}>{t('studio.formula.noSample')}</span>}
        </div>
      )}
      {typed?.mismatch && (
        <span style={STYLES.warning} data-testid="formula-preview-mismatch">
          {typed.mismatch}
        </span>
      )}
    </div>
  );
}
