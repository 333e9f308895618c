import { ConfigProvider } from 'antd';
import { memo, useEffect } from 'react';
import type { LayoutNode } from '../form-runtime/form-layout';
import { LayoutList } from '../form-runtime/form-layout-view';
import { FormDisabledContext, type FormRuntime, FormRuntimeContext } from '../form-runtime/form-runtime-context';
import { loadWidgets } from '../form-runtime/widget-loader';

interface RecordFormProps {
  runtime: FormRuntime;
  layout: readonly LayoutNode[];
  disabled: boolean;
}

/**
 * The object's form (sections, tabs, columns, steps and its rules) or, without one, every field
 * in the object's order. No antd Form: values and rules live in the form store, so a keystroke
 * re-renders one field, and each field is plain markup (form-runtime/field-frame.tsx). While
 * saving, every input is disabled: ours through FormDisabledContext, antd's inside widgets
 * through ConfigProvider. Memoized: the drawer re-renders around it (its motion, the draft
 * offer) without touching 200 fields or their contexts.
 */
export const RecordForm = memo(function RecordForm({ runtime, layout, disabled }: RecordFormProps) {
  // Once the form is on screen: its light inputs are usable while the antd ones arrive.
  useEffect(() => {
    loadWidgets().catch(() => undefined); // the fields show a failure themselves
  }, []);
  return (
    <FormRuntimeContext value={runtime}>
      <FormDisabledContext value={disabled}>
        <ConfigProvider componentDisabled={disabled}>
          <div className="tessera-form" data-testid="record-form">
            <LayoutList nodes={layout} />
          </div>
        </ConfigProvider>
      </FormDisabledContext>
    </FormRuntimeContext>
  );
});
