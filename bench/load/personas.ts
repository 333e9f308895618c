import type { ListView } from '@tessera/schemas';
import { pick } from '../shared/seeded-random';
import type { Session } from './session';

/** What someone of the demo's team does all day; each has its own mix of steps. */
export type Persona = 'rep' | 'manager' | 'director' | 'finance' | 'legal' | 'admin';

const APP = '/api/apps/crm';
const records = (object: string) => `${APP}/objects/${object}/records`;
/** Every kind of request the personas make, by the name the figures use. */
export const STEP_KINDS = [
  'auth.me',
  'app.live',
  'inbox.counts',
  'list.rows',
  'list.count',
  'record.open',
  'record.comments',
  'record.create',
  'record.edit',
  'comment.add',
  'approval.submit',
  'inbox.list',
  'approval.approve',
  'dashboard.data',
  'report.query',
  'export.csv',
] as const;

/** What people type in a list's search box: common and rare fragments of the customers' names. */
const SEARCHES = ['华东', '金桥', '科技', '远航 ', '物流', '瑞丰', '123', '公司 4'];

interface Listed {
  id: string;
  version: number;
}

interface Live {
  objects: Array<{ id: string; displayField?: string; views?: ListView[] }>;
}

/** One virtual user's state between steps: the page it last saw and the records it made. */
export class VirtualUser {
  private lastPage = new Map<string, Listed[]>();
  private live: Live | null = null;

  constructor(
    readonly persona: Persona,
    readonly session: Session,
    private readonly random: () => number,
    private readonly tally: (name: string, n?: number) => void,
    private readonly label: string,
  ) {}

  /** The app shell: the signed-in user, the live app (its objects and views), the badge counts. */
  async openApp(): Promise<void> {
    await this.session.call({ kind: 'auth.me', method: 'GET', path: '/api/auth/me' });
    this.live = (await this.session.call<{ document: Live }>({ kind: 'app.live', method: 'GET', path: `${APP}/live` }))?.json?.document ?? null;
    await this.inboxCounts();
  }

  /**
   * Every step of the persona once, in a random order: a short run exercises each kind of
   * request whatever the machine's speed, and a long one starts as a working day does
   * (everything looked at once).
   */
  firstRound(): StepName[] {
    const steps = STEPS[this.persona].map(([name]) => name);
    for (let i = steps.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [steps[i], steps[j]] = [steps[j]!, steps[i]!];
    }
    return steps;
  }

  /** A step picked by the persona's weights. */
  nextStep(): StepName {
    const steps = STEPS[this.persona];
    let roll = this.random() * steps.reduce((sum, [, weight]) => sum + weight, 0);
    return steps.find(([, weight]) => (roll -= weight) <= 0)?.[0] ?? steps[0]![0];
  }

  run(step: StepName): Promise<void> {
    return this[step]();
  }

  private objectFor(): string {
    return pick(this.random, OBJECTS[this.persona]);
  }

  /** A list page as the web app asks for it: a saved view's filters and sort, sometimes a search; rows first, the total beside them. */
  async list(object = this.objectFor()): Promise<void> {
    const definition = this.live?.objects.find((o) => o.id === object);
    const view = definition?.views?.length ? pick(this.random, definition.views) : undefined;
    const filters: unknown[] = [...(view?.filters ?? [])];
    if (definition?.displayField && object === 'customer' && this.random() < 0.4)
      filters.push({ field: definition.displayField, op: 'contains', value: pick(this.random, SEARCHES) });
    const sort = view?.sort ?? [{ field: 'created_at', direction: 'desc' }];
    const [rows] = await Promise.all([
      this.session.call<{ items: Listed[] }>({
        kind: 'list.rows',
        method: 'POST',
        path: `${records(object)}/query`,
        body: { filters, sort, limit: 50, count: false },
      }),
      this.session.call({ kind: 'list.count', method: 'POST', path: `${records(object)}/count`, body: { filters } }),
    ]);
    if (rows?.json) this.lastPage.set(object, rows.json.items);
  }

