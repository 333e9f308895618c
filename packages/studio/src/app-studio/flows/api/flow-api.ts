import type { FlowDefinition, LocalizedText } from '@tessera/schemas';
import { api, request } from '@tessera/ui';

const enc = encodeURIComponent;

export interface SimulatedPerson {
  id: string;
  name: string;
}

/** What the server's dry run of a draft flow answers (docs/api-contract.md, POST …/flows/simulate). */
export interface Simulation {
  status: string;
  steps: { node: string; label: LocalizedText | null; approvers: SimulatedPerson[]; choose: boolean }[];
  path: { kind: string; node: string | null; label: LocalizedText | null; detail: Record<string, unknown>; people: SimulatedPerson[] }[];
}

/** The routes the flow designer uses beyond the studio's own. */
export const flowApi = {
  /** The draft flow walked on a record, as `initiatorId` would submit it (the server defaults to the record's owner). */
  simulate: (appId: string, flow: FlowDefinition, recordId: string, initiatorId: string | null) =>
    request<Simulation>('POST', `/api/apps/${enc(appId)}/flows/simulate`, { flow, recordId, ...(initiatorId ? { initiatorId } : {}) }),
  /** Records of the published object to simulate with: the latest, or those whose display field contains `text`. */
  records: (appId: string, objectId: string, displayField: string | null, text: string, signal?: AbortSignal) =>
    api.queryRecords(
      appId,
      objectId,
      {
        limit: 20,
        filters: displayField && text ? [{ field: displayField, op: 'contains', value: text }] : [],
        sort: [{ field: 'created_at', direction: 'desc' }],
      },
      signal,
    ),
};
