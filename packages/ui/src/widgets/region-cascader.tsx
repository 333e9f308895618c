import type { FieldDefinition } from '@tessera/schemas';
import { Cascader } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/use-t';
import type { RegionOption } from './region-path';
import { useRegionCascader } from './use-region-cascader';

interface RegionCascaderProps {
  field: FieldDefinition;
  /** The record's `_display` text of the stored code ("浙江省 杭州市 西湖区"). */
  currentLabel: string | undefined;
  id?: string;
  value?: string | null;
  disabled?: boolean;
  placeholder?: string;
  onChange?: (value: string | null) => void;
}

/** Province → city → district; the field stores only the deepest code picked. */
export function RegionCascader({ field, currentLabel, id, value, disabled, placeholder, onChange }: RegionCascaderProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // A city found to have no districts once opened (东莞市) is picked as if it had been a leaf.
  const region = useRegionCascader(field, value ?? null, currentLabel, (path) => {
    onChange?.(path[path.length - 1] ?? null);
    setOpen(false);
  });
  return (
    <Cascader<RegionOption>
      id={id}
      value={region.path}
      options={region.options}
      loadData={region.loadData}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        region.onOpen(next);
      }}
      onChange={(path) => onChange?.(path && path.length > 0 ? String(path[path.length - 1]) : null)}
      displayRender={() => region.display}
      disabled={disabled}
      placeholder={placeholder ?? t('widget.regionPick')}
      allowClear
      style={{ width: '100%' }}
    />
  );
}
