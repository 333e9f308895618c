import type { ExprType } from '@tessera/expr';
import type { ObjectDefinition } from '@tessera/schemas';
import { useSessionStore } from '@tessera/ui';
import { Spin } from 'antd';
import { Suspense, useMemo } from 'react';
import { FormulaEditor } from '../../index';
import { useStudio } from '../hooks/studio-context';

/**
 * A formula over one object in the studio's Monaco formula editor (a flow's condition, a form
 * rule's value, a formula field, a report filter, a role's row scope), checked live against the
 * object's fields and the fields of the objects its relations point to.
 */
export function ObjectFormula({
  value,
  onChange,
  object,
  expectedType,
}: {
  value: string;
  onChange: (value: string) => void;
  object: ObjectDefinition | null;
  expectedType?: ExprType;
}) {
  const locale = useSessionStore((s) => s.locale);
  const objects = useStudio((s) => s.document?.objects);
  const relatedFields = useMemo(() => Object.fromEntries((objects ?? []).map((o) => [o.id, o.fields] as const)), [objects]);
  return (
    <Suspense fallback={<Spin size="small" />}>
      <FormulaEditor
        value={value}
        onChange={onChange}
        fields={object?.fields ?? []}
        relatedFields={relatedFields}
        locale={locale}
        height={80}
        {...(expectedType ? { expectedType } : {})}
      />
    </Suspense>
  );
}
