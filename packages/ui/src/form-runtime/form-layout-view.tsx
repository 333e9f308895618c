import { Skeleton, Tabs, Typography } from 'antd';
import { lazy, memo, type ReactNode, Suspense, useMemo } from 'react';
import { localized } from '../i18n/localized';
import { FormField } from './form-field';
import type { LayoutNode } from './form-layout';
import { useFormRuntime } from './form-runtime-context';
import { PageTitle } from './page-title';
import { useErrorPages } from './use-error-pages';

const StepsView = lazy(() => import('./form-steps-view').then((m) => ({ default: m.StepsView })));

/**
 * Consecutive fields are laid out in groups of this many. A group far out of view skips layout
 * and paint (`content-visibility`, runtime.css), and an edit re-renders along a short list of
 * siblings instead of every field of a long form.
 */
const GROUP_SIZE = 16;

type Part = { group: readonly LayoutNode[]; key: string } | { node: LayoutNode; key: string };

function partsOf(nodes: readonly LayoutNode[]): Part[] {
  const parts: Part[] = [];
  let run: LayoutNode[] = [];
  const close = () => {
    if (run.length > 0) parts.push({ group: run, key: `group-${run[0]?.node.id}` });
    run = [];
  };
  for (const node of nodes) {
    if (node.node.kind !== 'field') {
      close();
      parts.push({ node, key: node.node.id });
      continue;
    }
    run.push(node);
    if (run.length === GROUP_SIZE) close();
  }
  close();
  return parts;
}

const FieldGroup = memo(function FieldGroup({ nodes }: { nodes: readonly LayoutNode[] }) {
  const { fields } = useFormRuntime();
  return (
    <div className="tessera-field-group">
      {nodes.map(({ node }) => {
        const field = node.field ? fields.get(node.field) : undefined;
        return field ? <FormField key={node.id} field={field} node={node} /> : null;
      })}
    </div>
  );
});

const Children = memo(function Children({ nodes }: { nodes: readonly LayoutNode[] }) {
  const parts = useMemo(() => partsOf(nodes), [nodes]);
  return <>{parts.map((p) => ('group' in p ? <FieldGroup key={p.key} nodes={p.group} /> : <LayoutView key={p.key} layout={p.node} />))}</>;
});

/** Only the tab on show is mounted; every tab's values stay in the store and are saved together. */
function TabsView({ layout, title }: { layout: LayoutNode; title: (n: LayoutNode, i: number) => string }) {
  const tabs = layout.children;
  const { current, setCurrent, marked } = useErrorPages(tabs);
  return (
    <Tabs
      destroyOnHidden
      activeKey={tabs[current]?.node.id}
      onChange={(key) =>
        setCurrent(
          Math.max(
            0,
            tabs.findIndex((tab) => tab.node.id === key),
          ),
        )
      }
      items={tabs.map((tab, i) => ({
        key: tab.node.id,
        label: <PageTitle title={title(tab, i)} marked={marked[i] === true} />,
        children: <Children nodes={tab.children} />,
      }))}
    />
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
      return <TabsView layout={layout} title={title} />;
    case 'columns':
      return (
        <div className="form-columns" style={{ display: 'grid', gap: 16, gridTemplateColumns: `repeat(auto-fit, minmax(200px, 1fr))` }}>
          {children.map((column) => (
            <div key={column.node.id}>
              <Children nodes={column.children} />
            </div>
          ))}
        </div>
      );
    case 'steps':
      return (
        <Suspense fallback={<Skeleton active />}>
          <StepsView layout={layout} title={title} renderStep={(step) => <Children key={step.node.id} nodes={step.children} />} />
        </Suspense>
      );
    default:
      // A tab, column or step outside its container: show its content rather than drop it.
      return <Children nodes={children} />;
  }
}

export function LayoutList({ nodes }: { nodes: readonly LayoutNode[] }) {
  return <Children nodes={nodes} />;
}
