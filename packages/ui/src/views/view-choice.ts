import type { FieldDefinition, ListView, ObjectDefinition } from '@tessera/schemas';

/** How the object page shows its records; kanban and calendar name the field they are built on. */
export type ViewChoice = { kind: 'table' } | { kind: 'kanban'; field: string } | { kind: 'calendar'; field: string };

export type ViewKind = ViewChoice['kind'];

export function groupableFields(object: ObjectDefinition): FieldDefinition[] {
  return object.fields.filter((f) => f.type === 'select' && (f.options?.length ?? 0) > 0);
}

export function datedFields(object: ObjectDefinition): FieldDefinition[] {
  return object.fields.filter((f) => f.type === 'date' || f.type === 'datetime');
}

/** The views this object can offer: kanban needs a select field, calendar a date or datetime. */
export function availableKinds(object: ObjectDefinition): ViewKind[] {
  const kinds: ViewKind[] = ['table'];
  if (groupableFields(object).length > 0) kinds.push('kanban');
  if (datedFields(object).length > 0) kinds.push('calendar');
  return kinds;
}

/** Switching kind lands on the first suitable field (an opportunity's `stage`, a visit's date). */
export function defaultChoice(object: ObjectDefinition, kind: ViewKind): ViewChoice {
  if (kind === 'kanban') {
    const field = groupableFields(object)[0];
    if (field) return { kind, field: field.id };
  }
  if (kind === 'calendar') {
    const field = datedFields(object)[0];
    if (field) return { kind, field: field.id };
  }
  return { kind: 'table' };
}

/**
 * A stored choice is trusted only while the published app still supports it: a field renamed,
 * retyped or removed since the last visit falls back to the table rather than an empty board.
 */
export function validChoice(object: ObjectDefinition, stored: unknown): ViewChoice {
  if (typeof stored !== 'object' || stored === null) return { kind: 'table' };
  const { kind, field } = stored as { kind?: unknown; field?: unknown };
  const fields = kind === 'kanban' ? groupableFields(object) : kind === 'calendar' ? datedFields(object) : [];
  if ((kind === 'kanban' || kind === 'calendar') && fields.some((f) => f.id === field)) {
    return { kind, field: field as string };
  }
  return { kind: 'table' };
}

/**
 * The layout an app designer gave a list view, as the page shows it: null when the view names none
 * (the person's own choice stays), the table when its field no longer fits the published app.
 */
export function presetLayout(object: ObjectDefinition, view: Pick<ListView, 'layout' | 'groupField' | 'dateField'>): ViewChoice | null {
  if (!view.layout) return null;
  const field = view.layout === 'kanban' ? view.groupField : view.layout === 'calendar' ? view.dateField : undefined;
  return validChoice(object, { kind: view.layout, field });
}

function storageKey(appId: string, objectId: string): string {
  return `tessera.view.${appId}.${objectId}`;
}

/** The person's last layout for this object in this browser, or null when they never chose one. */
export function readChoice(appId: string, object: ObjectDefinition): ViewChoice | null {
  try {
    const raw = window.localStorage.getItem(storageKey(appId, object.id));
    return raw ? validChoice(object, JSON.parse(raw) as unknown) : null;
  } catch {
    // Blocked storage or a hand-edited value: the table is always a safe start.
    return { kind: 'table' };
  }
}

/**
 * The layout the object page opens in: the list view it opens with (the remembered one, else the
 * app's first) decides when its designer gave it a layout — a menu entry opening a pipeline view,
 * or a new rep's first visit, shows the board the admin designed; otherwise the person's own last
 * choice, else the table.
 */
export function openingChoice(object: ObjectDefinition, opensWith: ListView | null, ownChoice: ViewChoice | null): ViewChoice {
  return (opensWith && presetLayout(object, opensWith)) ?? ownChoice ?? { kind: 'table' };
}

export function storeChoice(appId: string, objectId: string, choice: ViewChoice): void {
  try {
    window.localStorage.setItem(storageKey(appId, objectId), JSON.stringify(choice));
  } catch {
    // Not remembered this time; the choice still applies until the page is left.
  }
}
