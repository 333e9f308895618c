import type { FieldDefinition } from '@tessera/schemas';
import { Cascader } from 'antd';
import type { RegionOption } from '../widgets/region-path';
import { useRegionCascader } from '../widgets/use-region-cascader';
import { useRegionLabel } from './region-label';

interface RegionFilterInputProps {
  field: FieldDefinition;
  value: string | null;
  onChange: (code: string | null) => void;
  placeholder: string;
}

/**
 * The area of a "within" filter: the record form's cascader levels (only codes a record can
 * store, see regionOptions), but any level may be picked (a province takes in its cities and
 * districts), down to the field's own depth.
 */
export function RegionFilterInput({ field, value, onChange, placeholder }: RegionFilterInputProps) {
  const label = useRegionLabel(value);
  const region = useRegionCascader(field, value, label ?? undefined);
  return (
    <Cascader<RegionOption>
      aria-label={placeholder}
      data-testid="filter-region"
      value={region.path}
      options={region.options}
      loadData={region.loadData}
      onOpenChange={region.onOpen}
      changeOnSelect
      onChange={(path) => onChange(path && path.length > 0 ? String(path[path.length - 1]) : null)}
      // Picked from the menu, the labels are the names; a filter opened again shows them once read.
      displayRender={(labels) => label ?? labels.join(' / ')}
      placeholder={placeholder}
      allowClear
      style={{ width: '100%' }}
    />
  );
}
