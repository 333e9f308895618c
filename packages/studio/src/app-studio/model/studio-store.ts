import type { AppDocument } from '@tessera/schemas';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PaletteNodeKind } from '../flows/model/flow-edits';
import { designedForm } from './form-edits';

/** The most undo steps kept: enough for a session of design, bounded so snapshots cannot pile up. */
export const HISTORY_LIMIT = 200;

/** What the workspace shows: the selected object's form, fields or rules, the draft's flows, its dashboards, its roles, its menu, or the whole draft as JSON. */
export type StudioTab = 'fields' | 'form' | 'rules' | 'views' | 'flows' | 'dashboards' | 'roles' | 'navigation' | 'json';

/** What the property panel edits: an object, one of its fields, or a node of its form. */
export interface Selection {
  objectId: string | null;
  fieldId: string | null;
  nodeId: string | null;
  /** The form of the object open in the form designer and rules editor (absent or null: the object's default form). */
  formId?: string | null;
  /** The flow open in the flow designer, and its selected node (the flows section). */
  flowId?: string | null;
  flowNodeId?: string | null;
  /** The dashboard open in the dashboard designer, and its selected widget (the dashboards section). */
  dashboardId?: string | null;
  widgetId?: string | null;
  /** The role open in the permission matrix (the roles section). */
  roleId?: string | null;
  /** The list view of the object open in the views designer. */
  viewId?: string | null;
}

/** What a drag carries, by pointer or keyboard: a new field type, a new layout element, a field not on the form yet, or a node of the form. */
export type DragItem =
  | { kind: 'new-field'; fieldType: string }
  | { kind: 'new-layout'; layout: 'section' | 'columns' | 'tabs' }
  | { kind: 'field'; fieldId: string }
  | { kind: 'node'; nodeId: string }
  | { kind: 'new-flow-node'; nodeKind: PaletteNodeKind }
  | { kind: 'flow-node'; nodeId: string };

/** Where the draft stands against the server. */
export type SaveState =
  | { status: 'saved' }
  | { status: 'saving' }
  /** Another admin saved first: their revision and document, to show what they changed. */
  | { status: 'conflict'; theirs: number; theirDocument: AppDocument | null }
  | { status: 'failed'; error: unknown };

export interface StudioState {
  appId: string | null;
  document: AppDocument | null;
  /** The draft revision the server holds for `savedDocument`; a save names it (optimistic concurrency). */
  revision: number;
  /** The document as last saved or loaded: the autosave sends whatever differs from it. */
  savedDocument: AppDocument | null;
  liveVersion: number | null;
  past: AppDocument[];
  future: AppDocument[];
  selection: Selection;
  tab: StudioTab;
  save: SaveState;
  /** A drag begun with the keyboard (Enter on a palette item or node), waiting for Enter on a drop place. */
  carrying: DragItem | null;
  /** The merge key of the last edit: typing into one input is one gesture, so its keystrokes share one undo step. */
  lastMerge: string | null;

  /** Opens a draft as the server gave it; history starts empty. */
  load: (appId: string, draft: AppDocument, revision: number, liveVersion: number | null) => void;
  /**
   * One gesture of the admin: the next document from the current one, kept as one undo step.
   * An edit that changes nothing (returns the same document) leaves no step.
   */
  edit: (change: (document: AppDocument) => AppDocument, options?: EditOptions) => void;
  undo: () => void;
  redo: () => void;
  select: (selection: Partial<Selection>) => void;
  setTab: (tab: StudioTab) => void;
  carry: (item: DragItem | null) => void;
  savingStarted: () => void;
  /** The server kept `document` as `revision`. */
  saved: (document: AppDocument, revision: number) => void;
  saveFailed: (error: unknown) => void;
  conflicted: (theirs: number, theirDocument: AppDocument | null) => void;
  /** After a conflict, the admin chose to overwrite: the next save names the server's revision and sends this document. */
  overwriteFrom: (revision: number) => void;
  published: (liveVersion: number) => void;
}

export interface EditOptions {
  /** What the edit selects (the field just dropped, say). */
  select?: Partial<Selection>;
  /** Edits with the same key in a row (keystrokes in one input) make one undo step. */
  merge?: string;
}

export type StudioStore = StoreApi<StudioState>;

const NOTHING_SELECTED: Selection = { objectId: null, fieldId: null, nodeId: null };

/** The open dashboard and widget, while the document still has them (keys present once the dashboards section selected something). */
function dashboardStillThere(document: AppDocument, selection: Selection): Partial<Selection> {
  if (selection.dashboardId === undefined) return {};
  const dashboard = document.dashboards?.find((d) => d.id === selection.dashboardId);
  return { dashboardId: dashboard?.id ?? null, widgetId: dashboard?.widgets.some((w) => w.id === selection.widgetId) ? (selection.widgetId ?? null) : null };
}

