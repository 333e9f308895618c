import type { SystemTables } from '@tessera/db';
import { type AppDocument, appTimeZone, type FlowDefinition } from '@tessera/schemas';
import type { Kysely } from 'kysely';
import { FlowError } from '../flow-error';
import { buildGraph, type FlowGraph } from '../flow-graph';
import { type FormulaEvaluator, formulaEvaluator } from './formulas';

/** A flow as one published version has it: its graph, and its object's formulas compiled. */
export interface FlowVersion {
  appId: string;
  version: number;
  document: AppDocument;
  flow: FlowDefinition;
  graph: FlowGraph;
  evaluate: FormulaEvaluator;
  timeZone: string;
}

/** A flow of `document` ready to run: its graph, and its object's formulas compiled in the app's time zone. */
export function flowVersion(appId: string, version: number, document: AppDocument, flow: FlowDefinition): FlowVersion {
  const timeZone = appTimeZone(document);
  return { appId, version, document, flow, graph: buildGraph(flow), evaluate: formulaEvaluator(document, flow.object, timeZone), timeZone };
}

/**
 * Published flow definitions by app, version and flow. A running instance keeps the version it
 * started on, so definitions are read by version (immutable once published) and kept.
 */
export function createFlowDefinitions() {
  const byVersion = new Map<string, Promise<Map<string, FlowVersion>>>();

  async function load(db: Kysely<SystemTables>, appId: string, version: number): Promise<Map<string, FlowVersion>> {
    const row = await db.selectFrom('meta_versions').select('document').where('app_id', '=', appId).where('version', '=', version).executeTakeFirst();
    if (!row) throw new FlowError('flow.not_found', { app: appId, version });
    const document = row.document as AppDocument;
    return new Map((document.flows ?? []).map((flow) => [flow.id, flowVersion(appId, version, document, flow)]));
  }

  return {
    /** The flow `flowId` of `appId` as published in `version`; `db` may be the caller's transaction. */
    async get(db: Kysely<SystemTables>, appId: string, version: number, flowId: string): Promise<FlowVersion> {
      const key = `${appId}:${version}`;
      let flows = byVersion.get(key);
      if (!flows) {
        flows = load(db, appId, version);
        byVersion.set(key, flows);
        flows.catch(() => byVersion.delete(key));
      }
      const found = (await flows).get(flowId);
      if (!found) throw new FlowError('flow.not_found', { flow: flowId });
      return found;
    },
    /** Drops an app's versions: a deleted app's id may be created again, with other version 1s. */
    forget(appId: string): void {
      for (const key of byVersion.keys()) if (key.startsWith(`${appId}:`)) byVersion.delete(key);
    },
  };
}

export type FlowDefinitions = ReturnType<typeof createFlowDefinitions>;
