import { buildGraph, type FlowGraph } from '../flow-graph';
import type { FlowCommand, FlowEnvironment } from '../flow-step';
import { type InstanceState, initialState } from '../instance-state';
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

/**
 * "Who will approve this?": runs the flow on the record without writing anything, approving every
 * open task as its approver would, and lists the approval steps met on the way, in order. Branches
 * follow the record as it is; a timer or a step without approvers ends the look-ahead. A step
 * whose approvers the submitter picks is listed with `choose`, and passed as if they had approved.
 */
export function previewApprovals(flowGraph: FlowGraph, env: FlowEnvironment, chosen: Record<string, string[]> = {}): PreviewStep[] {
  // The look-ahead approves as if each approver had filled in what their step asks of them.
  const graph = buildGraph({ ...flowGraph.flow, nodes: flowGraph.flow.nodes.map(({ fieldPermissions: _asked, ...node }) => node) });
  const choosing = new Set(
    [...graph.nodes.values()].filter((n) => n.kind === 'approval' && (n.approvers ?? []).some((r) => r.kind === 'chosen')).map((n) => n.id),
  );
  const picks = { ...Object.fromEntries([...choosing].map((node) => [node, [TO_BE_CHOSEN]])), ...chosen };
  const steps: PreviewStep[] = [];
  let state: InstanceState = reduce(graph, initialState(), { kind: 'start', chosen: picks }, env).state;
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
    state = reduce(graph, state, next, env).state;
  }
  return steps;
}
