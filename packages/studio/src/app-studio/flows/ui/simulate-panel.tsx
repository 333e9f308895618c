import type { FlowDefinition, ObjectDefinition } from '@tessera/schemas';
import { ApiError, errorMessage, useT } from '@tessera/ui';
import { UserSelect } from '@tessera/ui/user-select';
import { Alert, Button, Flex, List, Select, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useStudio } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { flowApi, type Simulation } from '../api/flow-api';
import { useSimulatedPath } from '../hooks/simulated-path';
import { type FlowT, useFlowT } from '../i18n/use-flow-t';

type Outcome = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: Simulation } | { status: 'failed'; error: unknown };

/**
 * Simulate: pick a record of the published object and see the path the DRAFT flow would take —
 * branches chosen, each approval with its approvers by name, steps the submitter picks for —
 * from the server's dry run of the engine, which writes nothing.
 */
export function SimulatePanel({ flow, object }: { flow: FlowDefinition; object: ObjectDefinition | null }) {
  const t = useFlowT();
  const appId = useStudio((s) => s.appId) as string;
  const [recordId, setRecordId] = useState<string | null>(null);
  const [initiatorId, setInitiatorId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const path = useSimulatedPath();
  const run = async () => {
    if (!recordId) return;
    setOutcome({ status: 'running' });
    try {
      const result = await flowApi.simulate(appId, flow, recordId, initiatorId);
      setOutcome({ status: 'done', result });
      path.show(passedNodes(result));
    } catch (error) {
      setOutcome({ status: 'failed', error });
    }
  };
  return (
    <Flex vertical gap={8} data-testid="flow-simulate">
      <Typography.Text strong>{t('flows.simulate')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('flows.simulate.hint')}
      </Typography.Text>
      <Flex gap={8}>
        <RecordPicker appId={appId} objectId={flow.object} displayField={object?.displayField ?? null} value={recordId} onChange={setRecordId} />
        <Button type="primary" disabled={!recordId} loading={outcome.status === 'running'} onClick={() => void run()} data-testid="flow-simulate-run">
          {t('flows.simulate.run')}
        </Button>
      </Flex>
      <UserSelect value={initiatorId} placeholder={t('flows.simulate.initiator')} onChange={setInitiatorId} />
      {outcome.status === 'failed' && <SimulationError error={outcome.error} />}
      {outcome.status === 'done' && <SimulationPath flow={flow} result={outcome.result} />}
    </Flex>
  );
}

/** The nodes the run went through, and the branches it took. */
function passedNodes(result: Simulation): ReadonlySet<string> {
  const nodes = new Set<string>();
  for (const entry of result.path) {
    if (entry.node) nodes.add(entry.node);
    if (entry.kind === 'branched' && typeof entry.detail.branch === 'string') nodes.add(entry.detail.branch);
  }
  return nodes;
}

function RecordPicker(props: { appId: string; objectId: string; displayField: string | null; value: string | null; onChange: (id: string | null) => void }) {
  const t = useFlowT();
  const { appId, objectId, displayField } = props;
  const [text, setText] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    flowApi
      .records(appId, objectId, displayField, text, controller.signal)
      .then((page) => {
        setUnavailable(false);
        setOptions(page.items.map((r) => ({ value: r.id, label: String((displayField && r[displayField]) || r.id) })));
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setUnavailable(error instanceof ApiError);
      });
    return () => controller.abort();
  }, [appId, objectId, displayField, text]);
  return (
    <Select<string | null>
      style={{ flex: 1, minWidth: 0 }}
      allowClear
      value={props.value}
      placeholder={unavailable ? t('flows.simulate.unpublished') : t('flows.simulate.record')}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText }}
      onChange={(id) => props.onChange(id ?? null)}
      data-testid="flow-simulate-record"
    />
  );
}

function SimulationError({ error }: { error: unknown }) {
  const translate = useT();
  const problems = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error, translate)}
      description={problems.length ? problems.map((p) => <div key={`${p.pointer}${p.code}`}>{p.message}</div>) : undefined}
      data-testid="flow-simulate-error"
    />
  );
}

const STATES = ['running', 'approved', 'rejected', 'withdrawn', 'cancelled'] as const;

/** An instance's status (or an end node's outcome) in the admin's language, not the engine's word. */
function stateName(t: FlowT, state: unknown): string {
  const known = STATES.find((s) => s === state);
  return known ? t(`flows.simulate.state.${known}`) : String(state ?? '');
}

/** One line of the path in the admin's words. */
function describe(t: FlowT, entry: Simulation['path'][number], nodeName: (id: string | null) => string): string | null {
  const people = entry.people.map((p) => p.name).join(', ');
  switch (entry.kind) {
    case 'branched': {
      const branch = typeof entry.detail.branch === 'string' ? entry.detail.branch : null;
      return branch ? t('flows.simulate.branch', { branch: nodeName(branch) }) : t('flows.simulate.noBranch');
    }
    case 'approval_started':
      return people ? t('flows.simulate.approval', { people }) : t('flows.simulate.chosen');
    case 'skipped':
      return t('flows.simulate.skipped');
    case 'auto_approved':
      return t('flows.simulate.autoApproved');
    case 'cc':
      return t('flows.simulate.cc', { people });
    case 'updated_record':
      return t('flows.simulate.updated', { fields: Array.isArray(entry.detail.fields) ? entry.detail.fields.join(', ') : '' });
    case 'waiting':
      return t('flows.simulate.waiting', { until: typeof entry.detail.until === 'string' ? dayjs(entry.detail.until).format('YYYY-MM-DD HH:mm') : '' });
    case 'ended':
      return t('flows.simulate.ended', { outcome: stateName(t, entry.detail.outcome) });
    // Each approver's approval in the dry run is assumed, not shown.
    case 'approved':
    case 'node_approved':
      return null;
    default:
      return t('flows.simulate.other', { kind: entry.kind });
  }
}

function SimulationPath({ flow, result }: { flow: FlowDefinition; result: Simulation }) {
  const t = useFlowT();
  const label = useLabel();
  const nodeName = (id: string | null) => {
    const node = flow.nodes.find((n) => n.id === id);
    return node ? label(node.label, t(`flows.kind.${node.kind}`)) : (id ?? '');
  };
  const items = result.path.flatMap((entry, index) => {
    const text = describe(t, entry, nodeName);
    return text === null
      ? []
      : [{ key: `${index}`, children: <span data-testid="flow-simulate-entry">{`${entry.node ? `${nodeName(entry.node)}: ` : ''}${text}`}</span> }];
  });
  return (
    <div data-testid="flow-simulate-result">
      <Timeline items={items} />
      <List
        size="small"
        dataSource={result.steps}
        renderItem={(step) => (
          <List.Item data-testid="flow-simulate-step">
            <Typography.Text strong>{label(step.label ?? undefined, step.node)}</Typography.Text>
            <span>{step.choose ? <Tag color="blue">{t('flows.simulate.chosen')}</Tag> : step.approvers.map((p) => <Tag key={p.id}>{p.name}</Tag>)}</span>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary">{t('flows.simulate.status', { status: stateName(t, result.status) })}</Typography.Text>
    </div>
  );
}
