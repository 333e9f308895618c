import { defaultFormOf } from '@tessera/forms/form-choice';
import type { AppDocument, FormDefinition, FormNode } from '@tessera/schemas';
import { patched } from './document-edits';
import { freeId } from './new-field';

export type NodeKind = FormNode['kind'];
/** The layout elements of the palette; tabs and columns come with their first tab / two columns. */
export const PALETTE_LAYOUTS = ['section', 'columns', 'tabs'] as const;
export type PaletteLayout = (typeof PALETTE_LAYOUTS)[number];

/** Where a node lands: among the children of `parent` (null: the form's top level), before the child now at `index`. */
export interface DropPosition {
  parent: string | null;
  index: number;
}

/** Which kinds may sit directly inside which: a tab only in tabs, a column only in columns, the rest in any box. */
export function accepts(parentKind: NodeKind | null, childKind: NodeKind): boolean {
  if (childKind === 'tab') return parentKind === 'tabs';
  if (childKind === 'column') return parentKind === 'columns';
  if (childKind === 'step') return parentKind === 'steps';
  return parentKind === null || parentKind === 'section' || parentKind === 'tab' || parentKind === 'column' || parentKind === 'step';
}

/**
 * The form the studio designs for an object: the one the admin chose (`formId`, when it is a form
 * of the object), else the object's default form, the one end users open unless their role names another.
 */
export function designedForm(document: AppDocument, objectId: string, formId: string | null = null): FormDefinition | null {
  return document.forms?.find((f) => f.id === formId && f.object === objectId) ?? defaultFormOf(document, objectId);
}

/** The ids of a parent's children in order (the flat list's order), top-level nodes under null. */
export function childrenOf(form: FormDefinition, parent: string | null): FormNode[] {
  const ids = new Set(form.nodes.map((n) => n.id));
  return form.nodes.filter((n) => (parent === null ? !n.parent || !ids.has(n.parent) : n.parent === parent && n.id !== parent));
}

function descendantsOf(form: FormDefinition, id: string): Set<string> {
  const found = new Set<string>([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of form.nodes) {
      if (n.parent && found.has(n.parent) && !found.has(n.id)) {
        found.add(n.id);
        grew = true;
      }
    }
  }
  return found;
}

/** The flat list in tree order (each node followed by its subtree), so list order and sibling order agree. */
function flatten(form: FormDefinition, byParent: (parent: string | null) => FormNode[]): FormNode[] {
  const out: FormNode[] = [];
  const seen = new Set<string>();
  const walk = (node: FormNode) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    out.push(node);
    for (const child of byParent(node.id)) walk(child);
  };
  for (const root of byParent(null)) walk(root);
  // Whatever a cycle left unreachable stays, at the end, rather than being lost.
  return [...out, ...form.nodes.filter((n) => !seen.has(n.id))];
}

function mapForm(document: AppDocument, formId: string, change: (form: FormDefinition) => FormDefinition): AppDocument {
  return { ...document, forms: (document.forms ?? []).map((f) => (f.id === formId ? change(f) : f)) };
}

/** Places `nodes` (a node and its subtree, the first being the root) at `at`. */
function place(form: FormDefinition, nodes: FormNode[], at: DropPosition): FormDefinition {
  const [root, ...subtree] = nodes;
  if (!root) return form;
  const moved = new Set(nodes.map((n) => n.id));
  const rest: FormDefinition = { ...form, nodes: form.nodes.filter((n) => !moved.has(n.id)) };
  const placedRoot = patched(root, { parent: at.parent ?? undefined });
  const byParent = (parent: string | null): FormNode[] => {
    if (parent !== null && moved.has(parent)) return subtree.filter((n) => n.parent === parent);
    const siblings = childrenOf(rest, parent);
    if (parent !== at.parent) return siblings;
    const index = Math.max(0, Math.min(at.index, siblings.length));
    return [...siblings.slice(0, index), placedRoot, ...siblings.slice(index)];
  };
  return { ...rest, nodes: flatten({ ...rest, nodes: [...rest.nodes, placedRoot, ...subtree] }, byParent) };
}

function kindOf(form: FormDefinition, id: string | null): NodeKind | null {
  return id === null ? null : (form.nodes.find((n) => n.id === id)?.kind ?? null);
}

/** Whether `nodeId` may move to `at`: the target accepts its kind and is not inside the node itself. */
export function canMove(form: FormDefinition, nodeId: string, at: DropPosition): boolean {
  const node = form.nodes.find((n) => n.id === nodeId);
  if (!node) return false;
  if (at.parent !== null && descendantsOf(form, nodeId).has(at.parent)) return false;
  return accepts(kindOf(form, at.parent), node.kind);
}

export function moveNode(document: AppDocument, formId: string, nodeId: string, at: DropPosition): AppDocument {
  return mapForm(document, formId, (form) => {
    if (!canMove(form, nodeId, at)) return form;
    const subtree = descendantsOf(form, nodeId);
    const nodes = [form.nodes.find((n) => n.id === nodeId) as FormNode, ...form.nodes.filter((n) => n.id !== nodeId && subtree.has(n.id))];
    // Moving within the same parent: the node's own slot no longer counts once it is lifted out.
    const siblings = childrenOf(form, at.parent);
    const from = siblings.findIndex((n) => n.id === nodeId);
    const index = from >= 0 && from < at.index ? at.index - 1 : at.index;
    return place(form, nodes, { parent: at.parent, index });
  });
}

