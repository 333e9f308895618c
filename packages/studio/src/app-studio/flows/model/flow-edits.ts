import type { AppDocument, FlowDefinition, FlowNode, FlowNodeKind, FlowTrigger, LocalizedText } from '@tessera/schemas';
import { patched } from '../../model/document-edits';

/**
 * Edits of the draft's flows as pure functions from one document to the next (the store keeps
 * each as an undo step). A flow's nodes are a flat list pointing at their parent (flow.schema.ts):
 * a "line" is the main line (container null) or a branch, and its nodes are those whose parent it
 * is, in list order. Moving a node therefore changes its own `parent` and place only; whatever
 * sits inside it (its branches and their nodes) points at its id and moves with it.
 */

/** A place on a line: before its `index`-th node (its length: at its end). */
export interface FlowSlot {
  /** null: the main line; else the id of a branch. */
  container: string | null;
  index: number;
}

/** Node kinds the palette and the "+" menu offer (branches are added to their condition or parallel). */
export const PALETTE_NODE_KINDS = [
  'approval',
  'cc',
  'condition',
  'parallel',
  'update_record',
  'create_record',
  'update_many',
  'notify',
  'http',
  'delay',
  'end',
] as const satisfies readonly FlowNodeKind[];

export type PaletteNodeKind = (typeof PALETTE_NODE_KINDS)[number];

/** The words a new node starts with, in both languages (the admin renames it in the property panel). */
const DEFAULT_LABELS: Record<FlowNodeKind, LocalizedText> = {
  approval: { 'zh-CN': '审批人', en: 'Approver' },
  cc: { 'zh-CN': '抄送人', en: 'CC' },
  condition: { 'zh-CN': '条件分支', en: 'Condition' },
  parallel: { 'zh-CN': '并行分支', en: 'Parallel' },
  branch: { 'zh-CN': '分支', en: 'Branch' },
  update_record: { 'zh-CN': '更新记录', en: 'Update record' },
  create_record: { 'zh-CN': '新建记录', en: 'Create record' },
  update_many: { 'zh-CN': '批量更新', en: 'Update records' },
  notify: { 'zh-CN': '通知', en: 'Notify' },
  http: { 'zh-CN': 'HTTP 请求', en: 'HTTP request' },
  delay: { 'zh-CN': '延时', en: 'Delay' },
  end: { 'zh-CN': '结束', en: 'End' },
};

const OTHERWISE: LocalizedText = { 'zh-CN': '其他情况', en: 'Otherwise' };

export function flowOf(document: AppDocument, flowId: string): FlowDefinition | undefined {
  return document.flows?.find((f) => f.id === flowId);
}

/** The nodes of a line, in order (branches are not on lines: they belong to their owner). */
export function lineOf(flow: FlowDefinition, container: string | null): FlowNode[] {
  return flow.nodes.filter((n) => n.kind !== 'branch' && (n.parent ?? null) === container);
}

export function branchesOf(flow: FlowDefinition, ownerId: string): FlowNode[] {
  return flow.nodes.filter((n) => n.kind === 'branch' && n.parent === ownerId);
}

/** The node and everything inside it: its branches, their nodes, and so on down. */
export function subtreeIds(flow: FlowDefinition, nodeId: string): Set<string> {
  const ids = new Set([nodeId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of flow.nodes)
      if (n.parent && ids.has(n.parent) && !ids.has(n.id)) {
        ids.add(n.id);
        grew = true;
      }
  }
  return ids;
}

function unusedId(taken: ReadonlySet<string>, stem: string): string {
  for (let i = 1; ; i += 1) if (!taken.has(`${stem}_${i}`)) return `${stem}_${i}`;
}

function mapFlow(document: AppDocument, flowId: string, change: (flow: FlowDefinition) => FlowDefinition): AppDocument {
  if (!flowOf(document, flowId)) return document;
  return { ...document, flows: (document.flows ?? []).map((f) => (f.id === flowId ? change(f) : f)) };
}

/** A new flow on `object` with `trigger`, no nodes yet; approvals keep the record locked while they run. */
export function newFlow(document: AppDocument, object: string, trigger: FlowTrigger, label: LocalizedText): FlowDefinition {
  const id = unusedId(new Set((document.flows ?? []).map((f) => f.id)), 'flow');
  const approval = trigger.kind === 'submit';
  return { id, label, object, enabled: true, trigger, nodes: [], ...(approval ? { withdraw: 'before_approval' as const, lockRecord: true } : {}) };
}

