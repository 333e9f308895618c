import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';

/**
 * Edits of objects and fields as pure functions from one document to the next: the store keeps
 * each result as an undo step, and nothing here mutates its input.
 */

/** Sets the patch's keys; a key set to undefined is removed (an option turned off leaves no trace in the document). */
export function patched<T extends object>(value: T, patch: Partial<T>): T {
  const next = { ...value } as Record<string, unknown>;
  for (const [key, v] of Object.entries(patch)) {
    if (v === undefined) delete next[key];
    else next[key] = v;
  }
  return next as T;
}

function mapObject(document: AppDocument, objectId: string, change: (object: ObjectDefinition) => ObjectDefinition): AppDocument {
  return { ...document, objects: document.objects.map((o) => (o.id === objectId ? change(o) : o)) };
}

export function addObject(document: AppDocument, object: ObjectDefinition): AppDocument {
  return { ...document, objects: [...document.objects, object] };
}

export function updateObject(document: AppDocument, objectId: string, patch: Partial<ObjectDefinition>): AppDocument {
  return mapObject(document, objectId, (o) => patched(o, patch));
}

export function addField(document: AppDocument, objectId: string, field: FieldDefinition): AppDocument {
  return mapObject(document, objectId, (o) => ({ ...o, fields: [...o.fields, field] }));
}

export function updateField(document: AppDocument, objectId: string, fieldId: string, patch: Partial<FieldDefinition>): AppDocument {
  return mapObject(document, objectId, (o) => ({ ...o, fields: o.fields.map((f) => (f.id === fieldId ? patched(f, patch) : f)) }));
}

/** Puts `field` in place of the field with its id (a change of type drops the old type's settings). */
export function replaceField(document: AppDocument, objectId: string, field: FieldDefinition): AppDocument {
  return mapObject(document, objectId, (o) => ({ ...o, fields: o.fields.map((f) => (f.id === field.id ? field : f)) }));
}

/** Moves a field to `index` in its object's order (the order lists and generated forms use). */
export function moveField(document: AppDocument, objectId: string, fieldId: string, index: number): AppDocument {
  return mapObject(document, objectId, (o) => {
    const field = o.fields.find((f) => f.id === fieldId);
    if (!field) return o;
    const rest = o.fields.filter((f) => f !== field);
    const at = Math.max(0, Math.min(index, rest.length));
    return { ...o, fields: [...rest.slice(0, at), field, ...rest.slice(at)] };
  });
}

/**
 * Hides a field: it leaves the document and its forms, while publishing keeps its column and
 * data (a retired column, brought back if the field returns; dropped only by an explicit purge).
 * Rules, views and roles that still name it are reported by validation, pointing at each one.
 */
export function hideField(document: AppDocument, objectId: string, fieldId: string): AppDocument {
  const without = mapObject(document, objectId, (o) => ({ ...o, fields: o.fields.filter((f) => f.id !== fieldId) }));
  if (!without.forms) return without;
  return {
    ...without,
    forms: without.forms.map((form) =>
      form.object === objectId ? { ...form, nodes: form.nodes.filter((n) => !(n.kind === 'field' && n.field === fieldId)) } : form,
    ),
  };
}
