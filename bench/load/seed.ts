import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDepartment, createUser, newPassword, setRoles } from '@tessera/identity';
import { tableRef } from '@tessera/meta';
import { buildServer, installTemplate, runDemoApprovals } from '@tessera/server';
import { sql } from 'kysely';
import type { BenchDatabase } from '../shared/bench-database';
import { progress } from '../shared/report';
import type { Persona } from './personas';

export const APP_ID = 'crm';

/** Someone who signs in during the run: the demo's team and the people the bench adds to it. */
export interface Person {
  email: string;
  password: string;
  persona: Persona;
  userId: string;
}

export interface Seeded {
  people: Person[];
  customers: number;
  opportunities: number;
}

const PERSONA_OF_ROLE: Record<string, Persona> = {
  sales_rep: 'rep',
  sales_manager: 'manager',
  sales_director: 'director',
  finance: 'finance',
  legal: 'legal',
};

/**
 * The demo CRM as a first start installs it (its team, sample records, approvals waiting), with an
 * administrator, a second sales department under a manager of its own, `reps` reps spread over
 * both departments, and `customers` generated customers (half as many deals) owned by the reps.
 */
export async function seedCrm(database: BenchDatabase, options: { customers: number; reps: number; demoScale: number }): Promise<Seeded> {
  const filesDir = mkdtempSync(join(tmpdir(), 'tessera-bench-load-seed-'));
  const db = database.db;
  const password = newPassword();
  const adminId = await createUser(db, { email: 'admin@tessera.local', name: 'Administrator', password, isAdmin: true });
  const people: Person[] = [{ email: 'admin@tessera.local', password, persona: 'admin', userId: adminId }];
  const app = await buildServer({ database, filesDir, logger: false });
  try {
    progress('  installing the demo CRM with its team');
    const installed = await installTemplate(database, 'crm', { team: true, scale: options.demoScale, records: app.records, hooks: app.publishHooks });
    await app.ready();
    await runDemoApprovals(app.flows, installed.appId, installed.approvals);
    await app.events.drain();
    for (const person of installed.people) {
      const persona = PERSONA_OF_ROLE[person.roles[0] ?? ''];
      if (persona) people.push({ email: person.email, password: person.password, persona, userId: person.id });
    }
  } finally {
    await app.close();
    rmSync(filesDir, { recursive: true, force: true });
  }

  // The demo has one sales department; a second one, with its own head, makes the manager's
  // department scope and the department-head approval step differ between reps.
  const east = people.find((p) => p.persona === 'rep')!;
  const eastDepartment = (await db.selectFrom('users').select('department_id').where('id', '=', east.userId).executeTakeFirstOrThrow()).department_id;
  const hq = (await db.selectFrom('departments').select('parent_id').where('id', '=', eastDepartment!).executeTakeFirstOrThrow()).parent_id;
  const north = await addPerson(database, 'zhou.hua', '周华', null, 'sales_manager', 'manager');
  const northDepartment = await createDepartment(db, { name: '华北销售部', parentId: hq, headUserId: north.userId });
  await db.updateTable('users').set({ department_id: northDepartment }).where('id', '=', north.userId).execute();
  people.push(north);
  const demoReps = people.filter((p) => p.persona === 'rep').length;
  // Four at a time: each password is hashed with argon2 (64 MiB, in libuv's threads).
  const more = Array.from({ length: Math.max(0, options.reps - demoReps) }, (_, k) => k);
  for (let from = 0; from < more.length; from += 4) {
    const batch = more
      .slice(from, from + 4)
      .map((k) => addPerson(database, `rep${k + 1}`, `销售${k + 1}`, k % 2 === 0 ? northDepartment : eastDepartment, 'sales_rep', 'rep'));
    people.push(...(await Promise.all(batch)));
  }

  const reps = people.filter((p) => p.persona === 'rep').map((p) => p.userId);
  progress(`  generating ${options.customers.toLocaleString('en')} customers and ${Math.floor(options.customers / 2).toLocaleString('en')} deals`);
  await generateCustomers(database, reps, options.customers);
  return { people, customers: options.customers, opportunities: Math.floor(options.customers / 2) };
}

async function addPerson(database: BenchDatabase, key: string, name: string, departmentId: string | null, role: string, persona: Persona): Promise<Person> {
  const password = newPassword();
  const email = `${key}@load.tessera.local`;
  const userId = await createUser(database.db, { email, name, password, departmentId });
  await setRoles(database.db, userId, APP_ID, [role]);
  return { email, password, persona, userId };
}

/**
 * Set-based, in one statement per table: customers owned round-robin by the reps (in their
 * department), with unique names, then one deal for every second customer with its owner.
 */
async function generateCustomers(database: BenchDatabase, reps: string[], total: number): Promise<void> {
  const db = database.db;
  const owners = sql`${reps}::uuid[]`;
  await sql`insert into ${tableRef(APP_ID, 'customer')}
      (id, version, owner_id, department_id, created_at, created_by, updated_at, updated_by,
       name, industry, tier, phone, email, annual_revenue, employees, status, source, last_contact_at)
    select gen_random_uuid(), 1, o.id, u.department_id, t.at, o.id, t.at, o.id,
      (array['华东', '华北', '华南', '西南', '东北'])[1 + i % 5] || (array['金桥', '远航', '宏达', '恒信', '瑞丰', '天成', '博远', '长青'])[1 + (i / 5) % 8]
        || (array['科技', '贸易', '物流', '制造', '医药', '传媒'])[1 + (i / 40) % 6] || '有限公司 ' || i,
      (array['A', 'B', 'C', 'D', 'E', 'F'])[1 + i % 6], (array['A', 'B', 'C'])[1 + (i / 3) % 3],
      '0571' || lpad((i % 100000000)::text, 8, '0'), 'c' || i || '@example.com',
      (i % 997) * 10000, 10 + i % 490,
      (array['prospect', 'active', 'active', 'dormant', 'lost'])[1 + (i / 7) % 5], (array['online', 'offline', 'referral', 'exhibition'])[1 + i % 4],
      t.at + make_interval(days => (i % 200))
    from generate_series(1, ${total}::int) as g(i)
    cross join lateral (select (${owners})[1 + i % cardinality(${owners})] as id) o
    join users u on u.id = o.id
    cross join lateral (select timestamptz '2026-01-01' - make_interval(hours => i % 20000) as at) t`.execute(db);
  await sql`insert into ${tableRef(APP_ID, 'opportunity')}
      (id, version, owner_id, department_id, created_at, created_by, updated_at, updated_by, name, customer, stage, amount, probability, expected_close)
    select gen_random_uuid(), 1, c.owner_id, c.department_id, c.created_at, c.owner_id, c.created_at, c.owner_id,
      c.name || ' 项目', c.id, (array['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'])[1 + n % 6],
      (n % 500) * 2000 + 10000, (n % 10) * 10, date '2026-01-01' + (n % 500)::int
    from (select c.*, row_number() over (order by c.created_at) as n from ${tableRef(APP_ID, 'customer')} c where c.email like 'c%@example.com') c
    where n % 2 = 0`.execute(db);
  await sql`analyze ${tableRef(APP_ID, 'customer')}`.execute(db);
  await sql`analyze ${tableRef(APP_ID, 'opportunity')}`.execute(db);
}
