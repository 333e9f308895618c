import type { FIELD_FORMATS } from '@tessera/schemas';
import { useSessionStore } from '@tessera/ui';
import { Alert, List, Typography } from 'antd';
import type { RuleBreak } from '../api/studio-api';
import { useFieldName } from '../i18n/use-field-name';
import { useStudioT } from '../i18n/use-studio-t';

type FieldFormat = (typeof FIELD_FORMATS)[number];

/**
 * The publish review's word on data already stored: per new or tightened rule, how many rows break
 * it, with a link to the object's list filtered to exactly those rows. Publishing is not blocked — the rows stay readable, and a later
 * write of the field must meet the rule — so this is a warning, not an error.
 */
export function RuleBreaksList({ breaks }: { breaks: readonly RuleBreak[] }) {
  const t = useStudioT();
  const nameOf = useFieldName();
  const locale = useSessionStore((s) => s.locale);
  const broken = breaks.filter((b) => b.count === null || b.count > 0);
  if (broken.length === 0) return null;
  const fieldName = (b: RuleBreak) => nameOf(b.object, b.field);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('studio.review.ruleBreaks')}
      description={
        <List
          size="small"
          dataSource={broken}
          renderItem={(b) => (
            <List.Item data-testid="publish-rule-break">
              {b.count === null ? (
                <span>{t('studio.review.breaksUncounted', { field: fieldName(b) })}</span>
              ) : (
                <span>
                  {t(b.rule === 'required' ? 'studio.review.breaksRequired' : 'studio.review.breaksFormat', {
                    field: fieldName(b),
                    count: countText(b.count, b.countIsEstimate, locale),
                    format: b.format ? t(`studio.format.${b.format as FieldFormat}`) : '',
                  })}{' '}
                  <Typography.Link href={b.list} target="_blank" data-testid="publish-rule-break-list">
                    {t('studio.review.openList')}
                  </Typography.Link>
                </span>
              )}
            </List.Item>
          )}
        />
      }
    />
  );
}

/** A count as the list shows its total: separated by the reader's locale, "≈" before an estimate. */
function countText(count: number, estimate: boolean, locale: string): string {
  const text = count.toLocaleString(locale);
  return estimate ? `≈ ${text}` : text;
}
