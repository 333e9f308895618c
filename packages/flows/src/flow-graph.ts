import type { FlowDefinition, FlowNode } from '@tessera/schemas';

/** The main line of a flow, as a container id. */
export const MAIN = '$main';

/**
 * A flow's flat node list as a tree to walk: which nodes a container (the main line or a branch)
 * holds, in order; which container a node is in; which branches a condition or parallel has.
 * Built once per published version; the engine only reads it.
 */
export interface FlowGraph {
  flow: FlowDefinition;
  nodes: ReadonlyMap<string, FlowNode>;
  /** Container id (MAIN or a branch id) → its nodes, in order. */
  children: ReadonlyMap<string, readonly string[]>;
  /** Node id → the container it is in. */
  container: ReadonlyMap<string, string>;
  /** Condition or parallel node → its branches, in order. */
  branches: ReadonlyMap<string, readonly string[]>;
}

export function buildGraph(flow: FlowDefinition): FlowGraph {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n] as const));
  const children = new Map<string, string[]>([[MAIN, []]]);
  const container = new Map<string, string>();
  const branches = new Map<string, string[]>();
  for (const node of flow.nodes) {
    if (node.kind === 'branch') {
      const owner = node.parent ?? MAIN;
      branches.set(owner, [...(branches.get(owner) ?? []), node.id]);
      children.set(node.id, children.get(node.id) ?? []);
      continue;
    }
    const at = node.parent ?? MAIN;
    container.set(node.id, at);
    children.set(at, [...(children.get(at) ?? []), node.id]);
  }
  return { flow, nodes, children, container, branches };
}

/** The node after `nodeId` in its container, or null at the container's end. */
export function nextInContainer(graph: FlowGraph, nodeId: string): string | null {
  const at = graph.container.get(nodeId) ?? MAIN;
  const list = graph.children.get(at) ?? [];
  return list[list.indexOf(nodeId) + 1] ?? null;
}

/** The first node of a container, or null when it is empty. */
export function firstIn(graph: FlowGraph, containerId: string): string | null {
  return graph.children.get(containerId)?.[0] ?? null;
}

/** The condition or parallel node a branch belongs to. */
export function ownerOfBranch(graph: FlowGraph, branchId: string): string {
  return graph.nodes.get(branchId)?.parent ?? MAIN;
}

/**
 * Where a node sits: the parallel branches around it, outermost first, as `parallel/branch`
 * (condition branches are not listed: only one of them runs, they need no join).
 */
export function parallelPath(graph: FlowGraph, nodeId: string): string[] {
  const path: string[] = [];
  let at = graph.container.get(nodeId) ?? MAIN;
  while (at !== MAIN) {
    const owner = ownerOfBranch(graph, at);
    if (graph.nodes.get(owner)?.kind === 'parallel') path.unshift(`${owner}/${at}`);
    at = graph.container.get(owner) ?? MAIN;
  }
  return path;
}
