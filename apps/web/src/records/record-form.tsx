import { Form } from 'antd';
import { LayoutList } from '../form-runtime/form-layout-view';
import type { LayoutNode } from '../form-runtime/form-layout';
import { FormRuntimeContext, type FormRuntime } from '../form-runtime/form-runtime-context';

interface RecordFormProps {
  runtime: FormRuntime;
  layout: readonly LayoutNode[];
  disabled: boolean;
}

/**
 * The object's form (sections, tabs, columns, steps and its rules) or, without one, every field
 * in the object's order. The antd Form only lends its layout and `disabled`; values and rules
 * live in the form store, so a keystroke re-renders one field, not the form.
 */
export function RecordForm({ runtime, layout, disabled }: RecordFormProps) {
  return (
    <FormRuntimeContext value={runtime}>
      <Form name="record-form" layout="vertical" disabled={disabled} component="div">
        <LayoutList nodes={layout} />
      </Form>
    </FormRuntimeContext>
  );
}
