import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { enqueue } from '@tessera/jobs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';

const TOKEN = 'metrics test token';
let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database, metricsToken: TOKEN });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const scrape = async () => (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;

/** The value of one series in Prometheus' text format, or undefined when it is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('is refused without the token, in problem+json naming the setting', async () => {
    for (const authorization of [undefined, 'Bearer wrong token', TOKEN]) {
      const response = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { ...(authorization ? { authorization } : {}), 'accept-language': 'zh-CN' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().title).toContain('TESSERA_METRICS_TOKEN');
    }
  });

  it('counts requests by route pattern and status, with their latency', async () => {
    for (let i = 0; i < 3; i += 1) await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/apps/nope/live' });
    const text = await scrape();
    expect(sample(text, 'tessera_http_requests_total{method="GET",route="/api/health",status="200"}')).toBe(3);
    // The pattern, not the URL: one series for every app id.
    expect(sample(text, 'tessera_http_requests_total{method="GET",route="/api/apps/:appId/live",status="401"}')).toBe(1);
    expect(sample(text, 'tessera_http_request_duration_seconds_count{method="GET",route="/api/health",status="200"}')).toBe(3);
    expect(text).toContain('tessera_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/health",status="200"}');
    expect(text).toContain('# TYPE tessera_http_server_errors_total counter');
    expect(text).toContain('tessera_process_resident_memory_bytes');
  });

  it('reports the job queue across processes and this process’s connection pool', async () => {
    await enqueue(database.db, { queue: 'metrics.test', payload: {}, runAt: new Date(Date.now() + 3_600_000) });
    await enqueue(database.db, { queue: 'metrics.test', payload: {}, runAt: new Date(Date.now() + 3_600_000) });
    const text = await scrape();
    expect(sample(text, 'tessera_jobs{queue="metrics.test",state="queued"}')).toBe(2);
    const total = sample(text, 'tessera_db_pool_connections{state="total"}') ?? -1;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(5);
    // Idle and waiting move with whatever else runs (the job runner, the event dispatcher): present, and within the pool.
    for (const state of ['idle', 'waiting']) expect(sample(text, `tessera_db_pool_connections{state="${state}"}`)).toBeGreaterThanOrEqual(0);
  });

  it('does not exist unless a token is configured', async () => {
    const bare = await buildServer({ database });
    try {
      expect((await bare.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
