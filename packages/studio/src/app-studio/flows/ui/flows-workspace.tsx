import { Card, Empty } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { SimulatedPathContext } from '../hooks/simulated-path';
import { useOpenFlow } from '../hooks/use-open-flow';
import { useFlowT } from '../i18n/use-flow-t';
import { FlowCanvas } from './flow-canvas';
import { FlowPalette } from './flow-palette';
import { FlowProblems } from './flow-problems';
import { FlowProperties } from './flow-properties';
import './flows.css';
import { SimulatePanel } from './simulate-panel';

/** The flows section: the palette and the canvas of the open flow, its property panel, its problems and the simulation. */
export function FlowsWorkspace() {
  const t = useFlowT();
  const { flow, object, node } = useOpenFlow();
  const [passed, setPassed] = useState<ReadonlySet<string>>(() => new Set());
  // A path simulated on another version of the flow would mislead: any edit clears it.
  useEffect(() => setPassed(new Set()), [flow]);
  const simulated = useMemo(() => ({ nodes: passed, show: setPassed }), [passed]);
  if (!flow) return <Empty description={t('flows.pick')} style={{ marginTop: 80 }} data-testid="flow-none-open" />;
  return (
    <SimulatedPathContext value={simulated}>
      <div className="studio-workspace" data-testid="flow-designer">
        <div className="flow-designer">
          <FlowPalette />
          <FlowCanvas flow={flow} />
        </div>
        <div className="studio-side">
          <Card size="small">
            <FlowProblems flow={flow} />
          </Card>
          <Card size="small">
            <FlowProperties flow={flow} node={node} object={object} />
          </Card>
          <Card size="small">
            <SimulatePanel key={flow.id} flow={flow} object={object} />
          </Card>
        </div>
      </div>
    </SimulatedPathContext>
  );
}
