import { indexColumnsText } from '@tessera/meta/validate';
import { List, Typography } from 'antd';
import type { PlanStep } from '../api/studio-api';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';

/** The indexes a publish builds, as an admin reads them: the object and its columns in order (`customer: (stage, created_at desc, id desc)`). */
export function IndexPlanList({ plan }: { plan: readonly PlanStep[] }) {
  const t = useStudioT();
  const label = useLabel();
  const objects = useStudio((s) => s.document?.objects) ?? [];
  const indexes = plan.flatMap((step) => (step.kind === 'create_index' && step.index ? [step.index] : []));
  if (indexes.length === 0) return null;
  const line = (index: (typeof indexes)[number]) => {
    const params = { object: label(objects.find((o) => o.id === index.object)?.label, index.object), columns: indexColumnsText(index.columns) };
    return t(index.unique ? 'studio.review.indexUnique' : index.method === 'trigram' ? 'studio.review.indexSearch' : 'studio.review.index', params);
  };
  return (
    <>
      <Typography.Title level={5}>{t('studio.review.indexes')}</Typography.Title>
      <List size="small" dataSource={indexes} renderItem={(index) => <List.Item data-testid="publish-index">{line(index)}</List.Item>} />
    </>
  );
}
