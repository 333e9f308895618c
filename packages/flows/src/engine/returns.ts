import { FlowError } from '../flow-error';
import { firstIn, MAIN, parallelPath } from '../flow-graph';
import type { Remark } from '../flow-step';
import type { Token } from '../instance-state';
import { enter } from './advance';
import { closeApproval, delayKey, history, newId, type Run, remark } from './run';

/** Whether `inner` lies inside `outer` (or is it): one path of parallel branches extends the other. */
const within = (outer: readonly string[], inner: readonly string[]) => outer.every((step, i) => inner[i] === step);

/** Ends the approvals and timers of the tokens inside `scope` (all of them for the main line) and removes those tokens. */
function clearScope(run: Run, scope: readonly string[]): void {
  const { state } = run;
  for (const token of state.tokens.filter((t) => within(scope, t.path))) {
    const approval = Object.values(state.approvals).find((a) => a.token === token.id);
    if (approval) closeApproval(run, approval);
    if (token.waiting === 'delay') run.effects.push({ kind: 'unschedule', key: delayKey(token, state.round) });
  }
  state.tokens = state.tokens.filter((t) => !within(scope, t.path));
  // Joins of parallels inside the scope start over.
  for (const parallel of Object.keys(state.joins)) if (within(scope, parallelPath(run.graph, parallel))) delete state.joins[parallel];
}

/**
 * Back to the initiator (a rejection that returns, or an approver's return): everything open
 * closes and the instance waits for the initiator to amend the record and resubmit.
 */
export function returnToInitiator(run: Run, node: string, path: string[], by: string | null): void {
  clearScope(run, []);
  run.state.returned = { node, path, by: by ?? '' };
  history(run, { kind: 'returned', actor: by, node, detail: { to: 'initiator' } });
  run.effects.push({ kind: 'notify', node, users: [run.env.initiator], message: null, reason: 'returned' });
}

/**
 * Back to an earlier approval node `target` from a token at `from` (path `fromPath`). The target
 * must lie on the token's own way: on an enclosing line before it, or in a parallel the token
 * has already passed. The positions after the target start over — inside the narrower of the
 * two scopes, so sibling branches elsewhere keep their progress — and when the target is inside
 * a finished parallel, only its branch runs again (the others stay done for the join).
 */
export function returnToNode(run: Run, fromPath: string[], target: string, by: string): void {
  const { state, graph } = run;
  const visit = [...state.visited].reverse().find((v) => v.node === target);
  if (!visit || !(within(visit.path, fromPath) || within(fromPath, visit.path))) throw new FlowError('flow.return_target', { node: target });
  const scope = visit.path.length <= fromPath.length ? visit.path : fromPath;
  clearScope(run, scope);
  state.round += 1;
  // Parallels between the scope and the target: every other branch counts as done.
  for (const step of visit.path.slice(scope.length)) {
    const [parallel = '', branch = ''] = step.split('/');
    state.joins[parallel] = (graph.branches.get(parallel) ?? []).filter((b) => b !== branch);
  }
  // The target and what came after it inside the scope will be passed again.
  const cut = state.visited.lastIndexOf(visit);
  state.visited = state.visited.filter((v, i) => i < cut || !within(scope, v.path));
  history(run, { kind: 'returned', actor: by, node: target, detail: { to: target } });
  const token: Token = { id: newId(run, 't'), node: target, path: visit.path, waiting: null };
  state.tokens.push(token);
  enter(run, token, target);
}

/**
 * The initiator sends a returned instance on again: from the start (`rerun`, the default), or
 * straight back to the node that returned it (`jump`) — inside parallel branches, to the outermost
 * parallel around it, whose branches were interrupted by the return and run again.
 */
export function resubmit(run: Run, by: string, said: Remark = {}): void {
  const { state, graph } = run;
  const returned = state.returned;
  if (!returned) throw new FlowError('flow.not_returned');
  state.returned = null;
  state.round += 1;
  history(run, { kind: 'resubmitted', actor: by, detail: remark(said) });
  let target = firstIn(graph, MAIN);
  if (graph.flow.resubmit === 'jump') target = returned.path.length ? (returned.path[0]?.split('/')[0] ?? target) : returned.node;
  else state.visited = [];
  if (target === null) return;
  const token: Token = { id: newId(run, 't'), node: target, path: [], waiting: null };
  state.tokens.push(token);
  enter(run, token, target);
}