  /** A row of the last page opened in the drawer: the record and its comments. */
  async open(): Promise<void> {
    const object = this.objectFor();
    const row = await this.someRow(object);
    if (!row) return;
    await Promise.all([
      this.session.call({ kind: 'record.open', method: 'GET', path: `${records(object)}/${row.id}` }),
      this.session.call({ kind: 'record.comments', method: 'GET', path: `${records(object)}/${row.id}/comments` }),
    ]);
  }

  /** A new customer, valid as the form would send it. */
  async createCustomer(): Promise<void> {
    const serial = `${this.label}-${Math.floor(this.random() * 1e9).toString(36)}`;
    const values = {
      name: `负载测试客户 ${serial}`,
      tier: pick(this.random, ['A', 'B', 'C']),
      status: 'prospect',
      industry: pick(this.random, ['A', 'B', 'C', 'D', 'E', 'F']),
      source: pick(this.random, ['online', 'offline', 'referral', 'exhibition']),
      email: `${serial}@example.com`,
    };
    await this.session.call({ kind: 'record.create', method: 'POST', path: records('customer'), body: { values }, ok: [201] });
  }

  /** One field of a row on the last page, with the version the list showed: 409 when someone saved since. */
  async edit(): Promise<void> {
    const object = pick(
      this.random,
      ['customer', 'opportunity'].filter((o) => OBJECTS[this.persona].includes(o)),
    );
    const row = await this.someRow(object);
    if (!row) return;
    const values = object === 'customer' ? { last_contact_at: new Date().toISOString() } : { probability: Math.floor(this.random() * 10) * 10 };
    const saved = await this.session.call<Listed>({
      kind: 'record.edit',
      method: 'PATCH',
      path: `${records(object)}/${row.id}`,
      body: { version: row.version, values },
      expected: [409],
    });
    if (saved?.json) row.version = saved.json.version;
  }

  async comment(): Promise<void> {
    const object = this.objectFor();
    const row = await this.someRow(object);
    if (!row) return;
    const body = { body: `跟进记录 ${new Date().toISOString()}：客户希望下周再沟通价格。` };
    await this.session.call({ kind: 'comment.add', method: 'POST', path: `${records(object)}/${row.id}/comments`, body, ok: [201] });
  }

  /** A rep's quote on one of their deals, submitted for approval: 10 % needs none, 20 % the manager, 35 % the director too. */
  async submitQuote(): Promise<void> {
    const deal = await this.someRow('opportunity');
    if (!deal) return;
    const discount = pick(this.random, [10, 20, 20, 35]);
    await this.createAndSubmit('quote', { opportunity: deal.id, discount, discount_reason: '年度框架客户，批量采购' }, 'quote_discount');
  }

  /** An administrator's contract for a customer, submitted: finance reviews it, the director too above ¥1,000,000. */
  async submitContract(): Promise<void> {
    const customer = await this.someRow('customer');
    if (!customer) return;
    const amount = pick(this.random, [80_000, 350_000, 1_200_000]);
    const values = { customer: customer.id, amount, status: 'draft', starts_on: '2027-01-01', ends_on: '2027-12-31' };
    await this.createAndSubmit('contract', values, 'contract_approval');
  }

  /** A record made in its form and sent to its approval flow with the form's submit button. */
  private async createAndSubmit(object: string, values: Record<string, unknown>, flow: string): Promise<void> {
    const created = await this.session.call<{ id: string }>({ kind: 'record.create', method: 'POST', path: records(object), body: { values }, ok: [201] });
    if (!created?.json) return;
    const submitted = await this.session.call({
      kind: 'approval.submit',
      method: 'POST',
      path: `${APP}/flows/${flow}/instances`,
      body: { recordId: created.json.id },
      ok: [201],
    });
    if (submitted?.ok) this.tally('approvals submitted');
  }

  /** The inbox, and everything waiting approved at once (the inbox's "approve selected"). */
  async approve(): Promise<void> {
    const todo = await this.session.call<Array<{ instanceId: string; node: string | null }>>({
      kind: 'inbox.list',
      method: 'GET',
      path: '/api/flows/inbox?box=todo&limit=20',
    });
    const items = (todo?.json ?? []).map((t) => ({ instanceId: t.instanceId, ...(t.node ? { node: t.node } : {}) }));
    if (items.length === 0) return;
    const results = await this.session.call<Array<{ ok: boolean; code: string | null }>>({
      kind: 'approval.approve',
      method: 'POST',
      path: '/api/flows/inbox/approve',
      body: { items, comment: '同意' },
    });
    for (const result of results?.json ?? []) this.tally(result.ok ? 'approvals approved' : `approvals refused (${result.code})`);
  }

