import { Button, Flex, Steps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import type { LayoutNode } from './form-layout';
import { PageTitle } from './page-title';
import { useErrorPages } from './use-error-pages';

interface StepsViewProps {
  layout: LayoutNode;
  title: (n: LayoutNode, i: number) => string;
  /** Renders a step's content (form-layout-view.tsx's node list). */
  renderStep: (step: LayoutNode) => ReactNode;
}

/**
 * Steps show one step at a time, the only one mounted; every step's values stay in the store
 * and are saved together. A step with messages shows as failed. Its own chunk: antd's Steps
 * loads only for forms that have steps.
 */
export function StepsView({ layout, title, renderStep }: StepsViewProps) {
  const t = useT();
  const steps = layout.children;
  const { current, setCurrent, marked } = useErrorPages(steps);
  const step = steps[current];
  return (
    <Flex vertical gap={16}>
      <Steps
        size="small"
        current={current}
        onChange={setCurrent}
        items={steps.map((s, i) => ({
          title: <PageTitle title={title(s, i)} marked={marked[i] === true} />,
          ...(marked[i] ? { status: 'error' as const } : {}),
        }))}
      />
      {step && renderStep(step)}
      <Flex justify="space-between">
        <Button disabled={current === 0} onClick={() => setCurrent(current - 1)}>
          {t('form.previousStep')}
        </Button>
        <Button disabled={current >= steps.length - 1} onClick={() => setCurrent(current + 1)}>
          {t('form.nextStep')}
        </Button>
      </Flex>
    </Flex>
  );
}
