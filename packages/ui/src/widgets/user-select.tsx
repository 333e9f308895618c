import { Select, Spin } from 'antd';
import { useT } from '../i18n/use-t';
import { useUserSearch } from './use-user-search';

interface UserSelectProps {
  id?: string;
  value?: string | null;
  disabled?: boolean;
  placeholder?: string;
  onChange?: (value: string | null) => void;
  onBlur?: () => void;
}

/** A person from the address book, found by typing part of their name or email. */
export function UserSelect({ id, value, disabled, placeholder, onChange, onBlur }: UserSelectProps) {
  const t = useT();
  const users = useUserSearch(value ?? null);
  return (
    <Select<string | null>
      id={id}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      onBlur={onBlur}
      disabled={disabled}
      allowClear
      placeholder={placeholder ?? t('widget.userSearch')}
      options={users.options}
      showSearch={{ filterOption: false, onSearch: users.search }}
      notFoundContent={users.loading ? <Spin size="small" /> : users.typed ? undefined : t('widget.typeToSearch')}
      loading={users.loading}
    />
  );
}
