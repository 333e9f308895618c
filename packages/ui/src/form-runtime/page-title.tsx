import { useT } from '../i18n/use-t';

/** A tab or step title, with a red dot while fields under it carry messages. */
export function PageTitle({ title, marked }: { title: string; marked: boolean }) {
  const t = useT();
  return (
    <span>
      {title}
      {marked && <span className="tessera-page-error" role="img" aria-label={t('perf.pageHasErrors')} />}
    </span>
  );
}