/** Inserts new nodes (a root and its children) at `at`, when the target accepts the root's kind. */
export function insertNodes(document: AppDocument, formId: string, nodes: FormNode[], at: DropPosition): AppDocument {
  return mapForm(document, formId, (form) => {
    const root = nodes[0];
    if (!root || !accepts(kindOf(form, at.parent), root.kind)) return form;
    return place(form, nodes, at);
  });
}

export function updateNode(document: AppDocument, formId: string, nodeId: string, patch: Partial<FormNode>): AppDocument {
  return mapForm(document, formId, (form) => ({ ...form, nodes: form.nodes.map((n) => (n.id === nodeId ? patched(n, patch) : n)) }));
}

/** Removes a node with everything inside it; the fields stay on the object, off this form. */
export function removeNode(document: AppDocument, formId: string, nodeId: string): AppDocument {
  return mapForm(document, formId, (form) => {
    const gone = descendantsOf(form, nodeId);
    return { ...form, nodes: form.nodes.filter((n) => !gone.has(n.id)) };
  });
}

/** A fresh node id of the form. */
export function freeNodeId(form: FormDefinition, prefix: string): string {
  return freeId(prefix, new Set(form.nodes.map((n) => n.id)));
}

/** A layout element as the palette makes it: tabs with a first tab, columns with two columns. */
export function layoutNodes(form: FormDefinition, kind: PaletteLayout): FormNode[] {
  const taken = new Set(form.nodes.map((n) => n.id));
  const take = (prefix: string) => {
    const id = freeId(prefix, taken);
    taken.add(id);
    return id;
  };
  if (kind === 'section') return [{ id: take('section'), kind: 'section', label: { 'zh-CN': '新分组', en: 'New section' } }];
  if (kind === 'tabs') {
    const id = take('tabs');
    return [
      { id, kind: 'tabs' },
      { id: take('tab'), kind: 'tab', parent: id, label: { 'zh-CN': '标签页 1', en: 'Tab 1' } },
    ];
  }
  const id = take('columns');
  return [
    { id, kind: 'columns' },
    { id: take('column'), kind: 'column', parent: id },
    { id: take('column'), kind: 'column', parent: id },
  ];
}

/** A field node showing `fieldId`. */
export function fieldNode(form: FormDefinition, fieldId: string): FormNode {
  return { id: freeNodeId(form, `f_${fieldId}`.slice(0, 60)), kind: 'field', field: fieldId };
}

/**
 * The object's form, made when it has none: one section holding every field in the object's
 * order — what the runtime showed without a form, now arranged by the admin.
 */
export function withDesignedForm(document: AppDocument, objectId: string, formId: string | null = null): { document: AppDocument; form: FormDefinition } {
  const existing = designedForm(document, objectId, formId);
  if (existing) return { document, form: existing };
  const object = document.objects.find((o) => o.id === objectId);
  const taken = new Set((document.forms ?? []).map((f) => f.id));
  const id = taken.has(`${objectId}_form`) ? freeId(`${objectId}_form`, taken) : `${objectId}_form`;
  const form: FormDefinition = {
    id,
    object: objectId,
    label: object?.label ?? { en: objectId },
    nodes: [
      { id: 'main', kind: 'section' },
      ...(object?.fields ?? []).filter((f) => f.type !== 'related_list').map((f) => ({ id: `f_${f.id}`, kind: 'field' as const, parent: 'main', field: f.id })),
    ],
  };
  return { document: { ...document, forms: [...(document.forms ?? []), form] }, form };
}

/** The id of the form rule that holds what the designer makes read-only on the form (a rule whose condition is always true). */
export const ALWAYS_RULE_ID = 'always';

/** Whether the form always shows `fieldId` read-only (the designer's "read-only" switch). */
export function isAlwaysReadOnly(form: FormDefinition, fieldId: string): boolean {
  const rule = form.rules?.find((r) => r.id === ALWAYS_RULE_ID);
  return rule?.effects.some((e) => e.kind === 'readOnly' && e.field === fieldId && e.value) ?? false;
}

/**
 * Turns "read-only on this form" on or off, as an effect of one always-true rule: the runtime and
 * the server then lock the field by the rules they already enforce, with no second mechanism.
 */
export function setAlwaysReadOnly(document: AppDocument, formId: string, fieldId: string, on: boolean): AppDocument {
  return mapForm(document, formId, (form) => {
    const rules = form.rules ?? [];
    const rule = rules.find((r) => r.id === ALWAYS_RULE_ID);
    const others = (rule?.effects ?? []).filter((e) => !(e.kind === 'readOnly' && e.field === fieldId));
    const effects = on ? [...others, { kind: 'readOnly' as const, field: fieldId, value: true }] : others;
    const kept = rules.filter((r) => r.id !== ALWAYS_RULE_ID);
    const next = effects.length > 0 ? [...kept, { id: ALWAYS_RULE_ID, when: 'TRUE', effects }] : kept;
    return next.length > 0 ? { ...form, rules: next } : patched(form, { rules: undefined });
  });
}

/** A new tab in a tabs group, or a new column in a columns group, at its end. */
export function addContainerChild(document: AppDocument, formId: string, groupId: string): AppDocument {
  return mapForm(document, formId, (form) => {
    const group = form.nodes.find((n) => n.id === groupId);
    if (group?.kind !== 'tabs' && group?.kind !== 'columns') return form;
    const count = childrenOf(form, groupId).length;
    const child: FormNode =
      group.kind === 'tabs'
        ? { id: freeNodeId(form, 'tab'), kind: 'tab', parent: groupId, label: { 'zh-CN': `标签页 ${count + 1}`, en: `Tab ${count + 1}` } }
        : { id: freeNodeId(form, 'column'), kind: 'column', parent: groupId };
    return place(form, [child], { parent: groupId, index: count });
  });
}
