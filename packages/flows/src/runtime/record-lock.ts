import type { SystemTables } from '@tessera/db';
import type { RecordContext, RecordWriteGuard } from '@tessera/records';
import { type Kysely, sql } from 'kysely';
import type { InstanceState } from '../instance-state';
import type { FlowDefinitions } from './definitions';

/**
 * Records under approval are locked against other edits (unless the flow says `lockRecord:
 * false`): while a flow runs on a record, only its current approvers may change it, and only the
 * fields their step makes editable or required; when it has been returned, its initiator may amend
 * it. The flow's own steps write freely. Deletes wait for the flow to end.
 */
export function flowRecordLock(definitions: FlowDefinitions): RecordWriteGuard {
  return {
    async refused(ctx: RecordContext, objectId, ids, fields, source) {
      const refused = new Map<string, string>();
      if (source === 'flow') return refused;
      const db = ctx.db as Kysely<SystemTables>;
      const { rows } = await sql<{ record_id: string; flow_id: string; app_version: number; initiator_id: string | null; state: InstanceState }>`
        select record_id, flow_id, app_version, initiator_id, state from flow_instances
        where app_id = ${ctx.app.appId} and object_id = ${objectId} and status = 'running' and record_id = any(${[...ids]}::uuid[])`.execute(db);
      const actor = ctx.access.actor.userId;
      for (const instance of rows) {
        const { flow } = await definitions.get(db, ctx.app.appId, instance.app_version, instance.flow_id);
        if (flow.lockRecord === false) continue;
        if (fields !== null && instance.state.returned && actor !== null && actor === instance.initiator_id) continue;
        const mayEdit = (field: string) =>
          Object.values(instance.state.approvals).some((approval) => {
            const permission = flow.nodes.find((n) => n.id === approval.node)?.fieldPermissions?.[field];
            const approver = approval.chains.some((chain) => chain.seats.some((seat) => seat.user === actor && seat.status === 'pending'));
            return approver && (permission === 'editable' || permission === 'required');
          });
        if (fields !== null && fields.length > 0 && fields.every(mayEdit)) continue;
        refused.set(instance.record_id, 'record.locked');
      }
      return refused;
    },
  };
}