  /** Contracts I was copied on. */
  async copied(): Promise<void> {
    await this.session.call({ kind: 'inbox.list', method: 'GET', path: '/api/flows/inbox?box=cc&limit=20' });
  }

  async inboxCounts(): Promise<void> {
    await this.session.call({ kind: 'inbox.counts', method: 'GET', path: '/api/flows/inbox/counts' });
  }

  async dashboard(): Promise<void> {
    await this.session.call({ kind: 'dashboard.data', method: 'POST', path: `${APP}/dashboards/sales_overview/data`, body: {} });
  }

  async report(): Promise<void> {
    const reportId = pick(this.random, ['revenue_by_month', 'open_pipeline', 'pipeline_by_owner']);
    await this.session.call({ kind: 'report.query', method: 'POST', path: `${APP}/reports/query`, body: { reportId } });
  }

  /** The list's "export" button: the view's rows as CSV, streamed. */
  async export(): Promise<void> {
    const object = this.objectFor();
    const filters =
      object === 'customer'
        ? [
            { field: 'status', op: 'eq', value: 'dormant' },
            { field: 'tier', op: 'eq', value: 'A' },
          ]
        : [];
    await this.session.call({ kind: 'export.csv', method: 'POST', path: `${records(object)}/export`, body: { format: 'csv', filters }, download: true });
  }

  /** A row of the last page of `object`, opening the list first when there is none. */
  private async someRow(object: string): Promise<Listed | undefined> {
    if (!this.lastPage.get(object)?.length) await this.list(object);
    const page = this.lastPage.get(object) ?? [];
    return page.length ? pick(this.random, page) : undefined;
  }
}

export type StepName =
  | 'list'
  | 'open'
  | 'createCustomer'
  | 'edit'
  | 'comment'
  | 'submitQuote'
  | 'submitContract'
  | 'approve'
  | 'copied'
  | 'inboxCounts'
  | 'dashboard'
  | 'report'
  | 'export';

/** The objects each persona works in (what their role may read). */
const OBJECTS: Record<Persona, readonly string[]> = {
  rep: ['customer', 'customer', 'opportunity'],
  manager: ['customer', 'opportunity', 'quote'],
  director: ['customer', 'opportunity', 'contract'],
  finance: ['contract', 'quote'],
  legal: ['contract'],
  admin: ['customer', 'opportunity', 'contract'],
};

/** Each persona's steps with their weights: mostly reading lists and records, some writing, approvals where the role has them. */
const STEPS: Record<Persona, ReadonlyArray<readonly [StepName, number]>> = {
  rep: [
    ['list', 30],
    ['open', 25],
    ['createCustomer', 8],
    ['edit', 12],
    ['comment', 8],
    ['submitQuote', 5],
    ['inboxCounts', 10],
    ['report', 2],
  ],
  manager: [
    ['list', 25],
    ['open', 20],
    ['approve', 20],
    ['edit', 5],
    ['comment', 5],
    ['inboxCounts', 10],
    ['dashboard', 8],
    ['export', 2],
  ],
  director: [
    ['list', 20],
    ['open', 15],
    ['approve', 25],
    ['inboxCounts', 10],
    ['dashboard', 15],
    ['report', 10],
  ],
  finance: [
    ['list', 25],
    ['open', 20],
    ['approve', 25],
    ['inboxCounts', 10],
    ['report', 10],
    ['export', 3],
  ],
  legal: [
    ['list', 30],
    ['open', 30],
    ['copied', 20],
    ['inboxCounts', 10],
  ],
  admin: [
    ['list', 25],
    ['open', 20],
    ['submitContract', 10],
    ['edit', 8],
    ['comment', 5],
    ['inboxCounts', 10],
    ['dashboard', 10],
    ['export', 2],
  ],
};
