import type { CheckOptions, EvalContext, EvalRecord, ExprType } from '@tessera/expr';
import type { Locale } from '@tessera/i18n';
import { useMemo, useState } from 'react';
import { type FormulaPreview, previewFormula } from './formula-preview-model';

export interface PreviewContext {
  readonly now?: Date | string | number;
  readonly timeZone?: string;
  readonly currentUser?: string | null;
}

/** The preview of the settled text; without a given clock, `now` is when the editor opened, so it does not tick. */
export function useFormulaPreview(
  source: string,
  options: CheckOptions,
  locale: Locale,
  sampleRecord: EvalRecord | null | undefined,
  context: PreviewContext | undefined,
  expectedType: ExprType | undefined,
): FormulaPreview {
  const [openedAt] = useState(() => new Date());
  const evalContext = useMemo<EvalContext>(
    () => ({
      now: context?.now ?? openedAt,
      timeZone: context?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      currentUser: context?.currentUser ?? null,
    }),
    [context?.now, context?.timeZone, context?.currentUser, openedAt],
  );
  return useMemo(
    () => previewFormula({ source, options, locale, context: evalContext, sampleRecord, expectedType }),
    [source, options, locale, evalContext, sampleRecord, expectedType],
  );
}
