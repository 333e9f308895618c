import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { DemoServer, DemoViewer } from './demo-testing';
import { type Endpoint, endpointsOf, type FuzzRequest, type KnownValues, type OpenApiDocument, requestsFor } from './openapi-fuzz';

/**
 * Test-only: every route and method of the OpenAPI document called with values drawn from its
 * schemas, as the administrator, a sales rep and anonymously; a finding is a 5xx, or an error that
 * is not problem+json. FUZZ_RUNS (per route and caller) raises the count for a long local run; the
 * seed is fixed (FUZZ_SEED to change it), so a finding replays exactly. FUZZ_FINDINGS=<file>
 * writes every finding out.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 2);
const SEED = Number(process.env.FUZZ_SEED ?? 17);
/** A few requests at a time, as several browsers would send them: the database waits overlap. */
const PARALLEL = 6;

type Caller = DemoViewer | 'anonymous';
const CALLERS: readonly Caller[] = ['admin', 'chen.jing', 'anonymous'];

/** Routes that would take the installed app or a caller's session away: hostile ids only, never the real ones. */
const DESTRUCTIVE = new Set([
  'DELETE /api/apps/{appId}',
  'POST /api/apps/{appId}/purge',
  'POST /api/apps/{appId}/rollback',
  'POST /api/apps/{appId}/publish',
  'PUT /api/apps/{appId}/draft',
  'PATCH /api/admin/users/{id}',
  'PUT /api/admin/users/{id}/roles',
  'DELETE /api/auth/tokens/{id}',
]);
/** Signing out ends the session the other cases share: only anonymous callers try it. */
const SESSION_ENDING = new Set(['POST /api/auth/sign-out', 'POST /api/auth/password']);

interface Finding {
  caller: Caller;
  request: FuzzRequest;
  status: number;
  contentType: string;
  body: string;
}

async function knownValues(server: DemoServer): Promise<KnownValues> {
  const admin = await server.headers('admin');
  const live = (await server.app.inject({ method: 'GET', url: `/api/apps/${server.demo.appId}/live`, headers: admin })).json() as {
    document: {
      objects: { id: string; fields: { id: string }[] }[];
      dashboards?: { id: string; widgets?: { id: string }[] }[];
      flows?: { id: string }[];
    };
  };
  const objects = live.document.objects;
  const first = objects[0]!.id;
  const page = (await server.app.inject({ method: 'GET', url: `/api/apps/${server.demo.appId}/objects/${first}/records?limit=5`, headers: admin })).json() as {
    items: { id: string }[];
  };
  const users = (await server.app.inject({ method: 'GET', url: '/api/admin/users', headers: admin })).json() as { items?: { id: string }[] } | { id: string }[];
  const userIds = (Array.isArray(users) ? users : (users.items ?? [])).map((u) => u.id).slice(0, 5);
  const fields = [...new Set(objects.flatMap((o) => o.fields.map((f) => f.id)))];
  const dashboards = live.document.dashboards ?? [];
  return {
    byName: {
      appId: [server.demo.appId],
      objectId: objects.map((o) => o.id),
      fieldId: fields,
      field: fields,
      recordId: page.items.map((r) => r.id),
      id: [...userIds, ...page.items.map((r) => r.id)],
      version: ['1', String(server.demo.version)],
      dashboardId: dashboards.map((d) => d.id).concat('none'),
      widgetId: dashboards.flatMap((d) => d.widgets?.map((w) => w.id) ?? []).concat('none'),
      flowId: (live.document.flows ?? []).map((f) => f.id).concat('none'),
      email: ['admin@test.local', 'nobody@test.local'],
    },
    keys: [...fields, 'id', 'version', '_display', 'zz_unknown'],
  };
}

function isProblem(response: { headers: Record<string, unknown>; body: string }, status: number): boolean {
  if (!String(response.headers['content-type'] ?? '').startsWith('application/problem+json')) return false;
  try {
    const body = JSON.parse(response.body) as { status?: unknown; title?: unknown; code?: unknown };
    return body.status === status && typeof body.title === 'string' && typeof body.code === 'string';
  } catch {
    return false;
  }
}

function key(endpoint: Endpoint): string {
  return `${endpoint.method} ${endpoint.path}`;
}

export async function runOpenApiFuzz(server: DemoServer): Promise<{ cases: number; findings: Finding[] }> {
  const known = await knownValues(server);
  const sessions: Record<Caller, Record<string, string>> = {
    admin: await server.headers('admin'),
    'chen.jing': await server.headers('chen.jing'),
    'li.qiang': {},
    'wang.lei': {},
    anonymous: {},
  };
  const endpoints = endpointsOf(server.app.swagger() as unknown as OpenApiDocument);
  const findings: Finding[] = [];
  // One arbitrary per route, sampled for all its callers at once (building it costs more than drawing from it).
  const cases: { caller: Caller; request: FuzzRequest }[] = endpoints.flatMap((endpoint, index) => {
    const callers = SESSION_ENDING.has(key(endpoint)) ? (['anonymous'] as const) : CALLERS;
    const requests = fc.sample(requestsFor(endpoint, known, !DESTRUCTIVE.has(key(endpoint))), { seed: SEED + index, numRuns: RUNS_PER_ROUTE * callers.length });
    return requests.map((request, i) => ({ caller: callers[i % callers.length]!, request }));
  });
  const started = Date.now();
  for (let i = 0; i < cases.length; i += PARALLEL) {
    await Promise.all(
      cases.slice(i, i + PARALLEL).map(async ({ caller, request }) => {
        const headers = { ...sessions[caller], ...(request.contentType ? { 'content-type': request.contentType } : {}) };
        const response = await server.app.inject({ method: request.method as 'GET', url: request.url, payload: request.payload, headers });
        if (response.statusCode >= 500 || (response.statusCode >= 400 && !isProblem(response, response.statusCode))) {
          findings.push({
            caller,
            request,
            status: response.statusCode,
            contentType: String(response.headers['content-type']),
            body: response.body.slice(0, 300),
          });
        }
      }),
    );
  }
  console.log(
    `OpenAPI fuzz: ${cases.length} requests over ${endpoints.length} routes in ${Date.now() - started} ms (seed ${SEED}, ${RUNS_PER_ROUTE} per route and caller), ${findings.length} findings`,
  );
  for (const f of findings.slice(0, 40)) console.log(JSON.stringify({ ...f, request: { ...f.request, payload: f.request.payload?.slice(0, 300) } }));
  // A long local run writes every finding out for study: FUZZ_FINDINGS=<file>.
  if (process.env.FUZZ_FINDINGS) writeFileSync(process.env.FUZZ_FINDINGS, JSON.stringify(findings, null, 1));
  return { cases: cases.length, findings };
}
