import type { NavigationItem } from '@tessera/schemas';
import { localized, pluralTitle, useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';
import { useStudio } from '../../hooks/studio-context';
import { useNavT } from '../i18n/use-nav-t';

/** An entry's name as the menu will show it: its own label, else what it opens (the object, view, dashboard or inbox). */
export function useEntryName(): (item: NavigationItem) => string {
  const t = useNavT();
  const locale = useSessionStore((s) => s.locale);
  const document = useStudio((s) => s.document);
  return useCallback(
    (item) => {
      const object = document?.objects.find((o) => o.id === item.object);
      const view = object?.views?.find((v) => v.id === item.view);
      const dashboard = document?.dashboards?.find((d) => d.id === item.dashboard);
      const fallback = view
        ? `${object ? pluralTitle(object, locale) : ''} · ${localized(view.label, locale, view.id)}`
        : object
          ? pluralTitle(object, locale)
          : dashboard
            ? localized(dashboard.label, locale, dashboard.id)
            : item.page === 'approvals'
              ? t('nav.addApprovals')
              : (item.object ?? item.dashboard ?? item.id);
      return localized(item.label, locale, fallback);
    },
    [document, locale, t],
  );
}
