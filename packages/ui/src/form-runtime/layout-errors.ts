import type { LayoutNode } from './form-layout';

type Errors = Readonly<Record<string, readonly string[]>>;

/** The field ids placed anywhere under a layout node, in the order the form shows them. */
export function fieldIdsOf(layout: LayoutNode): string[] {
  const ids: string[] = [];
  const visit = (node: LayoutNode) => {
    if (node.node.kind === 'field' && node.node.field) ids.push(node.node.field);
    node.children.forEach(visit);
  };
  visit(layout);
  return ids;
}

/** An error key names a field, or a cell of a child table field as `table/line/column`. */
function fieldOfKey(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : key.slice(0, slash);
}

/** The first of `ids` (in order) that carries a message, or null. */
export function firstWithErrors(errors: Errors, ids: readonly string[]): string | null {
  const marked = new Set(
    Object.keys(errors)
      .filter((key) => (errors[key]?.length ?? 0) > 0)
      .map(fieldOfKey),
  );
  return ids.find((id) => marked.has(id)) ?? null;
}

/**
 * Whether `after` only lost messages compared with `before` (a field was edited, a cell fixed):
 * then no tab or step should jump. New messages (a save) are worth showing wherever they are.
 */
export function onlyRemoved(before: Errors, after: Errors): boolean {
  const keys = Object.keys(after);
  return keys.length < Object.keys(before).length && keys.every((key) => key in before);
}
