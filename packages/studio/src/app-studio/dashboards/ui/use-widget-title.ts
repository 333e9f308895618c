import { translate } from '@tessera/i18n';
import type { LocalizedText, WidgetKind } from '@tessera/schemas';
import { useCallback } from 'react';
import '../i18n/dashboard-messages';

/** A new widget's title: its kind's name in both languages, for the admin to retype. */
export function useWidgetTitle(): (kind: WidgetKind) => LocalizedText {
  return useCallback((kind) => ({ 'zh-CN': translate('zh-CN', `dash.kind.${kind}`), en: translate('en', `dash.kind.${kind}`) }), []);
}
