import type { EvalRecord, ExprType } from '@tessera/expr';
import type { Locale } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';
import { useMemo } from 'react';
import { FormulaPreviewPanel } from './formula-preview-panel';
import { useFormulaEditor } from './use-formula-editor';
import { type PreviewContext, useFormulaPreview } from './use-formula-preview';

export interface FormulaEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** The fields of the object the formula belongs to. */
  fields: readonly FieldDefinition[];
  /** Fields of the objects that relation and child-table fields point to, by object id. */
  relatedFields?: Readonly<Record<string, readonly FieldDefinition[]>>;
  locale: Locale;
  /** A record to evaluate the formula against in the preview (field id → stored value). */
  sampleRecord?: EvalRecord | null;
  /** The clock, zone and user the preview evaluates with; defaults: when the editor opened, the browser's zone, nobody. */
  context?: PreviewContext;
  /** The type the formula must produce (e.g. the computed field's type); a different one is flagged in the preview. */
  expectedType?: ExprType;
  /** Editor height in pixels. */
  height?: number;
}

/** A Monaco editor for `@tessera/expr` formulas with completion, signature help, hover, live errors and a preview. */
export function FormulaEditor(props: FormulaEditorProps) {
  const { fields, relatedFields, locale } = props;
  const options = useMemo(() => ({ fields, ...(relatedFields ? { relatedFields } : {}) }), [fields, relatedFields]);
  const { containerRef, settled } = useFormulaEditor({ value: props.value, onChange: props.onChange, options, locale });
  const preview = useFormulaPreview(settled, options, locale, props.sampleRecord, props.context, props.expectedType);
  return (
    <div className="tessera-formula-editor" data-testid="formula-editor">
      <div
        ref={containerRef}
        data-testid="formula-editor-input"
        style={{ height: props.height ?? 120, border: '1px solid #d9d9d9', borderRadius: 6, paddingTop: 6, background: '#fff' }}
      />
      <FormulaPreviewPanel preview={preview} locale={locale} hasSample={Boolean(props.sampleRecord)} />
    </div>
  );
}