export function addFlow(document: AppDocument, flow: FlowDefinition): AppDocument {
  return { ...document, flows: [...(document.flows ?? []), flow] };
}

/** Sets the patch's keys on the flow; a key set to undefined leaves the document. */
export function updateFlow(document: AppDocument, flowId: string, patch: Partial<FlowDefinition>): AppDocument {
  return mapFlow(document, flowId, (f) => patched(f, patch));
}

export function removeFlow(document: AppDocument, flowId: string): AppDocument {
  if (!flowOf(document, flowId)) return document;
  return { ...document, flows: (document.flows ?? []).filter((f) => f.id !== flowId) };
}

export function updateNode(document: AppDocument, flowId: string, nodeId: string, patch: Partial<FlowNode>): AppDocument {
  return mapFlow(document, flowId, (f) => ({ ...f, nodes: f.nodes.map((n) => (n.id === nodeId ? patched(n, patch) : n)) }));
}

/** The node with what a new one of its kind needs to make sense; a condition or parallel comes with two branches. */
export function newNodes(flow: FlowDefinition, kind: PaletteNodeKind): FlowNode[] {
  const taken = new Set(flow.nodes.map((n) => n.id));
  const id = unusedId(taken, kind);
  taken.add(id);
  const node: FlowNode = { id, kind, label: DEFAULT_LABELS[kind] };
  if (kind === 'approval') Object.assign(node, { approvers: [], mode: 'any', whenEmpty: 'admin', whenInitiator: 'keep' });
  if (kind === 'cc') node.approvers = [];
  if (kind === 'notify') Object.assign(node, { approvers: [{ kind: 'initiator' }], message: { 'zh-CN': '', en: '' } });
  if (kind === 'update_record') node.values = {};
  if (kind === 'create_record' || kind === 'update_many') Object.assign(node, { object: flow.object, values: {} });
  if (kind === 'http') node.method = 'POST';
  if (kind === 'delay') node.hours = 24;
  if (kind === 'end') node.outcome = 'approved';
  if (kind !== 'condition' && kind !== 'parallel') return [node];
  const first = unusedId(taken, 'branch');
  taken.add(first);
  const second = unusedId(taken, 'branch');
  const name = (n: number): LocalizedText => ({ 'zh-CN': `分支 ${n}`, en: `Branch ${n}` });
  return [
    node,
    { id: first, kind: 'branch', parent: id, label: name(1) },
    { id: second, kind: 'branch', parent: id, label: kind === 'condition' ? OTHERWISE : name(2) },
  ];
}

/** Whether the slot's line exists in the flow (the main line, or a branch). */
function lineExists(flow: FlowDefinition, container: string | null): boolean {
  return container === null || flow.nodes.some((n) => n.id === container && n.kind === 'branch');
}

/** Puts `node` into `nodes` so that it is the `slot.index`-th of its line (others keep their order). */
function placed(nodes: readonly FlowNode[], node: FlowNode, slot: FlowSlot): FlowNode[] {
  const line = nodes.filter((n) => n.kind !== 'branch' && (n.parent ?? null) === slot.container);
  const before = line[Math.max(0, slot.index)];
  const at = before ? nodes.indexOf(before) : nodes.length;
  const moved = patched(node, { parent: slot.container ?? undefined });
  return [...nodes.slice(0, at), moved, ...nodes.slice(at)];
}

/** Inserts a new node of `kind` at `slot` (with its branches); answers its id, or null when the slot is gone. */
export function insertNode(document: AppDocument, flowId: string, kind: PaletteNodeKind, slot: FlowSlot): { document: AppDocument; nodeId: string } | null {
  const flow = flowOf(document, flowId);
  if (!flow || !lineExists(flow, slot.container)) return null;
  const [node, ...branches] = newNodes(flow, kind);
  if (!node) return null;
  const nodes = [...placed(flow.nodes, node, slot), ...branches];
  return { document: mapFlow(document, flowId, (f) => ({ ...f, nodes })), nodeId: node.id };
}

