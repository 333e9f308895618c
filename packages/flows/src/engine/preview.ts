import { buildGraph, type FlowGraph } from '../flow-graph';
import type { FlowCommand, FlowEffect, FlowEnvironment, FlowHistoryEntry } from '../flow-step';
import { type InstanceState, type InstanceStatus, initialState } from '../instance-state';
import { reduce } from './reduce';

/** One approval step the record would pass, and who would decide it. */
export interface PreviewStep {
  node: string;
  approvers: string[];
  /** The submitter picks (some of) this step's approvers. */
  choose: boolean;
}

/** Stands in for the people a submitter has not picked yet, so the look-ahead passes their step. */
const TO_BE_CHOSEN = '\u0000chosen';

/** A dry run of a flow on a record: the approval steps met, what happened on the way, where it stopped. */
export interface LookAhead {
  steps: PreviewStep[];
  /** The instance's history as the run would write it: branches taken, approvals started, records it would update, the end. */
  trail: FlowHistoryEntry[];
  /** running: it stopped at a timer or at a step nobody would decide. */
  status: InstanceStatus;
}

const historyOf = (effects: readonly FlowEffect[]): FlowHistoryEntry[] => effects.flatMap((e) => (e.kind === 'history' ? [e.entry] : []));

/**
 * Runs the flow on the record without writing anything, approving every open task as its
 * approver would, and lists the approval steps met on the way, in order, with the trail of what
 * the run did. Branches follow the record as it is; a timer or a step without approvers ends the
 * look-ahead. A step whose approvers the submitter picks is listed with `choose`, and passed as if
 * they had approved. Effects (record writes, notifications, calls) are only reported, never applied.
 */
export function lookAhead(flowGraph: FlowGraph, realEnv: FlowEnvironment, chosen: Record<string, string[]> = {}): LookAhead {
  // The stand-in for people not picked yet is nobody in the directory: resolving would drop it and skip the step.
  const env: FlowEnvironment = {
    ...realEnv,
    resolve: (rules, node, picked, record) => {
      const found = realEnv.resolve(rules, node, picked, record);
      return picked?.includes(TO_BE_CHOSEN) && !found.includes(TO_BE_CHOSEN) ? [...found, TO_BE_CHOSEN] : found;
    },
  };
  // The look-ahead approves as if each approver had filled in what their step asks of them.
  const graph = buildGraph({ ...flowGraph.flow, nodes: flowGraph.flow.nodes.map(({ fieldPermissions: _asked, ...node }) => node) });
  const choosing = new Set(
    [...graph.nodes.values()].filter((n) => n.kind === 'approval' && (n.approvers ?? []).some((r) => r.kind === 'chosen')).map((n) => n.id),
  );
  const picks = { ...Object.fromEntries([...choosing].map((node) => [node, [TO_BE_CHOSEN]])), ...chosen };
  const steps: PreviewStep[] = [];
  const started = reduce(graph, initialState(), { kind: 'start', chosen: picks }, env);
  const trail = historyOf(started.effects);
  let state: InstanceState = started.state;
  for (let round = 0; round < 100 && state.status === 'running'; round += 1) {
    const open = Object.values(state.approvals).flatMap((approval) =>
      approval.chains.flatMap((chain) => chain.seats.filter((s) => s.status === 'pending').map((s) => ({ node: approval.node, user: s.user }))),
    );
    if (open.length === 0) break;
    for (const approval of Object.values(state.approvals)) {
      if (steps.some((s) => s.node === approval.node)) continue;
      const approvers = approval.chains.flatMap((c) => c.seats.map((s) => s.user));
      steps.push({ node: approval.node, approvers: approvers.filter((u) => u !== TO_BE_CHOSEN), choose: choosing.has(approval.node) });
    }
    const next: FlowCommand = { kind: 'approve', user: open[0]!.user, node: open[0]!.node };
    const reduced = reduce(graph, state, next, env);
    trail.push(...historyOf(reduced.effects));
    state = reduced.state;
  }
  const hidden = (users: unknown) => (Array.isArray(users) ? users.filter((u) => u !== TO_BE_CHOSEN) : users);
  return {
    steps,
    trail: trail.map((entry) =>
      entry.detail && 'approvers' in entry.detail ? { ...entry, detail: { ...entry.detail, approvers: hidden(entry.detail.approvers) } } : entry,
    ),
    status: state.status,
  };
}

/** "Who will approve this?": the approval steps of the look-ahead, in order. */
export function previewApprovals(flowGraph: FlowGraph, env: FlowEnvironment, chosen: Record<string, string[]> = {}): PreviewStep[] {
  return lookAhead(flowGraph, env, chosen).steps;
}
