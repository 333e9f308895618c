import type { AccessPolicy } from '@tessera/access';
import type { SystemTables } from '@tessera/db';
import type { FlowDefinition } from '@tessera/schemas';
import { type Kysely, sql } from 'kysely';
import type { InstanceState } from '../instance-state';
import type { InstanceRow } from './instance-store';

/** What a viewer of an approval may do with its record's fields. */
export interface ApprovalFields {
  /** The viewer has a pending task: the fields below apply to the decision they are making. */
  deciding: boolean;
  editable: string[];
  required: string[];
  hidden: string[];
}

/** The nodes where `viewer` decides now. */
function pendingNodes(state: InstanceState, viewer: string): string[] {
  return Object.values(state.approvals)
    .filter((a) => a.chains.some((c) => c.seats.some((s) => s.user === viewer && s.status === 'pending')))
    .map((a) => a.node);
}

/**
 * The record's fields as the viewer's steps set them: an approver deciding now may fill the
 * fields their step makes editable or required and does not see those it hides; anyone else
 * taking part sees the record read-only, without the fields hidden from the steps they had a
 * task at (a copy to legal that hides the margin keeps hiding it after the decision).
 */
export async function approvalFields(
  db: Kysely<SystemTables>,
  flow: FlowDefinition,
  instance: Pick<InstanceRow, 'id' | 'state' | 'status'>,
  viewer: string,
): Promise<ApprovalFields> {
  const deciding = instance.status === 'running' ? pendingNodes(instance.state, viewer) : [];
  const nodes = deciding.length
    ? deciding
    : (
        await sql<{ node_id: string }>`select distinct node_id from flow_tasks where instance_id = ${instance.id} and assignee = ${viewer}`.execute(db)
      ).rows.map((r) => r.node_id);
  const fields = { editable: new Set<string>(), required: new Set<string>(), hidden: new Set<string>() };
  for (const node of flow.nodes.filter((n) => nodes.includes(n.id))) {
    for (const [field, permission] of Object.entries(node.fieldPermissions ?? {})) {
      if (permission === 'hidden') fields.hidden.add(field);
      else if (deciding.length && permission === 'editable') fields.editable.add(field);
      else if (deciding.length && permission === 'required') fields.required.add(field);
    }
  }
  // A field one step hides and another lets the same person fill is theirs to fill.
  for (const field of [...fields.editable, ...fields.required]) fields.hidden.delete(field);
  return { deciding: deciding.length > 0, editable: [...fields.editable], required: [...fields.required], hidden: [...fields.hidden] };
}

/**
 * The viewer's access to one record under approval: their own access to everything else, this
 * one record readable whatever their row scope (the approval was put before them), the step's
 * hidden fields hidden too, and — for an approver deciding now — the step's editable and required
 * fields writable, nothing else. The records service enforces it like any other policy, and the
 * record lock lets the approver's edit through (record-lock.ts).
 */
export function approvalPolicy(base: AccessPolicy, objectId: string, recordId: string, fieldIds: readonly string[], fields: ApprovalFields): AccessPolicy {
  const writable = new Set(fields.deciding ? [...fields.editable, ...fields.required] : []);
  const hidden = new Set([...base.hiddenFields(objectId), ...fields.hidden]);
  const readOnly = new Set([...base.readOnlyFields(objectId), ...fieldIds.filter((id) => !writable.has(id))]);
  for (const id of writable) if (!base.hiddenFields(objectId).has(id)) readOnly.delete(id);
  return {
    actor: base.actor,
    can: (action, object) => (object === objectId ? action === 'read' || (action === 'update' && writable.size > 0) : base.can(action, object)),
    rowScope: (object, table, eb, action) => (object === objectId ? eb(eb.ref(`${table}.id`), '=', recordId) : base.rowScope(object, table, eb, action)),
    hiddenFields: (object) => (object === objectId ? hidden : base.hiddenFields(object)),
    readOnlyFields: (object) => (object === objectId ? readOnly : base.readOnlyFields(object)),
  };
}
