import { Alert } from 'antd';
import { useT } from '../i18n/use-t';
import type { LinkProblem } from './list-link';

/** Says why a link's filters are not applied, above the list that now shows all its records. */
export function LinkProblemAlert({ problem, onClose }: { problem: LinkProblem; onClose: () => void }) {
  const t = useT();
  const text = problem.kind === 'stale' ? t('listView.link.stale', { fields: problem.fields.join(', ') }) : t(`listView.link.${problem.kind}`);
  return <Alert type="warning" showIcon closable={{ onClose }} title={text} data-testid="list-link-problem" />;
}
