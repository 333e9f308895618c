import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { APPROVER_KINDS, type ApproverRule, type ObjectDefinition } from '@tessera/schemas';
import { Button, Card, Dropdown, Flex, InputNumber, Select } from 'antd';
import { useStudio } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { patched } from '../../model/document-edits';
import { useFlowT } from '../i18n/use-flow-t';
import { PeoplePicker } from './people-picker';

/** The people every record has, beside its own person fields. */
const PERSON_COLUMNS = ['owner_id', 'created_by', 'updated_by'] as const;

interface ApproverRulesProps {
  rules: readonly ApproverRule[];
  onChange: (rules: ApproverRule[]) => void;
  object: ObjectDefinition | null;
  /** The rule kinds offered (CC has no "chosen by the submitter", say). */
  kinds?: readonly ApproverRule['kind'][];
  testId: string;
}

/** Who a node is for, as a list of rules, each with its picker: people, a role, heads N levels up, a person field… */
export function ApproverRules({ rules, onChange, object, kinds = APPROVER_KINDS, testId }: ApproverRulesProps) {
  const t = useFlowT();
  const setRule = (index: number, rule: ApproverRule) => onChange(rules.map((r, i) => (i === index ? rule : r)));
  const add = (kind: ApproverRule['kind']) => {
    const fresh: ApproverRule = kind === 'department_head' || kind === 'head_chain' ? { kind, levels: 1 } : { kind };
    onChange([...rules, fresh]);
  };
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {rules.map((rule, index) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id, their place is who they are
          key={index}
          size="small"
          title={t(`flows.rule.${rule.kind}`)}
          data-testid={`${testId}-${index}`}
          extra={
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('flows.rule.remove')}
              onClick={() => onChange(rules.filter((_, i) => i !== index))}
            />
          }
        >
          <RuleDetails rule={rule} object={object} onChange={(next) => setRule(index, next)} testId={`${testId}-${index}`} />
        </Card>
      ))}
      <Dropdown
        trigger={['click']}
        menu={{
          items: kinds.map((kind) => ({ key: kind, label: t(`flows.rule.${kind}`), 'data-testid': `${testId}-add-${kind}` })),
          onClick: ({ key }) => {
            const kind = kinds.find((k) => k === key);
            if (kind) add(kind);
          },
        }}
      >
        <Button size="small" icon={<PlusOutlined />} data-testid={`${testId}-add`}>
          {t('flows.addRule')}
        </Button>
      </Dropdown>
    </Flex>
  );
}

function RuleDetails({
  rule,
  object,
  onChange,
  testId,
}: {
  rule: ApproverRule;
  object: ObjectDefinition | null;
  onChange: (rule: ApproverRule) => void;
  testId: string;
}) {
  const t = useFlowT();
  const label = useLabel();
  const roles = useStudio((s) => s.document?.roles) ?? [];
  const set = (patch: Partial<ApproverRule>) => onChange(patched(rule, patch));
  switch (rule.kind) {
    case 'user':
      return <PeoplePicker value={rule.users ?? []} onChange={(users) => set({ users: users.length ? users : undefined })} />;
    case 'role':
      return (
        <Select
          style={{ width: '100%' }}
          value={rule.role}
          data-testid={`${testId}-role`}
          options={roles.map((r) => ({ value: r.id, label: label(r.label, r.id) }))}
          onChange={(role: string) => set({ role })}
        />
      );
    case 'department_head':
    case 'head_chain':
      return (
        <Flex align="center" gap={8}>
          <span>{t('flows.rule.levelsLabel')}</span>
          <InputNumber
            min={1}
            max={10}
            precision={0}
            value={rule.levels ?? 1}
            data-testid={`${testId}-levels`}
            onChange={(levels) => set({ levels: levels ?? 1 })}
          />
        </Flex>
      );
    case 'user_field':
      return (
        <Select
          style={{ width: '100%' }}
          value={rule.field}
          data-testid={`${testId}-field`}
          options={[
            ...(object?.fields ?? []).filter((f) => f.type === 'user').map((f) => ({ value: f.id, label: label(f.label, f.id) })),
            ...PERSON_COLUMNS.map((id) => ({ value: id, label: id })),
          ]}
          onChange={(field: string) => set({ field })}
        />
      );
    default:
      return null;
  }
}
