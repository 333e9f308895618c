import { FlowError, type FlowService } from '@tessera/flows';
import type { DemoApproval, SampleBatch } from '@tessera/templates';
import type { DemoPerson } from './demo-team';

/** A demo approval with its record and people found: ready for the engine. */
export interface PlannedApproval {
  flow: string;
  recordId: string;
  initiator: string;
  steps: { user: string; action: 'approve' | 'reject' | 'return'; comment: string }[];
}

/** Finds each demo approval's record among the sample records (a different one each time) and its people. */
export function planDemoApprovals(
  demos: readonly DemoApproval[],
  batches: readonly SampleBatch[],
  ownerOf: ReadonlyMap<string, string>,
  people: ReadonlyMap<string, DemoPerson>,
): PlannedApproval[] {
  const taken = new Set<string>();
  const plans: PlannedApproval[] = [];
  for (const demo of demos) {
    const candidates = (batches.find((b) => b.object === demo.object)?.records ?? []).filter((r) => !taken.has(r.id) && demo.pick(r.values));
    // The named owner's record if they have one that fits, another rep's otherwise: the scene matters more than who plays it.
    const record = candidates.find((r) => ownerOf.get(r.id) === demo.owner) ?? candidates.find((r) => ownerOf.has(r.id));
    const owner = record ? people.get(ownerOf.get(record.id) ?? '') : undefined;
    const steps = demo.steps.map((step) => ({ user: people.get(step.by)?.id ?? '', action: step.action, comment: step.comment }));
    if (!owner || !record || steps.some((s) => !s.user)) continue;
    taken.add(record.id);
    plans.push({ flow: demo.flow, recordId: record.id, initiator: owner.id, steps });
  }
  return plans;
}

/**
 * Starts the demo's approvals through the engine, as their people would: submitted, then each
 * step taken (one the record's path does not reach is skipped). The sample data decides which records qualify; a plan the engine refuses (its record
 * took another path) is left where it stands rather than failing the first start.
 */
export async function runDemoApprovals(flows: FlowService, appId: string, plans: readonly PlannedApproval[]): Promise<number> {
  let started = 0;
  for (const plan of plans) {
    try {
      const instance = await flows.start({ appId, flowId: plan.flow, recordId: plan.recordId, initiator: plan.initiator });
      started += 1;
      for (const step of plan.steps) {
        const command =
          step.action === 'return'
            ? { kind: 'return' as const, user: step.user, to: 'initiator', comment: step.comment }
            : { kind: step.action, user: step.user, comment: step.comment };
        // A step the record's path does not pass (a director for a small contract) is skipped.
        await flows.act(instance.id, command).catch((error: unknown) => {
          if (!(error instanceof FlowError && error.code === 'flow.no_task')) throw error;
        });
      }
    } catch (error) {
      if (!(error instanceof FlowError)) throw error;
    }
  }
  return started;
}
