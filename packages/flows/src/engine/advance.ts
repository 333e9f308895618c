import type { FlowNode } from '@tessera/schemas';
import { firstIn, MAIN, nextInContainer, ownerOfBranch } from '../flow-graph';
import type { Token } from '../instance-state';
import { startApproval } from './approvals';
import { delayKey, dropToken, finish, history, newId, type Run } from './run';

const isTrue = (value: unknown) => value === true;

/**
 * Moves `token` past `from` (a node it has finished, or a condition it leaves): to the next node
 * of its container, out of finished branches (a parallel waits for all of its branches: the
 * join), and off the end of the main line, where the flow is approved.
 */
export function proceed(run: Run, token: Token, from: string): void {
  const { graph, state } = run;
  let after = from;
  for (;;) {
    if (state.status !== 'running') return;
    const next = nextInContainer(graph, after);
    if (next !== null) {
      enter(run, token, next);
      return;
    }
    const container = graph.container.get(after) ?? MAIN;
    if (container === MAIN) {
      finish(run, 'approved');
      return;
    }
    const owner = ownerOfBranch(graph, container);
    if (graph.nodes.get(owner)?.kind !== 'parallel') {
      // The end of a condition's branch: on after the condition.
      after = owner;
      continue;
    }
    // The end of a parallel branch: it joins; the last branch to arrive goes on.
    const done = [...new Set([...(state.joins[owner] ?? []), container])];
    dropToken(run, token);
    if (done.length < (graph.branches.get(owner) ?? []).length) {
      state.joins[owner] = done;
      return;
    }
    delete state.joins[owner];
    history(run, { kind: 'joined', actor: null, node: owner });
    token = { id: newId(run, 't'), node: owner, path: token.path.slice(0, -1), waiting: null };
    state.tokens.push(token);
    after = owner;
  }
}

/** The token arrives at `nodeId`: automatic nodes run and pass it on; approvals and delays keep it. */
export function enter(run: Run, token: Token, nodeId: string): void {
  const node = run.graph.nodes.get(nodeId);
  if (!node || run.state.status !== 'running') return;
  token.node = node.id;
  token.waiting = null;
  switch (node.kind) {
    case 'approval':
      startApproval(run, token, node);
      return;
    case 'condition':
      enterCondition(run, token, node);
      return;
    case 'parallel':
      enterParallel(run, token, node);
      return;
    case 'delay':
      enterDelay(run, token, node);
      return;
    case 'end':
      history(run, { kind: 'ended', actor: null, node: node.id, detail: { outcome: node.outcome ?? 'approved' } });
      finish(run, node.outcome === 'rejected' ? 'rejected' : 'approved');
      return;
    default:
      runAction(run, node);
      proceed(run, token, node.id);
      return;
  }
}

/** Nodes that do something and pass on at once: CC, record writes, notifications, outbound calls. */
function runAction(run: Run, node: FlowNode): void {
  const { env } = run;
  switch (node.kind) {
    case 'cc': {
      const users = env.resolve(node.approvers ?? [], node, run.state.chosen[node.id], run.record);
      for (const user of users) run.effects.push({ kind: 'task', node: node.id, round: run.state.round, seat: newId(run, 's'), user, status: 'cc' });
      run.effects.push({ kind: 'notify', node: node.id, users, message: node.message ?? null, reason: 'cc' });
      history(run, { kind: 'cc', actor: null, node: node.id, detail: { users } });
      return;
    }
    case 'notify': {
      const users = env.resolve(node.approvers ?? [], node, run.state.chosen[node.id], run.record);
      run.effects.push({ kind: 'notify', node: node.id, users, message: node.message ?? null, reason: 'notify' });
      return;
    }
    case 'update_record': {
      const values = evaluateValues(run, node);
      run.record = run.record ? { ...run.record, ...values } : run.record;
      run.effects.push({ kind: 'update_record', node: node.id, values });
      history(run, { kind: 'updated_record', actor: null, node: node.id, detail: { fields: Object.keys(values) } });
      return;
    }
    case 'create_record':
      run.effects.push({ kind: 'create_record', node: node.id, object: node.object ?? '', values: evaluateValues(run, node) });
      return;
    case 'update_many':
      run.effects.push({ kind: 'update_many', node: node.id, object: node.object ?? '', filter: node.filter ?? null, values: evaluateValues(run, node) });
      return;
    case 'http':
      run.effects.push({ kind: 'http', node: node.id, url: node.url ?? '', method: node.method ?? 'POST' });
      return;
    default:
      return;
  }
}

function evaluateValues(run: Run, node: FlowNode): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node.values ?? {}).map(([field, formula]) => [field, run.env.evaluate(formula, run.record)]));
}

/** The first branch whose condition holds (a branch without one is "otherwise"); none: past the condition. */
function enterCondition(run: Run, token: Token, node: FlowNode): void {
  const branches = run.graph.branches.get(node.id) ?? [];
  const taken = branches.find((id) => {
    const when = run.graph.nodes.get(id)?.when;
    return when === undefined || isTrue(run.env.evaluate(when, run.record));
  });
  history(run, { kind: 'branched', actor: null, node: node.id, detail: { branch: taken ?? null } });
  const first = taken ? firstIn(run.graph, taken) : null;
  if (first) {
    enter(run, token, first);
    return;
  }
  proceed(run, token, node.id);
  return;
}

/** Every branch at once, each with a token of its own; the parallel's own token ends here. */
function enterParallel(run: Run, token: Token, node: FlowNode): void {
  const branches = run.graph.branches.get(node.id) ?? [];
  dropToken(run, token);
  run.state.joins[node.id] = [];
  const started: { token: Token; first: string }[] = [];
  for (const branch of branches) {
    const first = firstIn(run.graph, branch);
    if (first === null) {
      run.state.joins[node.id] = [...(run.state.joins[node.id] ?? []), branch];
      continue;
    }
    const child: Token = { id: newId(run, 't'), node: first, path: [...token.path, `${node.id}/${branch}`], waiting: null };
    run.state.tokens.push(child);
    started.push({ token: child, first });
  }
  if (started.length === 0) {
    delete run.state.joins[node.id];
    const through: Token = { ...token, id: newId(run, 't') };
    run.state.tokens.push(through);
    proceed(run, through, node.id);
    return;
  }
  for (const { token: child, first } of started) {
    if (run.state.status !== 'running') return;
    enter(run, child, first);
  }
}

/** Waits a number of hours, or until the date in a field: a timer wakes the token. */
function enterDelay(run: Run, token: Token, node: FlowNode): void {
  const { env } = run;
  let at = new Date(env.now.getTime() + (node.hours ?? 0) * 3_600_000);
  if (node.dateField) {
    const value = run.record?.[node.dateField];
    const date = typeof value === 'string' || value instanceof Date ? new Date(value) : null;
    if (date && !Number.isNaN(date.getTime())) at = new Date(date.getTime() + (node.hours ?? 0) * 3_600_000);
  }
  if (at.getTime() <= env.now.getTime()) {
    proceed(run, token, node.id);
    return;
  }
  token.waiting = 'delay';
  run.effects.push({
    kind: 'schedule',
    key: delayKey(token, run.state.round),
    at,
    command: { kind: 'wake', node: node.id, round: run.state.round, token: token.id },
  });
  history(run, { kind: 'waiting', actor: null, node: node.id, detail: { until: at.toISOString() } });
}