/** Whether `nodeId` may go to `slot`: not a branch, and not into a branch inside itself. */
export function canMoveNode(flow: FlowDefinition, nodeId: string, slot: FlowSlot): boolean {
  const node = flow.nodes.find((n) => n.id === nodeId);
  if (!node || node.kind === 'branch' || !lineExists(flow, slot.container)) return false;
  return slot.container === null || !subtreeIds(flow, nodeId).has(slot.container);
}

/** Moves a node (with what is inside it) to `slot`; the slot's index counts the line as it is before the move. */
export function moveNode(document: AppDocument, flowId: string, nodeId: string, slot: FlowSlot): AppDocument {
  const flow = flowOf(document, flowId);
  if (!flow || !canMoveNode(flow, nodeId, slot)) return document;
  const node = flow.nodes.find((n) => n.id === nodeId) as FlowNode;
  const line = lineOf(flow, slot.container);
  const from = line.indexOf(node);
  if (from >= 0 && (slot.index === from || slot.index === from + 1)) return document;
  const index = from >= 0 && slot.index > from ? slot.index - 1 : slot.index;
  const nodes = placed(
    flow.nodes.filter((n) => n !== node),
    node,
    { ...slot, index },
  );
  return mapFlow(document, flowId, (f) => ({ ...f, nodes }));
}

/** Removes a node and everything inside it; a condition or parallel left with no branch is removed too. */
export function removeNode(document: AppDocument, flowId: string, nodeId: string): AppDocument {
  const flow = flowOf(document, flowId);
  const node = flow?.nodes.find((n) => n.id === nodeId);
  if (!flow || !node) return document;
  const gone = subtreeIds(flow, nodeId);
  const owner = node.kind === 'branch' && node.parent ? node.parent : null;
  if (owner && branchesOf(flow, owner).length <= 1) for (const id of subtreeIds(flow, owner)) gone.add(id);
  return mapFlow(document, flowId, (f) => ({ ...f, nodes: f.nodes.filter((n) => !gone.has(n.id)) }));
}

/** Adds a branch to a condition (before its last, "otherwise" one when it has no `when`) or to a parallel. */
export function addBranch(document: AppDocument, flowId: string, ownerId: string): { document: AppDocument; nodeId: string } | null {
  const flow = flowOf(document, flowId);
  const owner = flow?.nodes.find((n) => n.id === ownerId);
  if (!flow || (owner?.kind !== 'condition' && owner?.kind !== 'parallel')) return null;
  const branches = branchesOf(flow, ownerId);
  const id = unusedId(new Set(flow.nodes.map((n) => n.id)), 'branch');
  const branch: FlowNode = { id, kind: 'branch', parent: ownerId, label: { 'zh-CN': `分支 ${branches.length + 1}`, en: `Branch ${branches.length + 1}` } };
  const last = branches.at(-1);
  const beforeOtherwise = owner.kind === 'condition' && last && !last.when && branches.length > 0;
  const at = beforeOtherwise ? flow.nodes.indexOf(last) : flow.nodes.length;
  const nodes = [...flow.nodes.slice(0, at), branch, ...flow.nodes.slice(at)];
  return { document: mapFlow(document, flowId, (f) => ({ ...f, nodes })), nodeId: id };
}

/**
 * Moves a branch to `index` among its owner's branches (others keep their order). Order is
 * meaning for a condition: the engine takes the first branch whose condition holds. The branches
 * keep their places in the flat list and only swap who sits in them, so their nodes (which point
 * at the branch by id) move with them.
 */
export function moveBranch(document: AppDocument, flowId: string, branchId: string, index: number): AppDocument {
  const flow = flowOf(document, flowId);
  const branch = flow?.nodes.find((n) => n.id === branchId && n.kind === 'branch');
  if (!flow || !branch?.parent) return document;
  const branches = branchesOf(flow, branch.parent);
  const from = branches.indexOf(branch);
  if (index < 0 || index >= branches.length || index === from) return document;
  const order = branches.filter((b) => b !== branch);
  order.splice(index, 0, branch);
  let next = 0;
  const nodes = flow.nodes.map((n) => (n.kind === 'branch' && n.parent === branch.parent ? (order[next++] as FlowNode) : n));
  return mapFlow(document, flowId, (f) => ({ ...f, nodes }));
}
