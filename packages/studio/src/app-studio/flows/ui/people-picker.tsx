import { UserSelect } from '@tessera/ui/user-select';
import { Flex } from 'antd';
import { useFlowT } from '../i18n/use-flow-t';

/** Several people from the address book: one picker per person (cleared to remove), and an empty one to add. */
export function PeoplePicker({ value, onChange }: { value: readonly string[]; onChange: (ids: string[]) => void }) {
  const t = useFlowT();
  const set = (next: string[]) => onChange([...new Set(next)]);
  return (
    <Flex vertical gap={4}>
      {value.map((id) => (
        <UserSelect key={id} value={id} onChange={(next) => set(next ? value.map((u) => (u === id ? next : u)) : value.filter((u) => u !== id))} />
      ))}
      <UserSelect key={value.length} value={null} placeholder={t('flows.rule.addPerson')} onChange={(next) => next && set([...value, next])} />
    </Flex>
  );
}
