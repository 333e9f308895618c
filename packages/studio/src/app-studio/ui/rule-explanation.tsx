import type { AppDocument, FormDefinition, ObjectDefinition } from '@tessera/schemas';
import type { RecordData } from '@tessera/ui/form-preview';
import { Alert, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { ruleReasons } from '../model/rule-reasons';

/** Why each field of the previewed record is hidden, read-only or required: the rule and its condition, for the chosen record. */
export function RuleExplanation({
  document,
  object,
  form,
  record,
  recordName,
}: {
  document: AppDocument;
  object: ObjectDefinition;
  form: FormDefinition | null;
  record: RecordData | null;
  recordName: string | null;
}) {
  const t = useStudioT();
  const label = useLabel();
  const explained = useMemo(() => ruleReasons(document, object, form, record, new Date()), [document, object, form, record]);
  const fieldName = (id: string) => label(object.fields.find((f) => f.id === id)?.label, id);
  return (
    <Flex vertical gap={4} data-testid="rule-explanation">
      <Typography.Text strong>{t('studio.why.title')}</Typography.Text>
      <Typography.Text type="secondary">{recordName === null ? t('studio.why.forNew') : t('studio.why.forRecord', { record: recordName })}</Typography.Text>
      {!explained.ok && <Alert type="warning" showIcon title={t('studio.why.broken')} />}
      {explained.ok && explained.reasons.length === 0 && <Typography.Text data-testid="rule-reason-none">{t('studio.why.none')}</Typography.Text>}
      {explained.ok &&
        explained.reasons.map((reason) => (
          <Typography.Text key={`${reason.field}.${reason.state}`} data-testid={`rule-reason-${reason.field}`}>
            {t(`studio.why.${reason.state}`, { field: fieldName(reason.field), rule: reason.rule, when: reason.when })}
          </Typography.Text>
        ))}
    </Flex>
  );
}
