import type { ObjectDefinition } from '@tessera/schemas';
import { Alert, Button, Flex, List, Typography } from 'antd';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useRouteStore } from '../stores/route-store';
import { useSessionStore } from '../stores/session-store';
import type { DuplicateCandidate } from './duplicates-api';

interface DuplicateWarningProps {
  appId: string;
  object: ObjectDefinition;
  candidates: readonly DuplicateCandidate[];
  saving: boolean;
  onSaveAnyway: () => void;
}

/**
 * Shown instead of saving when the values likely duplicate records already there: each match
 * with how alike it is and the rule that found it, a link to open the ones the user may see (a
 * colleague's customer is named only as "a record you cannot see"), and "save anyway".
 */
export function DuplicateWarning({ appId, object, candidates, saving, onSaveAnyway }: DuplicateWarningProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const navigate = useRouteStore((s) => s.navigate);
  const ruleLabel = (id: string) => {
    const rule = object.matchRules?.find((r) => r.id === id);
    return rule?.label ? localized(rule.label, locale, id) : id;
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      title={t('duplicates.warningTitle')}
      description={
        <Flex vertical gap={4}>
          <Typography.Text>{t('duplicates.warningDetail')}</Typography.Text>
          <List
            size="small"
            dataSource={[...candidates]}
            renderItem={(candidate, index) => (
              <List.Item
                key={candidate.visible ? candidate.id : `hidden-${index}`}
                data-testid="duplicate-candidate"
                actions={
                  candidate.visible
                    ? [
                        <Button
                          key="open"
                          type="link"
                          size="small"
                          data-testid="duplicate-open"
                          onClick={() => navigate({ name: 'record', appId, objectId: object.id, recordId: candidate.id })}
                        >
                          {t('duplicates.open')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Flex vertical>
                  <Typography.Text strong={candidate.visible}>
                    {candidate.visible ? (candidate.display ?? candidate.id) : t('duplicates.hidden')}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('duplicates.score', { score: Math.round(candidate.score * 100) })} · {t('duplicates.rule', { rule: ruleLabel(candidate.rule) })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Flex>
      }
      action={
        <Button size="small" danger loading={saving} onClick={onSaveAnyway} data-testid="duplicate-save-anyway">
          {t('duplicates.saveAnyway')}
        </Button>
      }
    />
  );
}
