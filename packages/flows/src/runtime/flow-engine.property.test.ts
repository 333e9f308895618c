import { fullAccess } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reduce } from '../engine/reduce';
import { FlowError } from '../flow-error';
import type { FlowCommand, FlowEnvironment } from '../flow-step';
import { type InstanceState, initialState } from '../instance-state';
import { createFlowDefinitions } from './definitions';
import { createDirectoryCache } from './directory';
import { createFlowService, type FlowService } from './flow-service';
import { flowRecordLock } from './record-lock';

const PEOPLE = ['a', 'b', 'c', 'd', 'e'] as const;
type Person = (typeof PEOPLE)[number];

/** Every shape the engine has: a condition, a parallel with an all-sign and a vote, a sequence, returns to the initiator. */
function document(ids: Record<Person | 'initiator', string>): AppDocument {
  const users = (...names: Person[]) => [{ kind: 'user' as const, users: names.map((n) => ids[n]) }];
  return {
    id: 'prop',
    label: { en: 'Property' },
    objects: [
      {
        id: 'deal',
        label: { en: 'Deal' },
        displayField: 'name',
        fields: [
          { id: 'name', type: 'text', label: { en: 'Name' } },
          { id: 'amount', type: 'number', label: { en: 'Amount' } },
        ],
      },
    ],
    flows: [
      {
        id: 'check',
        label: { en: 'Check' },
        object: 'deal',
        trigger: { kind: 'submit' },
        resubmit: 'rerun',
        nodes: [
          { id: 'first', kind: 'approval', approvers: users('a', 'b'), mode: 'any' },
          { id: 'size', kind: 'condition' },
          { id: 'large', kind: 'branch', parent: 'size', when: 'amount > 100' },
          { id: 'review', kind: 'parallel', parent: 'large' },
          { id: 'left', kind: 'branch', parent: 'review' },
          { id: 'board', kind: 'approval', parent: 'left', approvers: users('b', 'c'), mode: 'all' },
          { id: 'right', kind: 'branch', parent: 'review' },
          { id: 'vote', kind: 'approval', parent: 'right', approvers: users('c', 'd', 'e'), mode: 'percentage', percentage: 60, onReject: 'return' },
          { id: 'small', kind: 'branch', parent: 'size' },
          { id: 'chain', kind: 'approval', parent: 'small', approvers: users('d', 'e'), mode: 'sequence' },
          { id: 'last', kind: 'approval', approvers: users('e', 'a'), mode: 'any' },
        ],
      },
    ],
  };
}

type Step =
  | { kind: 'approve' | 'reject'; who: Person }
  /** Approve or reject as the n-th person with an open task (so runs get deep into the flow). */
  | { kind: 'decide'; decision: 'approve' | 'reject'; pick: number }
  | { kind: 'return'; who: Person; to: 'initiator' | 'first' }
  | { kind: 'transfer'; who: Person; to: Person }
  | { kind: 'add_signer'; who: Person; signer: Person; position: 'before' | 'after' | 'parallel' }
  | { kind: 'resubmit' | 'withdraw' | 'urge' };

const person = fc.constantFrom(...PEOPLE);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('approve' as const), who: person }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      decision: fc.constantFrom('approve' as const, 'approve' as const, 'approve' as const, 'reject' as const),
      pick: fc.nat(9),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reject' as const), who: person }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), who: person, to: fc.constantFrom('initiator' as const, 'first' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transfer' as const), who: person, to: person }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add_signer' as const),
      who: person,
      signer: person,
      position: fc.constantFrom('before' as const, 'after' as const, 'parallel' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('resubmit' as const, 'withdraw' as const, 'urge' as const) }) },
);

