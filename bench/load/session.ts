import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type Dispatcher, request } from 'undici';
import type { Recorder } from './recorder';

export interface Call {
  kind: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  /** The statuses the step wants (default 200). */
  ok?: readonly number[];
  /** 4xx a real user meets and the UI handles (a stale version: someone else saved first). */
  expected?: readonly number[];
  /** Read the answer as text and drop it (a download) rather than parse it. */
  download?: boolean;
}

export interface Answer<T> {
  status: number;
  ok: boolean;
  json: T;
}

/**
 * One signed-in browser: its own session cookie, requests through the shared keep-alive pool,
 * each timed and recorded by kind. Never throws for an answer: a failed step records its error
 * and the virtual user goes on, as a person clicks again.
 */
export class Session {
  private cookie = '';

  constructor(
    private readonly base: string,
    private readonly dispatcher: Dispatcher,
    private readonly recorder: Recorder,
  ) {}

  async signIn(email: string, password: string): Promise<void> {
    const response = await request(`${this.base}/api/auth/sign-in`, {
      dispatcher: this.dispatcher,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`sign-in of ${email}: ${response.statusCode} ${text}`);
    const setCookie = [response.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('tessera_session='));
    if (!setCookie) throw new Error(`sign-in of ${email}: no session cookie`);
    this.cookie = setCookie.split(';')[0]!;
  }

  async call<T = unknown>(call: Call): Promise<Answer<T> | null> {
    const started = performance.now();
    try {
      const response = await request(`${this.base}${call.path}`, {
        dispatcher: this.dispatcher,
        method: call.method,
        headers: {
          cookie: this.cookie,
          'accept-language': 'zh-CN',
          'accept-encoding': 'br, gzip',
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
      const text = call.download ? String((await response.body.arrayBuffer()).byteLength) : await decoded(response);
      const ms = performance.now() - started;
      const status = response.statusCode;
      const wanted = (call.ok ?? [200]).includes(status);
      const expected = !wanted && (call.expected ?? []).includes(status);
      this.recorder.record(call.kind, ms, wanted ? 'ok' : expected ? 'expected' : 'error', status, wanted ? '' : `${call.method} ${call.path}: ${text}`);
      return { status, ok: wanted, json: wanted && !call.download && text ? (JSON.parse(text) as T) : (null as T) };
    } catch (error) {
      this.recorder.record(call.kind, performance.now() - started, 'error', null, `${call.method} ${call.path}: ${String(error)}`);
      return null;
    }
  }
}

/** The body as text, decompressed as a browser would (the server compresses answers over 1 KB). */
async function decoded(response: Dispatcher.ResponseData): Promise<string> {
  const encoding = response.headers['content-encoding'];
  const bytes = Buffer.from(await response.body.arrayBuffer());
  if (!encoding) return bytes.toString('utf8');
  if (encoding === 'br') return brotliDecompressSync(bytes).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(bytes).toString('utf8');
  throw new Error(`unknown content-encoding ${String(encoding)}`);
}
