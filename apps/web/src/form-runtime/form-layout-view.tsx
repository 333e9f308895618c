import { Button, Flex, Steps, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { FormField } from './form-field';
import type { LayoutNode } from './form-layout';
import { useFormRuntime } from './form-runtime-context';

function Children({ nodes }: { nodes: readonly LayoutNode[] }) {
  return <>{nodes.map((n) => <LayoutView key={n.node.id} layout={n} />)}</>;
}

/** Steps show one step at a time; every step's values stay in the store and are saved together. */
function StepsView({ layout, title }: { layout: LayoutNode; title: (n: LayoutNode, i: number) => string }) {
  const t = useT();
  const [current, setCurrent] = useState(0);
  const steps = layout.children;
  const step = steps[Math.min(current, steps.length - 1)];
  return (
    <Flex vertical gap={16}>
      <Steps size="small" current={current} onChange={setCurrent} items={steps.map((s, i) => ({ title: title(s, i) }))} />
      {step && <Children nodes={step.children} />}
      <Flex justify="space-between">
        <Button disabled={current === 0} onClick={() => setCurrent((c) => c - 1)}>{t('form.previousStep')}</Button>
        <Button disabled={current >= steps.length - 1} onClick={() => setCurrent((c) => c + 1)}>{t('form.nextStep')}</Button>
      </Flex>
    </Flex>
  );
}

/** One node of a form's layout: sections, tabs, columns and steps around the field nodes. */
export function LayoutView({ layout }: { layout: LayoutNode }): ReactNode {
  const { fields, widgets } = useFormRuntime();
  const { node, children } = layout;
  const title = (n: LayoutNode, i: number) => localized(n.node.label, widgets.locale, String(i + 1));

  switch (node.kind) {
    case 'field': {
      const field = node.field ? fields.get(node.field) : undefined;
      return field ? <FormField field={field} node={node} /> : null;
    }
    case 'section':
      return (
        <section data-testid={`form-section-${node.id}`}>
          {node.label && <Typography.Title level={5}>{localized(node.label, widgets.locale)}</Typography.Title>}
          <Children nodes={children} />
        </section>
      );
    case 'tabs':
      return (
        <Tabs
          items={children.map((tab, i) => ({ key: tab.node.id, label: title(tab, i), forceRender: true, children: <Children nodes={tab.children} /> }))}
        />
      );
    case 'columns':
      return (
        <div className="form-columns" style={{ display: 'grid', gap: 16, gridTemplateColumns: `repeat(auto-fit, minmax(200px, 1fr))` }}>
          {children.map((column) => <div key={column.node.id}><Children nodes={column.children} /></div>)}
        </div>
      );
    case 'steps':
      return <StepsView layout={layout} title={title} />;
    default:
      // A tab, column or step outside its container: show its content rather than drop it.
      return <Children nodes={children} />;
  }
}

export function LayoutList({ nodes }: { nodes: readonly LayoutNode[] }) {
  return <Children nodes={nodes} />;
}
