import type { FieldDefinition, FormDefinition, FormNode, LocalizedText, ObjectDefinition } from '@tessera/schemas';

/** A container of the read-only layout: what the form designer placed, as a tree. */
export interface LayoutGroup {
  kind: 'section' | 'tabs' | 'tab' | 'columns' | 'column' | 'steps' | 'step';
  id: string;
  label: LocalizedText | undefined;
  children: LayoutItem[];
}

export interface LayoutField {
  kind: 'field';
  id: string;
  field: FieldDefinition;
}

export type LayoutItem = LayoutGroup | LayoutField;

/** Related lists get cards of their own: they do not belong in a grid of label/value pairs. A child table spans the grid (record-details.tsx). */
export function isDetailField(field: FieldDefinition): boolean {
  return field.type !== 'related_list';
}

/**
 * The form as a tree (the one the user opens: chosenForm). Forms are stored flat (each node names its parent) so the
 * designer can move nodes freely; a node whose parent is missing is shown at the top rather than
 * lost, a parent cycle is cut, fields the object no longer has are dropped, and containers left
 * empty are pruned. Without a usable form every field goes into one section.
 */
export function buildLayout(object: ObjectDefinition, form: FormDefinition | null): LayoutGroup[] {
  const tree = form ? treeOf(form.nodes, object) : [];
  return tree.length > 0 ? tree : [fallbackSection(object)];
}

function fallbackSection(object: ObjectDefinition): LayoutGroup {
  const children = object.fields.filter(isDetailField).map((field): LayoutField => ({ kind: 'field', id: field.id, field }));
  return { kind: 'section', id: '__all', label: undefined, children };
}

function treeOf(nodes: readonly FormNode[], object: ObjectDefinition): LayoutGroup[] {
  const fields = new Map(object.fields.map((f) => [f.id, f]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string | null, FormNode[]>();
  for (const node of nodes) {
    const parent = node.parent && byId.has(node.parent) && node.parent !== node.id ? node.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }

  const visit = (node: FormNode, path: ReadonlySet<string>): LayoutItem | null => {
    if (path.has(node.id)) return null; // a parent cycle: the designer's mistake must not hang the page
    if (node.kind === 'field') {
      const field = node.field ? fields.get(node.field) : undefined;
      return field && isDetailField(field) ? { kind: 'field', id: node.id, field } : null;
    }
    const inner = new Set(path).add(node.id);
    const items = (children.get(node.id) ?? []).map((child) => visit(child, inner)).filter((c): c is LayoutItem => c !== null);
    return items.length > 0 ? { kind: node.kind, id: node.id, label: node.label, children: items } : null;
  };

  const roots = (children.get(null) ?? []).map((node) => visit(node, new Set())).filter((c): c is LayoutItem => c !== null);
  // Fields placed at the top level (no section) are gathered into one unlabelled section, in order.
  const groups: LayoutGroup[] = [];
  for (const item of roots) {
    if (item.kind !== 'field') groups.push(item);
    else {
      const last = groups.at(-1);
      if (last?.id.startsWith('__loose')) last.children.push(item);
      else groups.push({ kind: 'section', id: `__loose${groups.length}`, label: undefined, children: [item] });
    }
  }
  return groups;
}
