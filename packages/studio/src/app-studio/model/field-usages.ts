import { draftProblems, type MetaIssue } from '@tessera/meta/validate';
import type { AppDocument, LocalizedText } from '@tessera/schemas';
import { hideField } from './document-edits';

export type FieldUsageKind = 'display' | 'field' | 'view' | 'quality' | 'rule' | 'form' | 'role' | 'flow' | 'report' | 'dashboard' | 'navigation' | 'object';

/** Where a field is used: the element's JSON pointer (so the studio can open it), what kind of element, and its name. */
export interface FieldUsage {
  pointer: string;
  kind: FieldUsageKind;
  /** The element's label (or id); its owner's for a part without one (the object's display field, a role's permission). */
  name: LocalizedText | string | null;
}

/** The element a problem's pointer lies in, as deep as the studio opens it, and its kind; the first that matches. */
const ELEMENTS: ReadonlyArray<readonly [RegExp, FieldUsageKind]> = [
  [/^\/objects\/\d+\/displayField/, 'display'],
  [/^\/objects\/\d+\/fields\/\d+/, 'field'],
  [/^\/objects\/\d+\/views\/\d+/, 'view'],
  [/^\/objects\/\d+\/(matchRules\/\d+|quality)/, 'quality'],
  [/^\/forms\/\d+\/rules\/\d+/, 'rule'],
  [/^\/forms\/\d+/, 'form'],
  [/^\/roles\/\d+\/permissions\/\d+/, 'role'],
  [/^\/roles\/\d+/, 'role'],
  [/^\/flows\/\d+/, 'flow'],
  [/^\/reports\/\d+/, 'report'],
  [/^\/dashboards\/\d+\/widgets\/\d+/, 'dashboard'],
  [/^\/dashboards\/\d+/, 'dashboard'],
  [/^\/navigation/, 'navigation'],
  [/^\/objects\/\d+/, 'object'],
];

/** The value a JSON pointer names in the document (keys here are ids and indexes: no escaping). */
function valueAt(document: AppDocument, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), document);
}

/** The element's label or id; for a part without either (a display field, a role's permission), its owner's. */
function nameOf(document: AppDocument, pointer: string): FieldUsage['name'] {
  for (let parts = pointer.split('/'); parts.length > 1; parts = parts.slice(0, -1)) {
    const element = valueAt(document, parts.join('/'));
    if (element === null || typeof element !== 'object' || Array.isArray(element)) continue;
    const { label, id } = element as { label?: LocalizedText; id?: unknown };
    if (label || typeof id === 'string') return label ?? (id as string);
  }
  return null;
}

/**
 * A pointer into the document with the field hidden, as a pointer into the document as it is:
 * hiding takes the field out of its object and its nodes out of the object's forms, so later
 * siblings moved up one place.
 */
function pointerBeforeHiding(document: AppDocument, objectId: string, fieldId: string): (pointer: string) => string {
  const o = document.objects.findIndex((x) => x.id === objectId);
  const removedField = document.objects[o]?.fields.findIndex((f) => f.id === fieldId) ?? -1;
  const keptNodes = new Map(
    (document.forms ?? []).map((form, i) => [
      String(i),
      form.nodes.flatMap((node, n) => (form.object === objectId && node.kind === 'field' && node.field === fieldId ? [] : [n])),
    ]),
  );
  return (pointer) => {
    const parts = pointer.split('/');
    if (parts[1] === 'objects' && parts[2] === String(o) && parts[3] === 'fields' && Number(parts[4]) >= removedField) parts[4] = String(Number(parts[4]) + 1);
    if (parts[1] === 'forms' && parts[3] === 'nodes') parts[4] = String(keptNodes.get(parts[2] ?? '')?.[Number(parts[4])] ?? parts[4]);
    return parts.join('/');
  };
}

const SECTIONS = ['objects', 'forms', 'roles', 'flows', 'reports', 'dashboards', 'navigation'];

/** Document order: sections as the studio lists them, then element by element (numbers as numbers). */
function documentOrder(a: FieldUsage, b: FieldUsage): number {
  const [as, bs] = [a.pointer.split('/').slice(1), b.pointer.split('/').slice(1)];
  const rank = SECTIONS.indexOf(as[0] ?? '') - SECTIONS.indexOf(bs[0] ?? '');
  if (rank !== 0) return rank;
  for (let i = 1; i < Math.max(as.length, bs.length); i++) {
    const [x = '', y = ''] = [as[i], bs[i]];
    const order = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (order !== 0) return order;
  }
  return 0;
}

const keyOf = (issue: MetaIssue) => `${issue.pointer} ${issue.code} ${JSON.stringify(issue.params)}`;

/**
 * Everything in the document that would break without the field: the problems the very checks of
 * the server (`draftProblems`, as `validateDocument` runs them) find once it is hidden and not before — formulas and rollups,
 * list views, match rules and data-quality settings, form rules, roles, flows, reports,
 * dashboards — each as the element to open. Hiding a field is refused while this list is not empty.
 */
export function fieldUsages(document: AppDocument, objectId: string, fieldId: string): FieldUsage[] {
  const object = document.objects.find((o) => o.id === objectId);
  if (!object?.fields.some((f) => f.id === fieldId)) return [];
  const known = new Set(draftProblems(document).map(keyOf));
  const original = pointerBeforeHiding(document, objectId, fieldId);
  const usages = new Map<string, FieldUsage>();
  for (const issue of draftProblems(hideField(document, objectId, fieldId))) {
    const pointer = original(issue.pointer);
    if (known.has(keyOf({ ...issue, pointer }))) continue;
    const match = ELEMENTS.map(([pattern, kind]) => [pattern.exec(pointer)?.[0], kind] as const).find(([element]) => element !== undefined);
    if (!match?.[0] || usages.has(match[0])) continue;
    const [element, kind] = match;
    usages.set(element, { pointer: element, kind, name: nameOf(document, element) });
  }
  return [...usages.values()].sort(documentOrder);
}
