import type { Locale } from '@tessera/i18n';
import { Segmented } from 'antd';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';

/** Each language named in itself, so someone who cannot read the current one still finds theirs. */
const options: { label: string; short: string; value: Locale }[] = [
  { label: '中文', short: '中', value: 'zh-CN' },
  { label: 'English', short: 'EN', value: 'en' },
];

/** `compact` for a phone-width header, where every pixel goes to the app's name. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const setLocale = useSessionStore((s) => s.setLocale);
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('lang.switch')}
      data-testid="language-switch"
      options={options.map((o) => ({ value: o.value, label: compact ? o.short : o.label, title: o.label }))}
      value={locale}
      onChange={setLocale}
    />
  );
}
