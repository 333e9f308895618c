import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUSY_RETRIES, busyRetryDelayMs } from './busy-retry';
import { request } from './http';

const busy = (code = 'server.database_busy', retryAfter = '2') =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Busy', status: 503, code }), {
    status: 503,
    headers: { 'content-type': 'application/problem+json', 'retry-after': retryAfter },
  });
const ok = () => new Response(JSON.stringify({ rows: [] }), { status: 200, headers: { 'content-type': 'application/json' } });

describe('busyRetryDelayMs', () => {
  it('repeats a shed read after the server’s Retry-After, spread by the jitter', () => {
    expect(busyRetryDelayMs('GET', 503, 'server.database_busy', '2', 0, 0)).toBe(2000);
    expect(busyRetryDelayMs('GET', 503, 'server.long_requests_busy', '3', 1, 1)).toBe(4500);
    expect(busyRetryDelayMs('GET', 503, 'server.database_busy', null, 0, 0)).toBe(1000);
  });

  it('never repeats a write, another 503, a long wait or a read already repeated enough', () => {
    expect(busyRetryDelayMs('POST', 503, 'server.database_busy', '1', 0, 0)).toBeNull();
    expect(busyRetryDelayMs('GET', 503, 'server.database_unavailable', '1', 0, 0)).toBeNull();
    expect(busyRetryDelayMs('GET', 500, 'server.database_busy', '1', 0, 0)).toBeNull();
    expect(busyRetryDelayMs('GET', 503, 'server.database_busy', '30', 0, 0)).toBeNull();
    expect(busyRetryDelayMs('GET', 503, 'server.database_busy', '1', BUSY_RETRIES, 0)).toBeNull();
  });
});

describe('request on a busy server', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('answers a read with the rows once the server has room, after waiting its Retry-After', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn().mockResolvedValueOnce(busy()).mockResolvedValueOnce(ok());
    vi.stubGlobal('fetch', fetch);
    const answer = request('GET', '/api/apps/crm/objects/customer/records');
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(answer).resolves.toEqual({ rows: [] });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives the refusal to the caller after the last repeat, and at once for a write', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn().mockImplementation(async () => busy('server.database_busy', '1'));
    vi.stubGlobal('fetch', fetch);
    const read = request('GET', '/api/x');
    const refused = expect(read).rejects.toMatchObject({ status: 503, code: 'server.database_busy' });
    await vi.advanceTimersByTimeAsync(10_000);
    await refused;
    expect(fetch).toHaveBeenCalledTimes(1 + BUSY_RETRIES);

    fetch.mockClear();
    await expect(request('POST', '/api/x', {})).rejects.toMatchObject({ status: 503 });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when the read is cancelled', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockImplementation(async () => busy()),
    );
    const controller = new AbortController();
    const read = request('GET', '/api/x', undefined, controller.signal);
    setTimeout(() => controller.abort(), 10);
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
  });
});
