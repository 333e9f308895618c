import type { Database } from '@tessera/db';
import { type FlowDefinitions, FlowError, instanceView, isParticipant } from '@tessera/flows';
import type { RecordService } from '@tessera/records';
import type { FastifyRequest } from 'fastify';
import { policyFor, requireUser } from '../authentication';

/**
 * Who may see an approval: those taking part in it (they submitted it, have or had a task or a
 * copy), workspace administrators, and whoever may read its record. Everyone else is refused
 * with the same answer, whether the instance exists or not.
 */
export function approvalViewer(database: Database, records: RecordService, definitions: FlowDefinitions) {
  const db = database.db;
  return async function mayView(request: FastifyRequest, id: string) {
    const user = requireUser(request);
    const found = await instanceView(db, definitions, id, user.userId);
    if (!found) throw new FlowError('flow.not_found', { instance: id });
    const { row } = found;
    if (user.isAdmin || (await isParticipant(db, row, user.userId))) return { ...found, participant: true };
    if (row.record_id) {
      const readable = await records.get(row.app_id, row.object_id, policyFor(request, row.app_id), row.record_id).then(
        () => true,
        () => false,
      );
      if (readable) return { ...found, participant: false };
    }
    throw new FlowError('flow.forbidden');
  };
}
