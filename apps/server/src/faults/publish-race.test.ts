import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument, FieldDefinition } from '@tessera/schemas';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, ledger, startFaultServer } from './fault-server';
import { waitFor } from './wait-for';

const ROUNDS = 12;
const WRITERS = 4;

let database: TestDatabase;
let server: FaultServer;
let revision = 1;

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 8 });
  server = await startFaultServer(database);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

/** The ledger with one of its fields changed. */
function ledgerWith(fieldId: string, change: Partial<FieldDefinition>): AppDocument {
  const [entry] = ledger.objects;
  const fields = entry!.fields.map((f) => (f.id === fieldId ? ({ ...f, ...change } as FieldDefinition) : f));
  return { ...ledger, objects: [{ ...entry!, fields }] };
}

async function saveDraft(document: AppDocument): Promise<void> {
  const saved = await server.send('PUT', '/api/apps/ledger/draft', { document, revision });
  expect(saved.statusCode, saved.body).toBe(200);
  revision = saved.json().draftRevision;
}

async function publishDraft(): Promise<LightMyRequestResponse> {
  return server.send('POST', '/api/apps/ledger/publish', { revision });
}

/** Back to the plain ledger with an empty table, so each round starts alike. */
async function reset(): Promise<void> {
  await saveDraft(ledger);
  const back = await publishDraft();
  expect([200, 422], back.body).toContain(back.statusCode);
  if (back.statusCode === 422) expect(back.json().code).toBe('meta.nothing_to_publish');
  await sql`delete from app_ledger.entry`.execute(database.db);
}

/**
 * Creates racing a publish: writers create one entry after the other; the publish starts once
 * some are acknowledged, and the writers go on until it has answered and a few more creates
 * after it. Each writer sends one entry that breaks the new rule, some creates after the publish
 * started: whether it lands before the publish's check or after its commit is the race.
 */
async function race(lateBy: number, values: (n: number, breaking: boolean) => Record<string, unknown>) {
  const creates: LightMyRequestResponse[] = [];
  let sent = 0;
  let publishing = false;
  let answered = false;
  const writers = Array.from({ length: WRITERS }, async () => {
    let broke = false;
    let sinceStart = 0;
    for (let after = 0; after < 2 || !broke; after += answered ? 1 : 0) {
      // Each writer sends one rule-breaking entry, `lateBy` creates after the publish started.
      const breaking: boolean = publishing && !broke && sinceStart++ >= lateBy;
      broke ||= breaking;
      const { response } = await server.create(values(sent++, breaking));
      creates.push(response);
    }
  });
  await waitFor('creates before the publish', () => creates.some((c) => c.statusCode === 201));
  publishing = true;
  const publish = await publishDraft();
  answered = true;
  await Promise.all(writers);
  return { publish, creates };
}

function expectRefusedOn(field: string, response: LightMyRequestResponse): void {
  expect(response.statusCode, response.body).toBe(422);
  expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(`/values/${field}`);
}

const codes = async () =>
  (await sql<{ code: string; n: number }>`select code, count(*)::int as n from app_ledger.entry where deleted_at is null group by code`.execute(database.db))
    .rows;

describe('a publish racing writes', () => {
  it(`adding a unique rule or changing a type: no 500, the publish and the writes agree (${ROUNDS} rounds)`, async () => {
    const tally = { published: 0, refused: 0, createsRefused: 0, createsDone: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      await reset();
      const unique = round % 2 === 0;
      await saveDraft(unique ? ledgerWith('code', { unique: true }) : ledgerWith('ref', { type: 'number' }));
      // Unique rounds: the last creates repeat earlier codes. Type rounds: some references are not numbers.
      // How late the rule breakers come varies by round: before the publish's check, while it holds its lock, after its commit.
      const { publish, creates } = await race(Math.floor(round / 2) * 3, (n, breaks) => {
        return unique ? { name: `r${round}-${n}`, code: breaks ? 'c0' : `c${n}` } : { name: `r${round}-${n}`, ref: breaks ? `x${n}` : String(n) };
      });
      const field = unique ? 'code' : 'ref';
      for (const response of creates) if (response.statusCode !== 201) expectRefusedOn(field, response);
      tally.createsDone += creates.filter((c) => c.statusCode === 201).length;
      tally.createsRefused += creates.filter((c) => c.statusCode !== 201).length;
      const stored = (await sql<{ n: number }>`select count(*)::int as n from app_ledger.entry`.execute(database.db)).rows[0]!.n;
      expect(stored, 'every acknowledged create is stored, nothing else').toBe(creates.filter((c) => c.statusCode === 201).length);
      if (publish.statusCode === 200) {
        tally.published += 1;
        if (unique) expect((await codes()).filter((c) => c.n > 1)).toEqual([]);
        else {
          const { rows } = await sql<{ type: string }>`select data_type as type from information_schema.columns
            where table_schema = 'app_ledger' and table_name = 'entry' and column_name = 'ref'`.execute(database.db);
          expect(rows[0]!.type).toBe('numeric');
        }
      } else {
        // Refused, as it would be after the writes: what they stored breaks the new rule.
        tally.refused += 1;
        expect(publish.statusCode, publish.body).toBe(422);
        expect(publish.json().code).toBe(unique ? 'meta.unique_violation' : 'meta.unsafe_type_change');
        if (unique) expect((await codes()).some((c) => c.n > 1)).toBe(true);
        // With the rule never live, no create was refused for it.
        expect(creates.filter((c) => c.statusCode !== 201)).toEqual([]);
      }
    }
    expect(tally.published + tally.refused).toBe(ROUNDS);
    console.info(
      `publish race: ${ROUNDS} rounds, ${tally.published} published, ${tally.refused} refused; creates ${tally.createsDone} done, ${tally.createsRefused} refused`,
    );
  }, 120_000);
});