/** A selection that still names things the document has (an undo may take them away). */
function stillThere(document: AppDocument, selection: Selection): Selection {
  const flow = document.flows?.find((f) => f.id === selection.flowId);
  // The flow keys appear once the flows section has selected something (the objects' selection keeps its shape).
  const flowSelection =
    selection.flowId === undefined
      ? {}
      : { flowId: flow?.id ?? null, flowNodeId: flow?.nodes.some((n) => n.id === selection.flowNodeId) ? selection.flowNodeId : null };
  const dashboardSelection = dashboardStillThere(document, selection);
  const roleSelection = selection.roleId === undefined ? {} : { roleId: document.roles?.some((r) => r.id === selection.roleId) ? selection.roleId : null };
  const object = document.objects.find((o) => o.id === selection.objectId);
  if (!object) return { ...NOTHING_SELECTED, objectId: document.objects[0]?.id ?? null, ...flowSelection, ...dashboardSelection, ...roleSelection };
  const form = designedForm(document, object.id, selection.formId ?? null);
  // The form keys appear once the admin switched forms (the objects' selection keeps its shape otherwise).
  const formSelection = selection.formId === undefined ? {} : { formId: form?.id === selection.formId ? selection.formId : null };
  const viewSelection = selection.viewId === undefined ? {} : { viewId: object.views?.some((v) => v.id === selection.viewId) ? selection.viewId : null };
  return {
    ...formSelection,
    ...viewSelection,
    ...flowSelection,
    ...dashboardSelection,
    ...roleSelection,
    objectId: object.id,
    fieldId: object.fields.some((f) => f.id === selection.fieldId) ? selection.fieldId : null,
    nodeId: form?.nodes.some((n) => n.id === selection.nodeId) ? selection.nodeId : null,
  };
}

/**
 * The studio's state: the draft being designed, its undo/redo history as immutable snapshots,
 * the selection and where the draft stands against the server. Components render from it; the
 * edits themselves are pure functions (document-edits.ts, form-edits.ts) handed to `edit`.
 */
export function createStudioStore(): StudioStore {
  return createStore<StudioState>((set, get) => ({
    appId: null,
    document: null,
    revision: 0,
    savedDocument: null,
    liveVersion: null,
    past: [],
    future: [],
    selection: NOTHING_SELECTED,
    tab: 'form',
    save: { status: 'saved' },
    carrying: null,
    lastMerge: null,

    load: (appId, draft, revision, liveVersion) =>
      set({
        appId,
        document: draft,
        savedDocument: draft,
        revision,
        liveVersion,
        past: [],
        future: [],
        save: { status: 'saved' },
        carrying: null,
        lastMerge: null,
        selection: stillThere(draft, get().selection),
      }),

    edit: (change, options = {}) => {
      const { document, past, selection, lastMerge } = get();
      if (!document) return;
      const next = change(document);
      const nextSelection = { ...selection, ...options.select };
      if (next === document) {
        if (options.select) set({ selection: nextSelection });
        return;
      }
      const merged = options.merge !== undefined && options.merge === lastMerge && past.length > 0;
      set({
        document: next,
        past: merged ? past : [...past, document].slice(-HISTORY_LIMIT),
        future: [],
        selection: stillThere(next, nextSelection),
        lastMerge: options.merge ?? null,
      });
    },

    undo: () => {
      const { document, past, future, selection } = get();
      const previous = past.at(-1);
      if (!document || !previous) return;
      set({ document: previous, past: past.slice(0, -1), future: [document, ...future], selection: stillThere(previous, selection), lastMerge: null });
    },

    redo: () => {
      const { document, past, future, selection } = get();
      const next = future[0];
      if (!document || !next) return;
      set({ document: next, past: [...past, document], future: future.slice(1), selection: stillThere(next, selection), lastMerge: null });
    },

    select: (selection) => set({ selection: { ...get().selection, ...selection } }),
    setTab: (tab) => set({ tab }),
    carry: (item) => set({ carrying: item }),
    savingStarted: () => set({ save: { status: 'saving' } }),
    saved: (document, revision) => set({ savedDocument: document, revision, save: { status: 'saved' } }),
    saveFailed: (error) => set({ save: { status: 'failed', error } }),
    conflicted: (theirs, theirDocument) => set({ save: { status: 'conflict', theirs, theirDocument } }),
    overwriteFrom: (revision) => set({ revision, savedDocument: null, save: { status: 'saved' } }),
    published: (liveVersion) => set({ liveVersion }),
  }));
}

/** Whether the draft on screen differs from the one the server holds. */
export function hasUnsavedChanges(state: Pick<StudioState, 'document' | 'savedDocument'>): boolean {
  return state.document !== state.savedDocument;
}
