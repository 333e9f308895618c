import type { Locale } from '@tessera/i18n';
import { translate } from '../i18n/messages';

/**
 * Said under a field whose input code could not be fetched (widget-loader.ts). Translated here,
 * when it happens, rather than by each of a form's fields on every render.
 */
export function WidgetsFailed({ locale, className }: { locale: Locale; className: string }) {
  return <div className={className}>{translate(locale, 'perf.widgetsFailed')}</div>;
}
