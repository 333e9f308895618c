import { type Reduction, reduce } from '../engine/reduce';
import type { FlowGraph } from '../flow-graph';
import type { FlowCommand, FlowEnvironment } from '../flow-step';
import type { InstanceState } from '../instance-state';

/** Raised when a reduction run without the record reaches for it. */
class RecordNeeded extends Error {}

const needed = (): never => {
  throw new RecordNeeded('the record is needed');
};

/**
 * A record not read yet: any look at it (a field, its keys, a spread, JSON) throws, so a
 * reduction that needs the record cannot go on with a wrong one.
 */
const UNREAD: Record<string, unknown> = new Proxy(
  {},
  {
    get: needed,
    has: needed,
    ownKeys: needed,
    getOwnPropertyDescriptor: needed,
    set: needed,
    defineProperty: needed,
    deleteProperty: needed,
  },
);

/**
 * Runs the pure reducer without reading the record first. Most steps of an approval (an approver
 * named by user or role deciding, no condition, no required field) never look at it, and reading
 * it is one round trip of the five a step takes (B5). If the reduction reaches for the record —
 * a formula over it, a user field, a required field, a date field, an update — it stops there,
 * and the result is null: the caller reads the record and runs it again. The reducer is a pure
 * function, so a run cut short leaves nothing behind; any other error, too, sends the command the
 * full way, where it is raised as it would have been.
 */
export function reduceWithoutRecord(graph: FlowGraph, state: InstanceState, command: FlowCommand, env: FlowEnvironment): Reduction | null {
  const unread: FlowEnvironment = {
    ...env,
    record: UNREAD,
    // A formula engine may turn a failing field read into an error value: refuse before it runs.
    evaluate: (formula, values) => (values === UNREAD ? needed() : env.evaluate(formula, values)),
  };
  try {
    return reduce(graph, state, command, unread);
  } catch {
    return null;
  }
}
