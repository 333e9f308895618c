import type { FormDefinition, FormNode, ObjectDefinition } from '@tessera/schemas';

/** A form node with its children, in the order the designer placed them. */
export interface LayoutNode {
  readonly node: FormNode;
  readonly children: readonly LayoutNode[];
}

/**
 * The tree of a form's flat node list. A node whose parent is missing (deleted in the designer,
 * say) is shown at the top level rather than lost.
 */
export function formLayout(form: FormDefinition): LayoutNode[] {
  const ids = new Set(form.nodes.map((n) => n.id));
  const children = new Map<string, FormNode[]>();
  const roots: FormNode[] = [];
  for (const node of form.nodes) {
    if (node.parent && node.parent !== node.id && ids.has(node.parent)) {
      const list = children.get(node.parent) ?? [];
      list.push(node);
      children.set(node.parent, list);
    } else roots.push(node);
  }
  // `seen` stops a parent cycle (a → b → a) from recursing forever.
  const seen = new Set<string>();
  const build = (node: FormNode): LayoutNode => {
    seen.add(node.id);
    return { node, children: (children.get(node.id) ?? []).filter((c) => !seen.has(c.id)).map(build) };
  };
  return roots.map(build);
}

/** Objects without a form: every field in the object's order. */
export function generatedLayout(object: ObjectDefinition): LayoutNode[] {
  return object.fields.map((field) => ({ node: { id: field.id, kind: 'field', field: field.id }, children: [] }));
}
