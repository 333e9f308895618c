import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormEffect, ObjectDefinition } from '@tessera/schemas';
import { useSessionStore } from '@tessera/ui';
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { Suspense } from 'react';
import { FormulaEditor } from '../../index';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useStudioT } from '../i18n/use-studio-t';
import { addRule, editableRules, removeRule, updateRule } from '../model/rule-edits';
import { RuleEffectRow } from './rule-effect-row';

/**
 * The form's rules: while a yes/no formula holds (written in the formula editor, checked against
 * the object's fields as it is typed), fields show or hide, become required or locked, take a
 * computed value or offer fewer options. The same
 * rules run in the browser and again on the server.
 */
export function RulesView({ object }: { object: ObjectDefinition }) {
  const t = useStudioT();
  const locale = useSessionStore((s) => s.locale);
  const store = useStudioStore();
  const document = useStudio((s) => s.document);
  const edit = useStudio((s) => s.edit);
  const formId = useStudio((s) => s.selection.formId ?? null);
  if (!document) return null;
  const rules = editableRules(document, object.id, formId);
  const relatedFields = Object.fromEntries(document.objects.map((o) => [o.id, o.fields] as const));
  const setEffects = (ruleId: string, effects: FormEffect[]) => edit((d) => updateRule(d, object.id, ruleId, { effects }, formId));

  const add = () => {
    const first = object.fields[0];
    if (!first) return;
    store.getState().edit((d) => addRule(d, object.id, first.id, formId).document);
  };

  return (
    <Flex vertical gap={12} data-testid="rules-view">
      <Typography.Text type="secondary">{t('studio.rules.hint')}</Typography.Text>
      {rules.length === 0 && <Empty description={t('studio.rules.none')} />}
      {rules.map((rule) => {
        const effects = rule.effects;
        return (
          <Card
            key={rule.id}
            size="small"
            data-testid={`rule-${rule.id}`}
            title={t('studio.rules.when')}
            extra={
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('studio.delete')}
                onClick={() => edit((d) => removeRule(d, object.id, rule.id, formId))}
              />
            }
          >
            <Suspense fallback={<Skeleton active paragraph={{ rows: 1 }} />}>
              <FormulaEditor
                value={rule.when}
                onChange={(when) => edit((d) => updateRule(d, object.id, rule.id, { when }, formId), { merge: `${object.id}.${rule.id}.when` })}
                fields={object.fields}
                relatedFields={relatedFields}
                locale={locale}
                expectedType="boolean"
                height={56}
              />
            </Suspense>
            <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>
              {t('studio.rules.then')}
            </Typography.Text>
            {effects.map((effect, index) => (
              <RuleEffectRow
                // biome-ignore lint/suspicious/noArrayIndexKey: an effect has no id; its row is its position
                key={index}
                object={object}
                effect={effect}
                testId={`rule-${rule.id}-effect-${index}`}
                onChange={(next) =>
                  setEffects(
                    rule.id,
                    effects.map((e, i) => (i === index ? next : e)),
                  )
                }
                onRemove={
                  effects.length === 1
                    ? null
                    : () =>
                        setEffects(
                          rule.id,
                          effects.filter((_, i) => i !== index),
                        )
                }
              />
            ))}
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEffects(rule.id, [...effects, { kind: 'visible', field: object.fields[0]?.id ?? '', value: true }])}
              data-testid={`rule-${rule.id}-add-effect`}
            >
              {t('studio.rules.addEffect')}
            </Button>
          </Card>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={add} disabled={object.fields.length === 0} data-testid="rules-add">
        {t('studio.rules.add')}
      </Button>
    </Flex>
  );
}
