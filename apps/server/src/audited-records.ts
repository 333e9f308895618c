import { type AuditEntry, appendAudit } from '@tessera/identity';
import type { RecordService } from '@tessera/records';
import type { FastifyRequest } from 'fastify';

/**
 * A records operation and its audit line in one transaction: an operation that fails leaves no
 * audit line, and one that happened never lacks it.
 */
export function auditedWith(records: RecordService) {
  return <T>(
    request: FastifyRequest,
    entry: Pick<AuditEntry, 'action' | 'appId' | 'objectId' | 'recordId'>,
    work: (inside: RecordService) => Promise<T>,
    detail?: (result: T) => Record<string, unknown>,
  ): Promise<T> =>
    records.transaction(async (inside, tx) => {
      const result = await work(inside);
      await appendAudit(tx, { ...entry, actorId: request.user?.userId ?? null, ip: request.ip, detail: detail?.(result) });
      return result;
    });
}