let database: TestDatabase;
let flows: FlowService;
let ids: Record<Person | 'initiator', string>;

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 6 });
  const { rows } = await sql<{ id: string; email: string }>`insert into users (email, name, password_hash)
    select e, e, 'x' from unnest(array['a', 'b', 'c', 'd', 'e', 'initiator']) e returning id, email`.execute(database.db);
  ids = Object.fromEntries(rows.map((r) => [r.email, r.id])) as typeof ids;
  const store = createMetadataStore(database.db);
  await store.createApp(document(ids));
  await store.publish('prop', { actor: null });
  const liveApps = createLiveAppCache(database.db);
  const definitions = createFlowDefinitions();
  const directory = createDirectoryCache(database);
  await directory.start();
  const records = createRecordService(database.db, liveApps, { guard: flowRecordLock(definitions) });
  flows = createFlowService({ database, records, liveApps, directory, definitions });
});
afterAll(async () => database?.drop());

function toCommand(s: Step, state: InstanceState): FlowCommand {
  if (s.kind === 'decide') {
    const open = pendingOf(state).map((p) => p.split(':')[3]!);
    return { kind: s.decision, user: open.length ? open[s.pick % open.length]! : ids.a };
  }
  const user = 'who' in s ? ids[s.who] : ids.initiator;
  switch (s.kind) {
    case 'approve':
    case 'reject':
      return { kind: s.kind, user };
    case 'return':
      return { kind: 'return', user, to: s.to };
    case 'transfer':
      return { kind: 'transfer', user, to: ids[s.to] };
    case 'add_signer':
      return { kind: 'add_signer', user, signer: ids[s.signer], position: s.position };
    default:
      return { kind: s.kind, user };
  }
}

/** Pending seats as the reducer has them, against pending tasks as the inbox has them. */
function pendingOf(state: InstanceState): string[] {
  return Object.values(state.approvals)
    .flatMap((a) => a.chains.flatMap((c) => c.seats.filter((s) => s.status === 'pending').map((s) => `${a.node}:${a.round}:${s.id}:${s.user}`)))
    .sort();
}

describe('the engine in PostgreSQL against the pure reducer', () => {
  it('agrees command by command — the same state, the same refusals, the same open tasks — whatever the people do', async () => {
    const records = createRecordService(database.db, createLiveAppCache(database.db));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 200 }), fc.array(step, { minLength: 1, maxLength: 18 }), async (amount, steps) => {
        const deal = await records.create('prop', 'deal', fullAccess({ userId: ids.initiator, departmentId: null }), { values: { name: 'D', amount } });
        const started = await flows.start({ appId: 'prop', flowId: 'check', recordId: String(deal.id), initiator: ids.initiator });
        const { definition, env: dbEnv } = await flows.dryEnvironment('prop', 'check', String(deal.id), ids.initiator);
        const env: FlowEnvironment = { ...dbEnv };
        let oracle = reduce(definition.graph, initialState(), { kind: 'start' }, env).state;
        expect(started.state).toEqual(oracle);
        for (const s of steps) {
          const command = toCommand(s, oracle);
          let expected: string | null = null;
          try {
            oracle = reduce(definition.graph, oracle, command, env).state;
          } catch (error) {
            expected = (error as FlowError).code;
          }
          const actual = await flows.act(started.id, command).then(
            (row) => row,
            (error: unknown) => (error instanceof FlowError ? error.code : Promise.reject(error)),
          );
          if (expected) expect(actual).toBe(expected);
          else expect(typeof actual === 'string' ? actual : actual.state).toEqual(oracle);
          const { rows } = await sql<{ node_id: string; round: number; seat_id: string; assignee: string }>`select node_id, round, seat_id, assignee
            from flow_tasks where instance_id = ${started.id} and status = 'pending'`.execute(database.db);
          expect(rows.map((r) => `${r.node_id}:${r.round}:${r.seat_id}:${r.assignee}`).sort()).toEqual(pendingOf(oracle));
        }
        const { rows: stored } = await sql<{ status: string; state: InstanceState }>`select status, state from flow_instances where id = ${started.id}`.execute(
          database.db,
        );
        expect(stored[0]).toEqual({ status: oracle.status, state: oracle });
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
