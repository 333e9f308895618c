import { compilePolicy, fullAccess, type Principal, type RecordAction } from '@tessera/access';
import { type AppDocument, ROW_SCOPES, type RoleDefinition, type RowScope } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { RecordError } from './record-error';
import { fullAdmin as admin, usePublishedApp } from './test-app';

// A department tree: D1 has the sub-department D2; D3 is elsewhere.
const D1 = '00000000-0000-4000-8000-0000000000d1';
const D2 = '00000000-0000-4000-8000-0000000000d2';
const D3 = '00000000-0000-4000-8000-0000000000d3';
const person = (n: number, departmentId: string) => ({ userId: `00000000-0000-4000-8000-00000000000${n}`, departmentId });
const me = person(1, D1);
const owners = { mine: me, colleague: person(2, D1), below: person(3, D2), elsewhere: person(4, D3) } as const;
type Owner = keyof typeof owners;

const ACTION_SETS: RecordAction[][] = [['read'], ['read', 'update'], ['read', 'update', 'delete'], ['create']];
const OBJECTS = ['customer', 'deal'] as const;
const roleId = (scope: RowScope, set: number) => `r_${scope}_${set}`;

const roles: RoleDefinition[] = ROW_SCOPES.flatMap((scope) =>
  ACTION_SETS.map((actions, set) => ({
    id: roleId(scope, set),
    label: { en: `${scope} ${actions.join('+')}` },
    // deal is granted the same way as customer, except that nobody may see its `margin`.
    permissions: OBJECTS.map((object) => ({ object, actions, rows: scope, ...(object === 'deal' ? { hiddenFields: ['margin'] } : {}) })),
  })),
);

const app: AppDocument = {
  id: 'matrix',
  label: { en: 'Matrix' },
  objects: OBJECTS.map((id) => ({
    id,
    label: { en: id },
    displayField: 'name',
    fields: [
      { id: 'name', type: 'text' as const, label: { en: 'Name' } },
      { id: 'margin', type: 'number' as const, label: { en: 'Margin' } },
    ],
  })),
  roles,
};

/** The oracle: the rule as the docs state it, written independently of compilePolicy. */
function covers(scope: RowScope, owner: Owner): boolean {
  const record = owners[owner];
  if (scope === 'all') return true;
  if (scope === 'own') return record.userId === me.userId;
  if (scope === 'department') return record.departmentId === me.departmentId;
  return record.departmentId === D1 || record.departmentId === D2;
}

const published = usePublishedApp(app);
const ids = new Map<string, string>();

beforeAll(async () => {
  for (const object of OBJECTS) {
    for (const [owner, actor] of Object.entries(owners)) {
      const record = await published.records.create('matrix', object, fullAccess(actor), { values: { name: `${object} of ${owner}`, margin: 42 } });
      ids.set(`${object}/${owner}`, String(record.id));
    }
  }
});

async function allowed(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (error instanceof RecordError && ['record.not_found', 'record.forbidden'].includes(error.code)) return false;
    throw error;
  }
}

describe('authorization matrix: role × object × action × row scope', () => {
  const cases = ROW_SCOPES.flatMap((scope) => ACTION_SETS.map((actions, set) => ({ scope, set, actions })));
  it.each(cases)('$scope with $actions', async ({ scope, set, actions }) => {
    const principal: Principal = { ...me, departmentTree: [D1, D2], roles: [roleId(scope, set)], isAdmin: false };
    const policy = compilePolicy(app, principal);
    const verdicts: string[] = [];
    const expected: string[] = [];
    for (const object of OBJECTS) {
      const canCreate = await allowed(() => published.records.create('matrix', object, policy, { values: { name: 'new' } }));
      verdicts.push(`${object} create ${canCreate}`);
      expected.push(`${object} create ${actions.includes('create')}`);
      const listed = actions.includes('read') ? (await published.records.list('matrix', object, policy, { limit: 500 })).items.map((r) => String(r.name)) : [];
      for (const owner of Object.keys(owners) as Owner[]) {
        const id = ids.get(`${object}/${owner}`)!;
        const visible = actions.includes('read') && covers(scope, owner);
        const read = await allowed(async () => {
          const record = await published.records.get('matrix', object, policy, id);
          // hidden fields never leave the server, whatever else the role allows
          expect(Object.hasOwn(record, 'margin')).toBe(object === 'customer');
        });
        const version = Number((await published.records.get('matrix', object, admin, id)).version);
        const update = await allowed(() => published.records.update('matrix', object, policy, id, { version, values: { name: `${object} of ${owner}` } }));
        const remove = await allowed(() => published.records.remove('matrix', object, policy, id));
        if (remove) await published.records.restore('matrix', object, admin, id);
        verdicts.push(`${object}/${owner} read ${read} listed ${listed.includes(`${object} of ${owner}`)} update ${update} delete ${remove}`);
        expected.push(
          `${object}/${owner} read ${visible} listed ${visible} update ${visible && actions.includes('update')} delete ${visible && actions.includes('delete')}`,
        );
      }
    }
    expect(verdicts).toEqual(expected);
  });

  it('adds up several roles: the widest row scope and the union of actions win', async () => {
    const principal: Principal = { ...me, departmentTree: [D1, D2], roles: [roleId('own', 2), roleId('all', 0)], isAdmin: false };
    const policy = compilePolicy(app, principal);
    const names = (await published.records.list('matrix', 'customer', policy, { limit: 500 })).items.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(Object.keys(owners).map((o) => `customer of ${o}`)));
    const foreign = ids.get('customer/elsewhere')!;
    const version = Number((await published.records.get('matrix', 'customer', admin, foreign)).version);
    // reading everything does not mean updating everything: update stays with the "own" role
    expect(await allowed(() => published.records.update('matrix', 'customer', policy, foreign, { version, values: { name: 'x' } }))).toBe(false);
  });

  it("narrows rows further by a role's row formula, with CURRENTUSER() as the actor", async () => {
    const document: AppDocument = {
      ...app,
      roles: [
        {
          id: 'below_only',
          label: { en: 'Below' },
          permissions: [{ object: 'customer', actions: ['read'], rows: 'all', rowFormula: 'CONTAINS(name, "below") AND margin > 40' }],
        },
        {
          id: 'mine_by_formula',
          label: { en: 'Mine' },
          permissions: [{ object: 'deal', actions: ['read'], rows: 'department_tree', rowFormula: 'CURRENTUSER() = "nobody" OR name = "deal of colleague"' }],
        },
      ],
    };
    const policy = compilePolicy(document, { ...me, departmentTree: [D1, D2], roles: ['below_only', 'mine_by_formula'], isAdmin: false });
    expect((await published.records.list('matrix', 'customer', policy, {})).items.map((r) => r.name)).toEqual(['customer of below']);
    expect((await published.records.list('matrix', 'deal', policy, {})).items.map((r) => r.name)).toEqual(['deal of colleague']);
    expect(await allowed(() => published.records.get('matrix', 'customer', policy, ids.get('customer/mine')!))).toBe(false);
  });

  it('denies everything to a user without roles, and allows everything to an administrator', async () => {
    const nobody = compilePolicy(app, { ...me, departmentTree: [D1], roles: [], isAdmin: false });
    expect(await allowed(() => published.records.list('matrix', 'customer', nobody, {}))).toBe(false);
    const root = compilePolicy(app, { ...me, departmentTree: [D1], roles: [], isAdmin: true });
    expect((await published.records.get('matrix', 'deal', root, ids.get('deal/elsewhere')!)).margin).toBe('42');
  });
});
